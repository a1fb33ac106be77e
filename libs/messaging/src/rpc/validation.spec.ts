import type { ValidationError } from '@nestjs/common';
import { ErrorKind } from '@crm/errors';
import { createValidationPipe, flattenValidationErrors } from './validation';

function node(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return { property, constraints, children };
}

describe('flattenValidationErrors', () => {
  it('returns nothing for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });

  it('keeps every constraint of a field, each as its own entry', () => {
    expect(flattenValidationErrors([node('name', { isString: 'name must be a string', maxLength: 'name is too long' })])).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'name', message: 'name is too long' },
    ]);
  });

  it('names nested fields with dotted paths, array indexes included', () => {
    const tree = [
      node('contacts', undefined, [
        node('0', undefined, [node('email', { isEmail: 'email must be an email' })]),
        node('2', { isObject: 'must be an object' }, [node('phone', { isPhone: 'bad phone' })]),
      ]),
      node('type', { isIn: 'type must be one of …' }),
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'contacts.0.email', message: 'email must be an email' },
      { field: 'contacts.2', message: 'must be an object' },
      { field: 'contacts.2.phone', message: 'bad phone' },
      { field: 'type', message: 'type must be one of …' },
    ]);
  });

  it('prefixes with the parent given', () => {
    expect(flattenValidationErrors([node('x', { a: 'm' })], 'body')).toEqual([{ field: 'body.x', message: 'm' }]);
  });

  it('is what the validation pipe throws, as an `invalid` domain error', () => {
    const pipe = createValidationPipe() as unknown as { exceptionFactory: (errors: ValidationError[]) => { toPayload(): unknown } };
    const payload = pipe.exceptionFactory([node('amount', { min: 'amount must not be less than 0' })]).toPayload();
    expect(payload).toEqual({
      kind: ErrorKind.Invalid,
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      errors: [{ field: 'amount', message: 'amount must not be less than 0' }],
    });
  });
});
