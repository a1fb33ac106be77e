import { Body, Controller, Headers, Query } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  CustomerArchiveInput,
  CustomerChanges,
  CustomerOperations as ops,
  GradeCustomerBody,
  ListCustomersQuery,
  PageQuery,
  ReasonBody,
  ReviewCustomerBody,
  SubmitCustomerBody,
} from '@crm/contracts';
import { accessPurpose } from '../http/access-purpose';
import { DomainClient } from '../rpc/domain.client';
import { parseIfMatch } from '../http/if-match';
import { Route } from '../http/route.decorator';
import { UuidParam } from '../http/uuid-param';
import { ApiIfMatch, ApiRequestId } from '../openapi/api-headers.decorator';

/**
 * API.md "Customers": each route is one operation of the customers table in libs/contracts, which
 * declares its roles, rules, payload and answer. The gateway validates the body with the same
 * contract classes the service validates, adds what the route carries (path id, headers) and
 * forwards; every rule (CUS-1..CUS-10) is the customers service's.
 */
@ApiRequestId()
@Controller()
export class CustomersController {
  constructor(private readonly domain: DomainClient) {}

  @Route(ops.register)
  register(@Body() body: CustomerArchiveInput) {
    return this.domain.send(ops.register, body);
  }

  @Route(ops.list)
  list(@Query() query: ListCustomersQuery) {
    return this.domain.send(ops.list, query);
  }

  @Route(ops.get)
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: true,
    description: 'CUS-7: why the archive is read — UTF-8 text, at most 200 characters',
  })
  get(@UuidParam('id') id: string, @Headers('x-access-purpose') purpose: string | undefined) {
    return this.domain.send(ops.get, { id, purpose: accessPurpose(purpose) });
  }

  @Route(ops.update)
  @ApiIfMatch()
  update(@UuidParam('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() changes: CustomerChanges) {
    return this.domain.send(ops.update, { id, expectedVersion: parseIfMatch(ifMatch), changes });
  }

  @Route(ops.submit)
  submit(@UuidParam('id') id: string, @Body() body: SubmitCustomerBody) {
    return this.domain.send(ops.submit, { ...body, id });
  }

  @Route(ops.approve)
  approve(@UuidParam('id') id: string) {
    return this.domain.send(ops.approve, { id });
  }

  @Route(ops.reject)
  reject(@UuidParam('id') id: string, @Body() body: ReasonBody) {
    return this.domain.send(ops.reject, { ...body, id });
  }

  @Route(ops.grade)
  grade(@UuidParam('id') id: string, @Body() body: GradeCustomerBody) {
    return this.domain.send(ops.grade, { ...body, id });
  }

  @Route(ops.review)
  review(@UuidParam('id') id: string, @Body() body: ReviewCustomerBody) {
    return this.domain.send(ops.review, { ...body, id });
  }

  @Route(ops.markDormant)
  markDormant(@UuidParam('id') id: string, @Body() body: ReasonBody) {
    return this.domain.send(ops.markDormant, { ...body, id });
  }

  @Route(ops.approveDestruction)
  approveDestruction(@UuidParam('id') id: string) {
    return this.domain.send(ops.approveDestruction, { id });
  }

  @Route(ops.accessLog)
  accessLog(@UuidParam('id') id: string, @Query() query: PageQuery) {
    return this.domain.send(ops.accessLog, { ...query, id });
  }
}
