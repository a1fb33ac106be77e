import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { MarkDormantPayload } from '@crm/contracts';
import { TEXT_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../customer-command.dto';

/** `customers.mark-dormant` payload (CUS-8/CUS-9). */
export class MarkCustomerDormantDto extends CustomerIdDto implements MarkDormantPayload {
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) reason: string;
}
