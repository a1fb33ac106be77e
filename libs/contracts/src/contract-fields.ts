import { IsISO8601, IsInt, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { MAX_MONEY_AMOUNT, type Money } from './money';

/**
 * Field rules of message contracts (event `data`, plain command inputs), with the SPEC
 * "Conventions" limits. Decorators from class-validator only: the transport validates with the
 * same pipe options as RPC payloads (libs/messaging `createValidationPipe`, STYLE rule 8).
 */
export const MAX_STRING = 200;
export const MAX_LIST = 100;

/** ISO-8601 instant with a time and an explicit offset (`Z` or `±hh:mm`), never a floating local time. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An ISO-8601 UTC instant on the wire (SPEC "Time"), e.g. `2026-11-03T08:15:00Z`. */
export function IsInstant(): PropertyDecorator {
  return compose(
    IsString(),
    Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant with a time and an offset, e.g. 2026-11-03T08:15:00Z' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid ISO-8601 instant' }),
  );
}

/** Present, and either `null` or valid by the property's other rules (`code: string | null`). */
export function IsNullable(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== null);
}

/** `{amount, currency}` (SPEC "Money"): integer fen 0…10^12, ISO 4217 code of 3 capital letters. */
export class MoneyData implements Money {
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  amount: number;

  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency: string;
}
