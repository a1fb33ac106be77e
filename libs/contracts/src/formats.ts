import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_MONEY_AMOUNT } from './money';

/*
 * Field formats and limits of SPEC "Conventions", declared once. Each decorator here carries both
 * the class-validator rule (enforced by the gateway on HTTP bodies and by the services on RabbitMQ
 * payloads, STYLE rule 8) and the OpenAPI description of the same rule, so the document
 * integrators generate clients from can never disagree with what is enforced (STYLE rule 13).
 * A contract class is written with these and nothing else.
 */

export const LIMITS = {
  /** Names, titles, codes, short strings. */
  string: 200,
  /** Notes, descriptions, reasons, survey findings. */
  freeText: 10_000,
  /** Items of any list in a body. */
  list: 100,
  money: MAX_MONEY_AMOUNT,
} as const;

/**
 * Phone numbers: 5–20 characters, only digits, spaces, `-`, `(`, `)` and `+`; `+` only as the
 * first character; at least 5 digits — so `(0571) 8888-6666` and `+86 21 5555 0100` are phones.
 */
export const PHONE_PATTERN = /^(?=.{5,20}$)(?=(?:[^0-9]*[0-9]){5})\+?[0-9 ()-]+$/;
export const PHONE_RULE = "5–20 characters of digits, spaces, '-', '(' and ')', with at least 5 digits and '+' only at the start";
/** One `@`, something on both sides, a dot in the domain; Unicode allowed (Chinese mailboxes). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time with seconds and an explicit offset (`Z` or `±hh:mm`): never a floating local time. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Length in characters = Unicode code points, as JSON Schema's `maxLength` and PostgreSQL's
 * `varchar(n)` count (validator.js's `isLength` skips U+FE0E/U+FE0F, which would let a value
 * through that overflows its column).
 */
export function characterCount(value: string): number {
  return value.length - (value.match(SURROGATE_PAIRS)?.length ?? 0);
}

/** `value` cut to at most `max` characters without splitting a code point. */
export function truncateCharacters(value: string, max: number): string {
  return characterCount(value) <= max ? value : Array.from(value).slice(0, max).join('');
}

/**
 * Text PostgreSQL can store: no U+0000 (text and jsonb refuse it) and well-formed UTF-16 (a lone
 * surrogate fails a jsonb insert). Refused as invalid input (400) instead of failing the write (500).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface FieldOptions {
  /** May be left out. */
  optional?: boolean;
  /** May be `null` (an update clears the field; an answer has no value). */
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

/**
 * Presence: a required field must be there and not null; an optional one may be absent (and
 * `null` only when nullable). Unlike `@IsOptional`, a non-nullable optional field refuses `null`,
 * exactly as the document says.
 */
function presence({ optional, nullable }: FieldOptions): PropertyDecorator {
  if (!optional && !nullable) return () => undefined;
  return ValidateIf((_object: object, value: unknown) => !(value === undefined && optional) && !(value === null && nullable));
}

function describe(options: FieldOptions, schema: ApiPropertyOptions): PropertyDecorator {
  const { optional, nullable, description, example } = options;
  return ApiProperty({
    ...schema,
    required: !optional,
    ...(nullable ? { nullable: true } : {}),
    ...(description ? { description } : {}),
    ...(example !== undefined ? { example } : {}),
  } as ApiPropertyOptions);
}

/** One rule, one message per field: type, length in characters, storable, and the pattern if any. */
function textRule(min: number, max: number, pattern?: RegExp, patternRule?: string): PropertyDecorator {
  const length = (value: string) => characterCount(value) >= min && characterCount(value) <= max;
  return ValidateBy({
    name: 'text',
    constraints: [min, max],
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && length(value) && isStorableText(value) && (!pattern || pattern.test(value)),
      defaultMessage: (args) => {
        const value = args?.value;
        if (typeof value === 'string' && !isStorableText(value)) return `${args?.property} must be well-formed text without NUL characters`;
        if (pattern) return `${args?.property} must be ${patternRule ?? pattern.source}`;
        return min > 0
          ? `${args?.property} must be text of ${min} to ${max} characters`
          : `${args?.property} must be at most ${max} characters`;
      },
    },
  });
}

