import { Body, Controller, Query } from '@nestjs/common';
import {
  CustomerSignatureBody,
  DispatchQueueQuery,
  DispatchServiceRequestBody,
  GrievanceAnswerBody,
  ListServiceRequestsQuery,
  OffSiteApplicationBody,
  RegisterCheckQuery,
  RegisterServiceRequestBody,
  ServiceOpinionBody,
  ServiceRequestOperations as ops,
  ServiceVoucherBody,
  TechnicianScorecardQuery,
} from '@crm/contracts';
import { DomainClient } from '../rpc/domain.client';
import { Route } from '../http/route.decorator';
import { UuidParam } from '../http/uuid-param';
import { ApiRequestId } from '../openapi/api-headers.decorator';

/**
 * API.md "After-sales service requests": each route is one operation of the service-request table
 * in libs/contracts. The gateway validates with the contract classes, adds the path id and forwards;
 * every rule (SRV-*) is the complaints service's. The fixed paths come before `:id`.
 */
@ApiRequestId()
@Controller()
export class ServiceRequestsController {
  constructor(private readonly domain: DomainClient) {}

  @Route(ops.register)
  register(@Body() body: RegisterServiceRequestBody) {
    return this.domain.send(ops.register, body);
  }

  @Route(ops.list)
  list(@Query() query: ListServiceRequestsQuery) {
    return this.domain.send(ops.list, query);
  }

  @Route(ops.dispatchQueue)
  dispatchQueue(@Query() query: DispatchQueueQuery) {
    return this.domain.send(ops.dispatchQueue, query);
  }

  @Route(ops.registerCheck)
  registerCheck(@Query() query: RegisterCheckQuery) {
    return this.domain.send(ops.registerCheck, query);
  }

  @Route(ops.technicianScorecard)
  technicianScorecard(@Query() query: TechnicianScorecardQuery) {
    return this.domain.send(ops.technicianScorecard, query);
  }

  @Route(ops.get)
  get(@UuidParam('id') id: string) {
    return this.domain.send(ops.get, { id });
  }

  @Route(ops.dispatch)
  dispatch(@UuidParam('id') id: string, @Body() body: DispatchServiceRequestBody) {
    return this.domain.send(ops.dispatch, { ...body, id });
  }

  @Route(ops.applyOffSite)
  applyOffSite(@UuidParam('id') id: string, @Body() body: OffSiteApplicationBody) {
    return this.domain.send(ops.applyOffSite, { ...body, id });
  }

  @Route(ops.approveOffSite)
  approveOffSite(@UuidParam('id') id: string) {
    return this.domain.send(ops.approveOffSite, { id });
  }

  @Route(ops.start)
  start(@UuidParam('id') id: string) {
    return this.domain.send(ops.start, { id });
  }

  @Route(ops.voucher)
  voucher(@UuidParam('id') id: string, @Body() body: ServiceVoucherBody) {
    return this.domain.send(ops.voucher, { ...body, id });
  }

  @Route(ops.countersign)
  countersign(@UuidParam('id') id: string) {
    return this.domain.send(ops.countersign, { id });
  }

  @Route(ops.customerSignature)
  customerSignature(@UuidParam('id') id: string, @Body() body: CustomerSignatureBody) {
    return this.domain.send(ops.customerSignature, { ...body, id });
  }

  @Route(ops.opinion)
  opinion(@UuidParam('id') id: string, @Body() body: ServiceOpinionBody) {
    return this.domain.send(ops.opinion, { ...body, id });
  }

  @Route(ops.answerGrievance)
  answerGrievance(@UuidParam('id') id: string, @Body() body: GrievanceAnswerBody) {
    return this.domain.send(ops.answerGrievance, { ...body, id });
  }
}
