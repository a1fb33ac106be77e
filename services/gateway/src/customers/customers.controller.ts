import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CustomerPattern,
  type AccessLogEntry,
  type CustomerArchive,
  type CustomerSummary,
  type CustomerStatusView,
  type CustomerTombstone,
  type Page,
  ROLES,
} from '@crm/contracts';
import { ErrorKind, RemoteException } from '@crm/errors';
import { Roles, STAFF_ROLES } from '../auth/roles.decorator';
import { accessPurpose } from '../http/access-purpose';
import { etagOf, parseIfMatch } from '../http/if-match';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { ApiIdempotencyKey, ApiIfMatch, ApiRequestId } from '../openapi/api-headers.decorator';
import { ApiProblems, BODY_PROBLEMS } from '../openapi/api-problems.decorator';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { DomainClient } from '../rpc/domain.client';
import { GradeCustomerDto, ListCustomersQueryDto, ReasonDto, ReviewCustomerDto, SubmitCustomerDto } from './customer-commands.dto';
import { RegisterCustomerDto, UpdateCustomerDto } from './customer-input.dto';
import { AccessLogPageDto, CustomerArchiveDto, CustomerPageDto, CustomerStatusViewDto, CustomerTombstoneDto } from './customer-output.dto';

/**
 * API.md "Customers": thin proxies to the customers service (CUS-1..10 live there). The gateway
 * checks roles (GW-3), validates shapes and headers, and translates; the Caller travels with
 * every call so the service applies clearance (CUS-6) and records who did what.
 */
