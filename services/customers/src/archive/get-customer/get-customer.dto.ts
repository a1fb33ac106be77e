import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { STRING_MAX } from '../../common/field-limits';

/** `customers.get` payload. */
export class GetCustomerDto {
  @IsUUID()
  id: string;

  /**
   * CUS-7 `X-Access-Purpose`. Optional here only so that a missing purpose reaches the domain
   * check, which refuses it naming CUS-7 rather than as a generic validation error.
   */
  @IsOptional()
  @IsString()
  @MaxLength(STRING_MAX)
  purpose?: string;
}
