import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import {
  CONFIDENTIALITY_LEVELS,
  CUSTOMER_TYPES,
  type Address,
  type BusinessStatus,
  type ConfidentialityLevel,
  type Contact,
  type CreditInformation,
  type CustomerArchiveInput,
  type CustomerType,
  type EmergencyContact,
  type Registration,
} from '@crm/contracts';
import { IsBusinessDate, IsFreeText, IsInstant, IsNested, IsPhone, IsText, MAX_LIST, MoneyDto } from '../http/validators';

/*
 * The body of POST /customers and PATCH /customers/{id}: CustomerArchiveInput of
 * libs/contracts (CUS-1) with the SPEC "Conventions" limits. Shape only — every business rule
 * is the customers service's.
 */

export class AddressDto implements Address {
  @ApiPropertyOptional({ maxLength: 200, example: 'head office' })
  @IsOptional()
  @IsText()
  label?: string;

  @ApiProperty({ maxLength: 200, example: '88 Century Avenue' })
  @IsText()
  line: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Shanghai' })
  @IsOptional()
  @IsText()
  city?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  province?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  postalCode?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'CN' })
  @IsOptional()
  @IsText()
  country?: string;
}

export class ContactDto implements Contact {
  @ApiProperty({ maxLength: 200, example: 'Li Wei' })
  @IsText()
  name: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Purchasing director' })
  @IsOptional()
  @IsText()
  title?: string;

  @ApiPropertyOptional({ pattern: '^[0-9+\\- ]{5,20}$', example: '+86 21 5555 0100' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 200 })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ format: 'date', example: '1980-04-12' })
  @IsOptional()
  @IsBusinessDate()
  birthday?: string;

  @ApiPropertyOptional({ description: 'A key decision-maker (CUS-1)' })
  @IsOptional()
  @IsBoolean()
  keyPerson?: boolean;
}

export class RegistrationDto implements Registration {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  registrationNo?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  taxId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  legalRepresentative?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsNested(() => MoneyDto)
  registeredCapital?: MoneyDto;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsBusinessDate()
  registeredOn?: string;
}

export class BusinessStatusDto implements BusinessStatus {
  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  salesHistorySummary?: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  cooperationAttitude?: string;
}

export class CreditInformationDto implements CreditInformation {
  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  investigationSummary?: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  paymentBehaviour?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsNested(() => MoneyDto)
  creditLimit?: MoneyDto;
}

export class EmergencyContactDto implements EmergencyContact {
  @ApiProperty({ maxLength: 200 })
  @IsText()
  name: string;

  @ApiPropertyOptional({ pattern: '^[0-9+\\- ]{5,20}$' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  relation?: string;
}

export class RegisterCustomerDto implements CustomerArchiveInput {
  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES)
  type: CustomerType;

  @ApiProperty({ maxLength: 200, example: 'Acme Trading Co., Ltd.' })
  @IsText()
  name: string;

  @ApiPropertyOptional({ type: RegistrationDto })
  @IsOptional()
  @IsNested(() => RegistrationDto)
  registration?: RegistrationDto;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsText()
  industry?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees?: number;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsNested(() => MoneyDto)
  annualRevenue?: MoneyDto;

  @ApiPropertyOptional({ type: AddressDto, description: 'Main address' })
  @IsOptional()
  @IsNested(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ type: [AddressDto], maxItems: MAX_LIST })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsNested(() => AddressDto)
  addresses?: AddressDto[];

  @ApiProperty({ type: [ContactDto], maxItems: MAX_LIST })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsNested(() => ContactDto)
  contacts: ContactDto[];

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  organisationNotes?: string;

  @ApiPropertyOptional({ type: BusinessStatusDto })
  @IsOptional()
  @IsNested(() => BusinessStatusDto)
  businessStatus?: BusinessStatusDto;

  @ApiPropertyOptional({ type: CreditInformationDto })
  @IsOptional()
  @IsNested(() => CreditInformationDto)
  creditInformation?: CreditInformationDto;

  @ApiPropertyOptional({ type: EmergencyContactDto })
  @IsOptional()
  @IsNested(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto;

  @ApiPropertyOptional({ enum: CONFIDENTIALITY_LEVELS, default: 'confidential', description: 'CUS-6' })
  @IsOptional()
  @IsIn(CONFIDENTIALITY_LEVELS)
  confidentiality?: ConfidentialityLevel;

  @ApiPropertyOptional({ format: 'date-time', description: 'CUS-3: the archive is due 7 days after first contact' })
  @IsOptional()
  @IsInstant()
  firstContactAt?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Owner sales rep' })
  @IsOptional()
  @IsText()
  ownerRep?: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsFreeText()
  notes?: string;
}

/** PATCH: any subset of the archive content, with the same limits. */
export class UpdateCustomerDto extends PartialType(RegisterCustomerDto) {}