@ApiTags('customers')
@ApiRequestId()
@ApiExtraModels(CustomerArchiveDto, CustomerTombstoneDto)
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly domain: DomainClient,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Post()
  @Roles('sales', 'manager')
  @ApiOperation({ summary: 'Register a customer archive (status prospect)' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CustomerArchiveDto })
  @ApiProblems(...BODY_PROBLEMS, 409, 422)
  register(@Body() body: RegisterCustomerDto): Promise<CustomerArchive> {
    return this.send(CustomerPattern.Register, body);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'List archive summaries, newest first (CUS-3, CUS-6, CUS-8 filters)' })
  @ApiOkResponse({ type: CustomerPageDto })
  @ApiProblems(400)
  list(@Query() query: ListCustomersQueryDto): Promise<Page<CustomerSummary>> {
    return this.send(CustomerPattern.List, { ...query });
  }

  @Get(':id')
  // CUS-7: every key may attempt the read — the customers service refuses roles without archive
  // access (e.g. `pos`) itself, so that the refused attempt is recorded in the register too.
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Read the full archive (CUS-6 clearance, recorded in the borrowing register CUS-7)',
    description:
      'Answers the full archive (`CustomerArchiveDto`) with `ETag: W/"<version>"`. A destroyed archive (CUS-9) answers ' +
      '200 with its tombstone instead (`CustomerTombstoneDto`: `status` is `destroyed`, no content, no ETag).',
  })
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: true,
    description: 'CUS-7: why the archive is read — UTF-8 text, at most 200 characters',
  })
  @ApiOkResponse({
    description: 'The full archive, or the tombstone of a destroyed one (`status: destroyed`)',
    schema: { oneOf: [{ $ref: getSchemaPath(CustomerArchiveDto) }, { $ref: getSchemaPath(CustomerTombstoneDto) }] },
  })
  @ApiProblems(400, 404)
  async get(
    @UuidParam('id') id: string,
    @Headers('x-access-purpose') purpose: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerArchive | CustomerTombstone> {
    const result = await this.send<CustomerArchive | CustomerTombstone>(CustomerPattern.Get, { id, purpose: accessPurpose(purpose) });
    setEtag(reply, result);
    return result;
  }

  @Patch(':id')
  @Roles('sales', 'manager')
  @ApiOperation({ summary: 'Change archive content (any subset of the registration body)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 412, 422)
  async update(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCustomerDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerStatusView> {
    const expectedVersion = parseIfMatch(ifMatch);
    const result = await this.send<CustomerStatusView>(CustomerPattern.Update, { id, expectedVersion, changes: { ...body } });
    setEtag(reply, result);
    return result;
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('sales', 'manager')
  @ApiOperation({ summary: 'CUS-2: submit for approval with the survey findings' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 422)
  submit(@UuidParam('id') id: string, @Body() body: SubmitCustomerDto): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.Submit, { id, ...body });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'CUS-2/CUS-4: approve; the answer carries the customer code' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(400, 404, 409, 410, 422)
  approve(@UuidParam('id') id: string): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.Approve, { id });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'CUS-2: reject with a reason (may be resubmitted)' })
  @ApiIdempotencyKey()
  @ApiBody({ type: ReasonDto })
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 422)
  reject(@UuidParam('id') id: string, @Body() body: ReasonDto): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.Reject, { id, reason: body.reason });
  }

  @Post(':id/grade')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'CUS-5: set grade and/or credit rating, with the reason' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 422)
  grade(@UuidParam('id') id: string, @Body() body: GradeCustomerDto): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.Grade, { id, ...body });
  }

  @Post(':id/reviews')
  @Roles('manager', 'archivist')
  @ApiOperation({ summary: 'CUS-8: record a quarterly review' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 422)
  review(@UuidParam('id') id: string, @Body() body: ReviewCustomerDto): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.Review, { id, ...body });
  }

  @Post(':id/dormant')
  @HttpCode(200)
  @Roles('manager', 'archivist')
  @ApiOperation({ summary: 'CUS-9: mark an outdated archive dormant (the first step towards destruction)' })
  @ApiIdempotencyKey()
  @ApiBody({ type: ReasonDto })
  @ApiOkResponse({ type: CustomerStatusViewDto })
  @ApiProblems(...BODY_PROBLEMS, 404, 409, 410, 422)
  markDormant(@UuidParam('id') id: string, @Body() body: ReasonDto): Promise<CustomerStatusView> {
    return this.send(CustomerPattern.MarkDormant, { id, reason: body.reason });
  }

  @Post(':id/destruction-approvals')
  @Roles('archivist', 'manager', 'executive')
  @ApiOperation({ summary: 'CUS-9: approve destruction; the third distinct approval destroys the archive' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CustomerStatusViewDto })
  @ApiProblems(400, 404, 409, 410, 422)
  async approveDestruction(@UuidParam('id') id: string): Promise<CustomerStatusView> {
    let result: CustomerStatusView;
    try {
      result = await this.send<CustomerStatusView>(CustomerPattern.ApproveDestruction, { id });
    } catch (error) {
      // Already destroyed (410): forget again, in case the first attempt could not (CUS-9).
      if (error instanceof RemoteException && error.payload.kind === ErrorKind.Gone) await this.idempotency.forgetResource(id);
      throw error;
    }
    // CUS-9: the erased content must not come back through an idempotent replay.
    if (result.status === 'destroyed') await this.idempotency.forgetResource(id);
    return result;
  }

  @Get(':id/access-log')
  @Roles('auditor')
  @ApiOperation({ summary: 'CUS-7: the borrowing register of an archive, newest first' })
  @ApiOkResponse({ type: AccessLogPageDto })
  @ApiProblems(400, 404)
  accessLog(@UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<Page<AccessLogEntry>> {
    return this.send(CustomerPattern.AccessLog, { id, ...query });
  }

  private send<T>(pattern: CustomerPattern, payload: unknown): Promise<T> {
    return this.domain.send<T>('customers', pattern, payload);
  }
}

function setEtag(reply: FastifyReply, result: object): void {
  const version = (result as { version?: unknown }).version;
  if (typeof version === 'number') void reply.header('ETag', etagOf(version));
}
