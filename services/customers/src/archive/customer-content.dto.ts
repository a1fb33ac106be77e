import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from '@crm/contracts';
import {
  CURRENCY_PATTERN,
  DATE_PATTERN,
  INSTANT_PATTERN,
  LIST_MAX,
  MONEY_MAX,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  STRING_MAX,
  TEXT_MAX,
} from '../common/field-limits';

/**
 * Validated shapes of the CUS-1 archive content (libs/contracts `customer-shapes.ts`), with the
 * SPEC field limits. Shared by Register and Update.
 */
export class MoneyDto {
  @IsInt()
  @Min(0)
  @Max(MONEY_MAX)
  amount: number;

  @IsString()
  @Matches(CURRENCY_PATTERN, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency: string;
}

export class AddressDto {
  @IsOptional() @IsString() @MaxLength(STRING_MAX) label?: string;
  @IsString() @IsNotEmpty() @MaxLength(STRING_MAX) line: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) city?: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) province?: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) postalCode?: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) country?: string;
}

export class ContactDto {
  @IsString() @IsNotEmpty() @MaxLength(STRING_MAX) name: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) title?: string;

  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @IsOptional() @IsEmail() @MaxLength(STRING_MAX) email?: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'birthday must be a YYYY-MM-DD date' })
  @IsISO8601({ strict: true })
  birthday?: string;

  @IsOptional() @IsBoolean() keyPerson?: boolean;
}

export class RegistrationDto {
  @IsOptional() @IsString() @MaxLength(STRING_MAX) registrationNo?: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) taxId?: string;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) legalRepresentative?: string;
  @IsOptional() @ValidateNested() @Type(() => MoneyDto) registeredCapital?: MoneyDto;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'registeredOn must be a YYYY-MM-DD date' })
  @IsISO8601({ strict: true })
  registeredOn?: string;
}

export class BusinessStatusDto {
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) salesHistorySummary?: string;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) cooperationAttitude?: string;
}

export class CreditInformationDto {
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) investigationSummary?: string;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) paymentBehaviour?: string;
  @IsOptional() @ValidateNested() @Type(() => MoneyDto) creditLimit?: MoneyDto;
}

export class EmergencyContactDto {
  @IsString() @IsNotEmpty() @MaxLength(STRING_MAX) name: string;

  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @IsOptional() @IsString() @MaxLength(STRING_MAX) relation?: string;
}

/** The optional content fields, common to the Register body and the Update change set. */
export abstract class CustomerContentFieldsDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RegistrationDto) registration?: RegistrationDto | null;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) industry?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) employees?: number | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MoneyDto) annualRevenue?: MoneyDto | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AddressDto) address?: AddressDto | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  addresses?: AddressDto[] | null;

  @IsOptional() @IsString() @MaxLength(TEXT_MAX) organisationNotes?: string | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BusinessStatusDto) businessStatus?: BusinessStatusDto | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CreditInformationDto) creditInformation?: CreditInformationDto | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EmergencyContactDto) emergencyContact?: EmergencyContactDto | null;
  @IsOptional() @IsIn(CONFIDENTIALITY_LEVELS) confidentiality?: ConfidentialityLevel;

  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: 'firstContactAt must be an ISO-8601 instant with a time zone, e.g. 2026-01-05T08:00:00Z' })
  @IsISO8601({ strict: true })
  firstContactAt?: string | null;

  @IsOptional() @IsString() @MaxLength(STRING_MAX) ownerRep?: string | null;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) notes?: string | null;
}
