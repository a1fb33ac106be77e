import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REVIEW_OUTCOMES, type ReviewCustomerPayload, type ReviewOutcome } from '@crm/contracts';
import { TEXT_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../customer-command.dto';

/** `customers.review` payload (CUS-8). */
export class ReviewCustomerDto extends CustomerIdDto implements ReviewCustomerPayload {
  @IsIn(REVIEW_OUTCOMES) outcome: ReviewOutcome;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) notes?: string;
}