/** A string of 1…`max` characters (default 200), storable as PostgreSQL text. */
export function Text(
  options: FieldOptions & { max?: number; min?: number; pattern?: RegExp; patternRule?: string } = {},
): PropertyDecorator {
  const max = options.max ?? LIMITS.string;
  const min = options.min ?? 1;
  return applyDecorators(
    describe(options, { type: String, minLength: min, maxLength: max, ...(options.pattern ? { pattern: options.pattern.source } : {}) }),
    presence(options),
    textRule(min, max, options.pattern, options.patternRule),
  );
}

/** Free text (notes, descriptions): 0…10,000 characters. */
export function FreeText(options: FieldOptions & { min?: number } = {}): PropertyDecorator {
  return Text({ ...options, min: options.min ?? 0, max: LIMITS.freeText });
}

/** Phone numbers ({@link PHONE_PATTERN}). */
export function Phone(options: FieldOptions = {}): PropertyDecorator {
  return Text({ example: '(0571) 8888-6666', ...options, min: 5, max: 20, pattern: PHONE_PATTERN, patternRule: PHONE_RULE });
}

export function Email(options: FieldOptions = {}): PropertyDecorator {
  return Text({ example: 'li.wei@example.com', ...options, pattern: EMAIL_PATTERN, patternRule: 'an email address' });
}

/** An instant: RFC 3339 with seconds and offset, e.g. `2026-11-03T08:15:00Z`. */
export function Instant(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    describe(options, { type: String, format: 'date-time', pattern: INSTANT_PATTERN.source, example: '2026-11-03T08:15:00Z' }),
    presence(options),
    IsString(),
    Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant with seconds and an offset, e.g. 2026-11-03T08:15:00Z' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid ISO-8601 instant' }),
  );
}

/** A business date `YYYY-MM-DD` that exists in the calendar. */
export function BusinessDate(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    describe(options, { type: String, format: 'date', pattern: DATE_PATTERN.source, example: '2026-11-03' }),
    presence(options),
    ValidateBy({
      name: 'businessDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD that exists`,
      },
    }),
  );
}

export function Uuid(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(describe(options, { type: String, format: 'uuid' }), presence(options), IsUUID('all'));
}

/** One of a closed list of strings. */
export function OneOf(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    describe(options, { enum: [...values], type: String }),
    presence(options),
    IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

export function Int(options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    describe(options, { type: 'integer', minimum: options.min, maximum: options.max }),
    presence(options),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

/** `true` or `false`; in a query string only the literals `true` and `false`. */
export function Bool(options: FieldOptions & { query?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    describe(options, { type: Boolean }),
    ...(options.query ? [Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))] : []),
    presence(options),
    IsBoolean(),
  );
}

/** A nested object (or, with `list`, up to 100 of them) validated with its own class. */
export function Nested(
  type: () => Function,
  options: FieldOptions & { list?: boolean; maxItems?: number; minItems?: number } = {},
): PropertyDecorator {
  const maxItems = options.maxItems ?? LIMITS.list;
  const minItems = options.list && options.minItems ? { minItems: options.minItems } : {};
  return applyDecorators(
    // An arrow written as `type: () => …` is what @nestjs/swagger recognises as a lazy type (by its name).
    describe(options, { type: () => type(), ...(options.list ? { isArray: true, maxItems, ...minItems } : {}) }),
    presence(options),
    ...(options.list ? [IsArray(), ArrayMaxSize(maxItems), ...(minItems.minItems ? [ArrayMinSize(minItems.minItems)] : [])] : [IsObject()]),
    ValidateNested({ each: options.list }),
    Type(type),
  );
}

/** `{amount, currency}`: integer minor units (fen) 0…10^12 and an ISO 4217 code. Never floating point. */
export class Money {
  @Int({ min: 0, max: LIMITS.money, description: 'Integer minor units (fen)', example: 120000 })
  amount: number;

  @Text({ min: 3, max: 3, pattern: CURRENCY_PATTERN, patternRule: '3 capital letters (ISO 4217)', example: 'CNY' })
  currency: string;
}
