import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  CONFIDENTIALITY_LEVELS,
  CUSTOMER_STATUSES,
  GRADES,
  REVIEW_OUTCOMES,
  type ConfidentialityLevel,
  type CustomerStatus,
  type Grade,
  type ReviewOutcome,
} from '@crm/contracts';
import { PageQueryDto } from '../http/page-query.dto';
import { IsFreeText, IsText, MAX_FREE_TEXT } from '../http/validators';

/** CUS-2: the survey findings that go with a submission (free text). */
export class SubmitCustomerDto {
  @ApiProperty({ maxLength: MAX_FREE_TEXT, description: 'General survey findings' })
  @IsText(MAX_FREE_TEXT)
  generalSurvey: string;

  @ApiProperty({ maxLength: MAX_FREE_TEXT, description: 'Field survey findings' })
  @IsText(MAX_FREE_TEXT)
  fieldSurvey: string;
}

/** A reason for a refusal or a status change (free text). */
export class ReasonDto {
  @ApiProperty({ maxLength: MAX_FREE_TEXT })
  @IsText(MAX_FREE_TEXT)
  reason: string;
}

/** CUS-5: grade and/or credit rating, with the reason kept in the history. */
export class GradeCustomerDto {
  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  creditRating?: Grade;

  @ApiProperty({ maxLength: MAX_FREE_TEXT })
  @IsText(MAX_FREE_TEXT)
  reason: string;
}

/** CUS-8: the outcome of a quarterly review. */
export class ReviewCustomerDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES)
  outcome: ReviewOutcome;

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT })
  @IsOptional()
  @IsFreeText()
  notes?: string;
}

/** Query booleans: only the literals `true` and `false`. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCustomersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES })
  @IsOptional()
  @IsIn(CUSTOMER_STATUSES)
  status?: CustomerStatus;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @ApiPropertyOptional({ enum: CONFIDENTIALITY_LEVELS })
  @IsOptional()
  @IsIn(CONFIDENTIALITY_LEVELS)
  confidentiality?: ConfidentialityLevel;

  @ApiPropertyOptional({ maxLength: 200, description: 'Case-insensitive substring of the name or the code' })
  @IsOptional()
  @IsText()
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'CUS-8: only archives whose quarterly review is overdue' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  reviewOverdue?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'CUS-3: only archives created more than 7 days after first contact' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  createdLate?: boolean;
}
