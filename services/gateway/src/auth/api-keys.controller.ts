import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, PageQuery } from '@crm/contracts';
import { UuidParam } from '../http/uuid-param';
import { ApiRequestId } from '../openapi/api-headers.decorator';
import { ApiProblems, BODY_PROBLEMS } from '../openapi/api-problems.decorator';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';
import { CurrentCaller } from './current-caller.decorator';
import { Roles } from './roles.decorator';
import { SkipIdempotency } from '../idempotency/idempotent.decorator';

@ApiTags('api-keys')
@ApiRequestId()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Roles('admin')
  // GW-2 outranks GW-6 here: replaying this answer would mean storing the secret.
  @SkipIdempotency()
  @ApiOperation({
    summary: 'Issue an API key',
    description: 'The secret (`key`) is shown only in this answer; only its hash is stored. `Idempotency-Key` is ignored here.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(...BODY_PROBLEMS)
  create(@Body() body: CreateApiKeyDto, @CurrentCaller() caller: Caller): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(body, caller);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List API keys, newest first (never the secret or its hash)' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiProblems(400)
  list(@Query() query: PageQuery): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(query.limit, query.cursor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiProblems(400, 404)
  async revoke(@UuidParam('id') id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
