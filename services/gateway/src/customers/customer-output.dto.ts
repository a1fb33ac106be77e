import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONFIDENTIALITY_LEVELS, CUSTOMER_STATUSES, CUSTOMER_TYPES, GRADES, REVIEW_OUTCOMES } from '@crm/contracts';
import type { ConfidentialityLevel, CustomerStatus, CustomerType, Grade, ReviewOutcome } from '@crm/contracts';
import { MoneyDto } from '../http/validators';
import {
  AddressDto,
  BusinessStatusDto,
  ContactDto,
  CreditInformationDto,
  EmergencyContactDto,
  RegistrationDto,
} from './customer-input.dto';

/* Documentation of the customers service's answers (libs/contracts customer-shapes.ts). */

export class ActorDto {
  @ApiProperty({ format: 'uuid' })
  keyId: string;

  @ApiProperty()
  name: string;
}

/** CUS-6: what every staff role may see of any archive. */
export class CustomerSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'C2026000123', description: 'CUS-4, assigned on approval' })
  code: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: CUSTOMER_TYPES })
  type: CustomerType;

  @ApiProperty({ enum: GRADES, nullable: true })
  grade: Grade | null;

  @ApiProperty({ enum: GRADES, nullable: true })
  creditRating: Grade | null;

  @ApiProperty({ enum: CUSTOMER_STATUSES })
  status: CustomerStatus;

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS })
  confidentiality: ConfidentialityLevel;
}

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerSummaryDto] })
  items: CustomerSummaryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class GradeChangeDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: ActorDto })
  by: ActorDto;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: GRADES, nullable: true })
  grade: Grade | null;

  @ApiProperty({ enum: GRADES, nullable: true })
  previousGrade: Grade | null;

  @ApiProperty({ enum: GRADES, nullable: true })
  creditRating: Grade | null;

  @ApiProperty({ enum: GRADES, nullable: true })
  previousCreditRating: Grade | null;
}

export class ReviewRecordDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: ActorDto })
  by: ActorDto;

  @ApiProperty({ enum: REVIEW_OUTCOMES })
  outcome: ReviewOutcome;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
}

export class DestructionApprovalDto {
  @ApiProperty({ enum: ['archivist', 'manager', 'executive'] })
  role: 'archivist' | 'manager' | 'executive';

  @ApiProperty({ type: ActorDto })
  by: ActorDto;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class SurveyDto {
  @ApiProperty()
  generalSurvey: string;

  @ApiProperty()
  fieldSurvey: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ type: ActorDto })
  submittedBy: ActorDto;
}

/** The full archive (CUS-1), readable with enough clearance (CUS-6); `version` feeds If-Match. */
export class CustomerArchiveDto extends CustomerSummaryDto {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Send it back as If-Match on PATCH' })
  version: number;

  @ApiProperty({ type: ActorDto })
  createdBy: ActorDto;

  @ApiPropertyOptional({ type: RegistrationDto })
  registration?: RegistrationDto;

  @ApiPropertyOptional()
  industry?: string;

  @ApiPropertyOptional()
  employees?: number;

  @ApiPropertyOptional({ type: MoneyDto })
  annualRevenue?: MoneyDto;

  @ApiPropertyOptional({ type: AddressDto })
  address?: AddressDto;

  @ApiPropertyOptional({ type: [AddressDto] })
  addresses?: AddressDto[];

  @ApiProperty({ type: [ContactDto] })
  contacts: ContactDto[];

  @ApiPropertyOptional()
  organisationNotes?: string;

  @ApiPropertyOptional({ type: BusinessStatusDto })
  businessStatus?: BusinessStatusDto;

  @ApiPropertyOptional({ type: CreditInformationDto })
  creditInformation?: CreditInformationDto;

  @ApiPropertyOptional({ type: EmergencyContactDto })
  emergencyContact?: EmergencyContactDto;

  @ApiPropertyOptional()
  ownerRep?: string;

  @ApiPropertyOptional()
  notes?: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstContactAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'CUS-3: firstContactAt + 7 days' })
  archiveDueBy: string | null;

  @ApiProperty({ description: 'CUS-3' })
  createdLate: boolean;

  @ApiProperty({ type: SurveyDto, nullable: true })
  survey: SurveyDto | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ type: ActorDto, nullable: true })
  approvedBy: ActorDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastReviewedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'CUS-8' })
  nextReviewDueAt: string | null;

  @ApiProperty()
  reviewOverdue: boolean;

  @ApiProperty({ type: [GradeChangeDto] })
  gradeHistory: GradeChangeDto[];

  @ApiProperty({ type: [ReviewRecordDto] })
  reviews: ReviewRecordDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dormantAt: string | null;

  @ApiProperty({ type: [DestructionApprovalDto] })
  destructionApprovals: DestructionApprovalDto[];
}

/**
 * What every command except registration answers: the summary with the workflow and concurrency
 * fields, never the archive content (CUS-6/CUS-7: content is read only through GET with a purpose).
 */
export class CustomerStatusViewDto extends CustomerSummaryDto {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Send it back as If-Match on PATCH' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstContactAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archiveDueBy: string | null;

  @ApiProperty()
  createdLate: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastReviewedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextReviewDueAt: string | null;

  @ApiProperty()
  reviewOverdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dormantAt: string | null;

  @ApiProperty({ type: [DestructionApprovalDto] })
  destructionApprovals: DestructionApprovalDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'CUS-9: set once destroyed (name then erased)' })
  destroyedAt: string | null;
}

/**
 * CUS-9: what remains of a destroyed archive — the answer of `GET /customers/{id}` once destroyed,
 * and the `tombstone` member of the 410 problem every command on it gets.
 */
export class CustomerTombstoneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  code: string | null;

  @ApiProperty({ enum: ['destroyed'] })
  status: 'destroyed';

  @ApiProperty({ format: 'date-time' })
  destroyedAt: string;

  @ApiProperty({ type: [DestructionApprovalDto] })
  approvers: DestructionApprovalDto[];
}

/** CUS-7: one entry of the borrowing register. */
export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Name of the API key' })
  caller: string;

  @ApiProperty({ format: 'uuid' })
  callerKeyId: string;

  @ApiProperty()
  purpose: string;

  @ApiProperty({ enum: ['granted', 'denied'] })
  outcome: 'granted' | 'denied';

  @ApiPropertyOptional()
  reason?: string;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] })
  items: AccessLogEntryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
