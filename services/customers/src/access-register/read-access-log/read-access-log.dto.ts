import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type AccessLogPayload, MAX_PAGE_LIMIT } from '@crm/contracts';
import { STRING_MAX } from '../../common/field-limits';
import { CustomerIdDto } from '../../archive/customer-command.dto';

/** `customers.access-log` payload (CUS-7). */
export class ReadAccessLogDto extends CustomerIdDto implements AccessLogPayload {
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_LIMIT) limit?: number;
  @IsOptional() @IsString() @MaxLength(STRING_MAX) cursor?: string;
}
