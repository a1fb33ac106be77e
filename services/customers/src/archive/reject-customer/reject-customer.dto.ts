import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { RejectCustomerPayload } from '@crm/contracts';
import { TEXT_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../customer-command.dto';

/** `customers.reject` payload (CUS-2). */
export class RejectCustomerDto extends CustomerIdDto implements RejectCustomerPayload {
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) reason: string;
}
