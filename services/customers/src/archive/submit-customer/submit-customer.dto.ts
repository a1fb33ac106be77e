import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { SubmitCustomerPayload } from '@crm/contracts';
import { TEXT_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../customer-command.dto';

/** `customers.submit` payload: the CUS-2 survey findings (free text). */
export class SubmitCustomerDto extends CustomerIdDto implements SubmitCustomerPayload {
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) generalSurvey: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) fieldSurvey: string;
}
