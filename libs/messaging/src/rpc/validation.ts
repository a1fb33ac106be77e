import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions, type ValidationError } from '@nestjs/common';
import type { ContractClass } from '@crm/contracts';
import { CommonException, type FieldError } from '@crm/errors';

/** Flattens class-validator's tree into `{field, message}` pairs (`contacts.0.email`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * STYLE rule 8: the same strict validation on HTTP bodies and on RMQ payloads. `overrides` exists
 * for one documented case only: event data tolerates fields it does not know (see
 * `validateEventData`).
 */
export function createValidationPipe(overrides: Pick<ValidationPipeOptions, 'forbidNonWhitelisted'> = {}): ValidationPipe {
  return new ClosedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CommonException.validation(flattenValidationErrors(errors)),
    ...overrides,
  });
}

/**
 * Member names Nest's ValidationPipe deletes before it validates (`stripProtoKeys`, and
 * class-transformer skips the first two as well), so `forbidNonWhitelisted` never sees them.
 */
const STRIPPED_MEMBERS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first member of a plain payload named `__proto__`, `constructor` or `prototype`, as a
 * dotted path (`registration.constructor`), or null. Walks with its own stack: no payload
 * exhausts the call stack.
 */
export function strippedMemberOf(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const item = stack.pop()!;
    if (!item.value || typeof item.value !== 'object') continue;
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (STRIPPED_MEMBERS.has(key)) return path;
      stack.push({ value: (item.value as Record<string, unknown>)[key], path });
    }
  }
  return null;
}

/**
 * Issue 11 (hostile input): a body that is not an object is refused (400, field `body`). And the pipe drops members named `constructor`, `prototype` and
 * `__proto__` without a word, so `{"prototype": {…}}` passed as if the member were not there
 * although every contract is closed (the document says `additionalProperties: false`). Refused
 * like any unknown field (400) — unless the pipe tolerates unknown fields (event data), where
 * they are stripped like the others.
 */
const NOT_CONTRACTS: unknown[] = [String, Boolean, Number, Array, Object];
const isContract = (metatype: unknown) => typeof metatype === 'function' && !NOT_CONTRACTS.includes(metatype);

class ClosedValidationPipe extends ValidationPipe {
  constructor(private readonly closedOptions: ValidationPipeOptions) {
    super(closedOptions);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Issue 11: the pipe turns a `null` body into `{}` and validates a primitive against a
    // stand-in, so `null`, `42` or `[]` passed on a contract without required fields (PATCH
    // /customers/{id}) and went on to the service. A contract is an object; an absent body stays
    // `{}` (json-body.ts), for commands whose body may be empty.
    if (
      metadata.type === 'body' &&
      isContract(metadata.metatype) &&
      value !== undefined &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw CommonException.validation([{ field: 'body', message: 'the body must be a JSON object' }]);
    }
    if (this.closedOptions.forbidNonWhitelisted && metadata.type !== 'custom') {
      const field = strippedMemberOf(value);
      if (field) {
        const name = field.split('.').pop();
        throw CommonException.validation([{ field, message: `property ${name} should not exist` }]);
      }
    }
    return super.transform(value, metadata);
  }
}

const strictPipe = createValidationPipe();
/**
 * API.md lets a producer add fields to an event's data; a consumer built before the addition must
 * not dead-letter every such event, so unknown fields are stripped (whitelist), not refused.
 */
const tolerantPipe = createValidationPipe({ forbidNonWhitelisted: false });

/**
 * A plain command body (POS purchase) against its contract: exactly as strict as the same body
 * sent over HTTP or RPC. Resolves to the validated instance; throws the pipe's `VALIDATION_FAILED`
 * exception naming each field.
 */
export function validateCommandBody<T extends object>(contract: ContractClass<T>, body: unknown): Promise<T> {
  return strictPipe.transform(body, { type: 'body', metatype: contract });
}

/** An event's `data` against its type's contract (libs/contracts `EVENT_DATA_CONTRACTS`). */
export function validateEventData<T extends object>(contract: ContractClass<T>, data: unknown): Promise<T> {
  return tolerantPipe.transform(data, { type: 'body', metatype: contract });
}
