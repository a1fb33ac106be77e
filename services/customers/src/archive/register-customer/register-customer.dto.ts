import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CUSTOMER_TYPES, type CustomerType } from '@crm/contracts';
import { LIST_MAX, STRING_MAX } from '../../common/field-limits';
import { ContactDto, CustomerContentFieldsDto } from '../customer-content.dto';

/** `customers.register` payload (CUS-1). */
export class RegisterCustomerDto extends CustomerContentFieldsDto {
  @IsIn(CUSTOMER_TYPES)
  type: CustomerType;

  @IsString()
  @IsNotEmpty()
  @MaxLength(STRING_MAX)
  name: string;

  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts: ContactDto[];
}
