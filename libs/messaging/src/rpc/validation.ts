import { ValidationPipe, type ValidationPipeOptions, type ValidationError } from '@nestjs/common';
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
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CommonException.validation(flattenValidationErrors(errors)),
    ...overrides,
  });
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
