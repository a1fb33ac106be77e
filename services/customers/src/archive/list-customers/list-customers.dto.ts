import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CONFIDENTIALITY_LEVELS,
  CUSTOMER_STATUSES,
  type ConfidentialityLevel,
  type CustomerStatus,
  GRADES,
  type Grade,
  type ListCustomersPayload,
  MAX_PAGE_LIMIT,
} from '@crm/contracts';
import { STRING_MAX } from '../../common/field-limits';

/** `customers.list` filters and page (CUS-6). */
export class ListCustomersDto implements ListCustomersPayload {
  @IsOptional() @IsIn(CUSTOMER_STATUSES) status?: CustomerStatus;
  @IsOptional() @IsIn(GRADES) grade?: Grade;
  @IsOptional() @IsIn(CONFIDENTIALITY_LEVELS) confidentiality?: ConfidentialityLevel;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) q?: string;
  @IsOptional() @IsBoolean() reviewOverdue?: boolean;
  @IsOptional() @IsBoolean() createdLate?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_LIMIT) limit?: number;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) cursor?: string;
}
