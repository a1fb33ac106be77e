import type { ValidationError } from '@nestjs/common';
import {
  CustomerChanges,
  CustomerDestroyedEventData,
  CustomerEventData,
  CustomerEventType,
  EVENT_DATA_CONTRACTS,
  MAX_MONEY_AMOUNT,
  PosPurchaseLine,
  PosPurchaseMessage,
} from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { createValidationPipe, flattenValidationErrors, strippedMemberOf, validateCommandBody, validateEventData } from './validation';

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

describe('message contracts, validated as the transport does it', () => {
  const customerId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
  const summary = {
    customerId,
    code: null,
    name: 'Canal Dealers',
    type: 'dealer',
    status: 'prospect',
    grade: null,
    creditRating: null,
    confidentiality: 'secret',
  };

  async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
    const error = await promise.then(
      () => undefined,
      (e: { toPayload(): { errors?: { field: string }[] } }) => e,
    );
    if (!error) throw new Error('expected a validation failure');
    return (error.toPayload().errors ?? []).map((e) => e.field);
  }

  it('accepts every customers event data as the service builds it, and returns the contract class', async () => {
    for (const type of Object.values(CustomerEventType).filter((t) => t !== CustomerEventType.Destroyed)) {
      const data = await validateEventData(EVENT_DATA_CONTRACTS[type], { ...summary, code: 'C2026000001', grade: 'A' });
      expect(data).toBeInstanceOf(CustomerEventData);
    }
    await expect(validateEventData(CustomerEventData, { ...summary, changedFields: ['name', 'contacts'] })).resolves.toBeTruthy();
    const destroyed = {
      customerId,
      code: 'C2026000001',
      destroyedAt: '2026-02-01T00:00:00.000Z',
      approvers: [{ role: 'archivist', keyId: 'k-1', at: '2026-01-01T00:00:00Z' }],
    };
    await expect(validateEventData(EVENT_DATA_CONTRACTS[CustomerEventType.Destroyed], destroyed)).resolves.toBeInstanceOf(
      CustomerDestroyedEventData,
    );
  });

  it('names the fields of customers event data that break the contract, nested ones included', async () => {
    expect(
      await fieldsOf(validateEventData(CustomerEventData, { ...summary, customerId: 'c-1', status: 'gone', code: undefined })),
    ).toEqual(expect.arrayContaining(['customerId', 'status', 'code']));
    const destroyed = { customerId, code: null, destroyedAt: 'yesterday', approvers: [{ role: 'sales', keyId: '', at: '2026-01-01' }] };
    expect(await fieldsOf(validateEventData(CustomerDestroyedEventData, destroyed))).toEqual(
      expect.arrayContaining(['destroyedAt', 'approvers.0.role', 'approvers.0.keyId', 'approvers.0.at']),
    );
  });

  it('strips an event data field it does not know (a producer may add fields, API.md) instead of refusing it', async () => {
    const data = await validateEventData(CustomerEventData, { ...summary, addedLater: 1 });
    expect(data).not.toHaveProperty('addedLater');
  });

  const purchase = {
    storeId: 'S001',
    transactionId: 'T-1',
    occurredAt: '2026-11-03T08:15:00+08:00',
    cardNumber: '6222000011112222',
    lines: [{ sku: 'TEA-001', quantity: 1, unitPrice: { amount: 0, currency: 'CNY' }, promo: true }],
    paid: { amount: MAX_MONEY_AMOUNT, currency: 'CNY' },
  };

  it('accepts a POS purchase body at its limits and returns the contract class with nested classes', async () => {
    const body = await validateCommandBody(PosPurchaseMessage, { ...purchase, phone: '(010) 6552-9988' });
    expect(body).toBeInstanceOf(PosPurchaseMessage);
    expect(body.lines[0]).toBeInstanceOf(PosPurchaseLine);
    const hundred = Array.from({ length: 100 }, () => purchase.lines[0]);
    await expect(validateCommandBody(PosPurchaseMessage, { ...purchase, lines: hundred, storeId: 's'.repeat(200) })).resolves.toBeTruthy();
  });

  it('refuses a POS purchase body outside API.md, naming each field', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['storeId', { storeId: 's'.repeat(201) }],
      ['transactionId', { transactionId: undefined }],
      ['occurredAt', { occurredAt: '2026-11-03T08:15:00' }],
      ['phone', { phone: '+86 (10) +1234' }],
      ['cardNumber', { cardNumber: '6222-0000-1111-2222' }],
      ['lines', { lines: [] }],
      ['lines', { lines: Array.from({ length: 101 }, () => purchase.lines[0]) }],
      ['lines.0.quantity', { lines: [{ ...purchase.lines[0], quantity: 1.5 }] }],
      ['lines.0.sku', { lines: [{ ...purchase.lines[0], sku: '' }] }],
      ['lines.0.unitPrice', { lines: [{ ...purchase.lines[0], unitPrice: undefined }] }],
      ['lines.0.unitPrice.amount', { lines: [{ ...purchase.lines[0], unitPrice: { amount: -1, currency: 'CNY' } }] }],
      ['lines.0.extra', { lines: [{ ...purchase.lines[0], extra: true }] }],
      ['paid.amount', { paid: { amount: MAX_MONEY_AMOUNT + 1, currency: 'CNY' } }],
      ['paid.currency', { paid: { amount: 1, currency: 'RMB1' } }],
      ['paid', { paid: undefined }],
      ['coupon', { coupon: 'FREE' }],
    ];
    for (const [field, change] of cases) {
      expect([field, await fieldsOf(validateCommandBody(PosPurchaseMessage, { ...purchase, ...change }))]).toEqual([
        field,
        expect.arrayContaining([field]),
      ]);
    }
  });
});

