import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { GRADES, type Grade, type GradeCustomerPayload } from '@crm/contracts';
import { TEXT_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../customer-command.dto';

/** `customers.grade` payload (CUS-5): at least one of grade and credit rating, and why. */
export class GradeCustomerDto extends CustomerIdDto implements GradeCustomerPayload {
  @IsOptional() @IsIn(GRADES) grade?: Grade;
  @IsOptional() @IsIn(GRADES) creditRating?: Grade;
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) reason: string;
}
