import { PHONE_PATTERN, PHONE_RULE } from '@crm/contracts';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { MAX_MONEY_AMOUNT } from '@crm/contracts';

/** SPEC "Conventions" field limits. */
export const MAX_STRING = 200;
export const MAX_FREE_TEXT = 10_000;
export const MAX_LIST = 100;

/** An ISO-8601 UTC instant with time and offset, e.g. `2026-11-03T08:15:00Z`. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 instant, e.g. 2026-11-03T08:15:00Z' }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO-8601 instant with a time and an offset, e.g. 2026-11-03T08:15:00Z',
    }),
  );
}

/** A business date `YYYY-MM-DD` that exists in the calendar. */
export function IsBusinessDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date YYYY-MM-DD' }),
  );
}

/** Phone numbers: the rule shared with the domain services (libs/contracts `PHONE_PATTERN`). */
export function IsPhone(): PropertyDecorator {
  return Matches(PHONE_PATTERN, { message: `$property must be ${PHONE_RULE}` });
}

/** A string of 1…max characters. */
export function IsText(max = MAX_STRING): PropertyDecorator {
  return applyDecorators(IsString(), Length(1, max));
}

/** Free text (`notes`, `description`, survey findings): up to 10,000 characters. */
export function IsFreeText(): PropertyDecorator {
  return applyDecorators(IsString(), MaxLength(MAX_FREE_TEXT));
}

/** A nested object validated with its own class. */
export function IsNested(type: () => Function): PropertyDecorator {
  return applyDecorators(ValidateNested(), Type(type));
}

/** `{amount, currency}`: integer fen 0…10^12, ISO currency of 3 capital letters. */
export class MoneyDto {
  @ApiProperty({ minimum: 0, maximum: MAX_MONEY_AMOUNT, description: 'Integer minor units (fen)', example: 120000 })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  amount: number;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be 3 capital letters (ISO 4217)' })
  currency: string;
}