describe('members the pipe would strip without a word (issue 11, hostile input)', () => {
  const purchase = {
    storeId: 'S001',
    transactionId: 'T-1',
    occurredAt: '2026-11-03T08:15:00+08:00',
    lines: [{ sku: 'TEA-001', quantity: 1, unitPrice: { amount: 100, currency: 'CNY' } }],
    paid: { amount: 100, currency: 'CNY' },
  };

  it('refuses a `constructor` or `prototype` member anywhere in a command body, naming its path, as an unknown field', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['constructor', { ...purchase, constructor: { name: 'Object' } }],
      ['constructor', { ...purchase, constructor: 'x' }],
      ['paid.constructor', { ...purchase, paid: { ...purchase.paid, constructor: { prototype: { polluted: true } } } }],
      ['lines.0.constructor', { ...purchase, lines: [{ ...purchase.lines[0], constructor: 1 }] }],
      ['prototype', { ...purchase, prototype: { polluted: true } }],
      ['paid.prototype', { ...purchase, paid: { ...purchase.paid, prototype: null } }],
    ];
    for (const [field, body] of cases) {
      const error = await validateCommandBody(PosPurchaseMessage, body).then(
        () => undefined,
        (e: { toPayload(): unknown }) => e.toPayload(),
      );
      expect([field, error]).toEqual([
        field,
        expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [{ field, message: expect.stringMatching(/should not exist/) }] }),
      ]);
    }
  });

  it('refuses a `__proto__` own member (JSON.parse makes one) the same way', async () => {
    const body = JSON.parse(`{"storeId":"S001","__proto__":{"isAdmin":true}}`) as Record<string, unknown>;
    expect(strippedMemberOf(body)).toBe('__proto__');
    await expect(validateCommandBody(PosPurchaseMessage, body)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('still accepts the body without them, and event data strips them like any unknown field', async () => {
    await expect(validateCommandBody(PosPurchaseMessage, purchase)).resolves.toBeInstanceOf(PosPurchaseMessage);
    expect(strippedMemberOf(purchase)).toBeNull();
    expect(strippedMemberOf({ constructorName: 'x', prototypes: [{ proto: 1 }] })).toBeNull();
    const summary = {
      customerId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      code: null,
      name: 'Canal Dealers',
      type: 'dealer',
      status: 'prospect',
      grade: null,
      creditRating: null,
      confidentiality: 'secret',
    };
    const data = await validateEventData(CustomerEventData, { ...summary, constructor: { name: 'x' }, prototype: 1 });
    expect(Object.prototype.hasOwnProperty.call(data, 'constructor')).toBe(false);
    expect(data).not.toHaveProperty('prototype');
  });
});

describe('a body that is not an object (issue 11, hostile input)', () => {
  const pipe = createValidationPipe();
  const body = (value: unknown) => pipe.transform(value, { type: 'body', metatype: CustomerChanges });

  it('refuses null, numbers, strings, booleans and arrays where a contract without required fields takes {}', async () => {
    await expect(body({})).resolves.toBeInstanceOf(CustomerChanges);
    await expect(body(undefined)).resolves.toBeInstanceOf(CustomerChanges);
    for (const value of [null, 42, 'body', true, [], [{}]]) {
      const payload = await body(value).then(
        () => undefined,
        (e: { toPayload(): unknown }) => e.toPayload(),
      );
      expect({ value, payload }).toEqual({
        value,
        payload: expect.objectContaining({
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'body', message: 'the body must be a JSON object' }],
        }),
      });
    }
  });

  it('leaves parameters and primitive types alone', async () => {
    await expect(pipe.transform('6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', { type: 'param', metatype: String, data: 'id' })).resolves.toBe(
      '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    );
    await expect(pipe.transform(null, { type: 'body', metatype: Object })).resolves.toBeNull();
  });
});
