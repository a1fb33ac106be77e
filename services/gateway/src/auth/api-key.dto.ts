import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { CONFIDENTIALITY_LEVELS, Instant, Int, LIMITS, OneOf, ROLES, Text, type ConfidentialityLevel, type Role } from '@crm/contracts';

const NOT_BLANK = /\S/;

/** GW-2: what an admin sends to issue a key. Field rules from libs/contracts `formats`. */
export class CreateApiKeyDto {
  @Text({ pattern: NOT_BLANK, patternRule: 'not blank', example: 'ERP integration' })
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['sales'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @OneOf(CONFIDENTIALITY_LEVELS, { description: 'CUS-6 clearance of the key' })
  clearance: ConfidentialityLevel;

  @Text({
    optional: true,
    pattern: NOT_BLANK,
    patternRule: 'not blank',
    description: 'Required for `pos` keys: the only store they may act for',
  })
  storeId?: string;

  @Int({ optional: true, min: 1, max: 100_000, description: 'Requests per second (GW-4), default 100' })
  rateLimitPerSecond?: number;

  @Instant({ optional: true, description: 'In the future; after it the key is refused (401)', example: '2027-01-01T00:00:00Z' })
  expiresAt?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: LIMITS.list,
    description: 'CUS-6: top_secret archives this key may read',
  })
  // May be left out, but not null: the document says a list (issue 11 found `null` accepted).
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(LIMITS.list)
  @IsUUID('all', { each: true })
  designatedCustomerIds?: string[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS })
  clearance: ConfidentialityLevel;

  @ApiProperty({ type: String, nullable: true })
  storeId: string | null;

  @ApiProperty({ description: 'Requests per second (GW-4)' })
  rateLimitPerSecond: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  designatedCustomerIds: string[];

  @ApiProperty({ description: 'The first characters of the secret, to tell keys apart', example: 'csk_Xk3f' })
  keyPrefix: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The secret: shown only in this answer, store it now (GW-2)', example: 'csk_…' })
  key: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items: ApiKeyDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
