import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@crm/contracts';

/**
 * A query number written in decimal digits only; anything else (`0x10`, `1e2`, ` 5`, `+5`) stays
 * as it came and fails `@IsInt` (400) instead of being read as JavaScript would.
 */
export function toDecimalInteger(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value;
}

/** API.md "Lists": `?limit=` (default 50, max 200) and `?cursor=`. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => toDecimalInteger(value))
  @IsInt({ message: 'limit must be an integer of decimal digits' })
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor: the `nextCursor` of the previous page', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
