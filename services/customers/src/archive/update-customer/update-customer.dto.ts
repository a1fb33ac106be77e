import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CUSTOMER_TYPES, type CustomerType } from '@crm/contracts';
import { LIST_MAX, STRING_MAX } from '../../common/field-limits';
import { ContactDto, CustomerContentFieldsDto } from '../customer-content.dto';
import { CustomerIdDto } from '../customer-command.dto';

/** Any subset of the archive content (CUS-1); `null` clears an optional field. */
export class CustomerChangesDto extends CustomerContentFieldsDto {
  @IsOptional() @IsIn(CUSTOMER_TYPES) type?: CustomerType;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(STRING_MAX) name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}

/** `customers.update` payload. */
export class UpdateCustomerDto extends CustomerIdDto {
  /** CUS-1: the version the caller last saw (`If-Match`). */
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  expectedVersion: number;

  @IsObject()
  @ValidateNested()
  @Type(() => CustomerChangesDto)
  changes: CustomerChangesDto;
}
