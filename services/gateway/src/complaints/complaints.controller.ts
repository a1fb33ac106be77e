import { Body, Controller, Query } from '@nestjs/common';
import {
  AcceptComplaintBody,
  AssignComplaintBody,
  ComplaintFindingsBody,
  ComplaintFollowUpBody,
  ComplaintMonthlyReportQuery,
  ComplaintOperations as ops,
  ComplaintProposalBody,
  ExtendComplaintBody,
  ListComplaintsQuery,
  RegisterComplaintBody,
  RejectComplaintBody,
  ResolveComplaintBody,
} from '@crm/contracts';
import { DomainClient } from '../rpc/domain.client';
import { Route } from '../http/route.decorator';
import { UuidParam } from '../http/uuid-param';
import { ApiRequestId } from '../openapi/api-headers.decorator';

/**
 * API.md "Complaints": each route is one operation of the complaints table in libs/contracts
 * (roles, rules, payload, answer). The gateway validates the body with the same contract classes
 * the service validates, adds the path id and forwards; every rule (CMP-*) is the complaints service's.
 */
@ApiRequestId()
@Controller()
export class ComplaintsController {
  constructor(private readonly domain: DomainClient) {}

  @Route(ops.register)
  register(@Body() body: RegisterComplaintBody) {
    return this.domain.send(ops.register, body);
  }

  @Route(ops.list)
  list(@Query() query: ListComplaintsQuery) {
    return this.domain.send(ops.list, query);
  }

  @Route(ops.monthlyReport)
  monthlyReport(@Query() query: ComplaintMonthlyReportQuery) {
    return this.domain.send(ops.monthlyReport, query);
  }

  @Route(ops.get)
  get(@UuidParam('id') id: string) {
    return this.domain.send(ops.get, { id });
  }

  @Route(ops.accept)
  accept(@UuidParam('id') id: string, @Body() body: AcceptComplaintBody) {
    return this.domain.send(ops.accept, { ...body, id });
  }

  @Route(ops.reject)
  reject(@UuidParam('id') id: string, @Body() body: RejectComplaintBody) {
    return this.domain.send(ops.reject, { ...body, id });
  }

  @Route(ops.assign)
  assign(@UuidParam('id') id: string, @Body() body: AssignComplaintBody) {
    return this.domain.send(ops.assign, { ...body, id });
  }

  @Route(ops.findings)
  findings(@UuidParam('id') id: string, @Body() body: ComplaintFindingsBody) {
    return this.domain.send(ops.findings, { ...body, id });
  }

  @Route(ops.propose)
  propose(@UuidParam('id') id: string, @Body() body: ComplaintProposalBody) {
    return this.domain.send(ops.propose, { ...body, id });
  }

  @Route(ops.approve)
  approve(@UuidParam('id') id: string) {
    return this.domain.send(ops.approve, { id });
  }

  @Route(ops.resolve)
  resolve(@UuidParam('id') id: string, @Body() body: ResolveComplaintBody) {
    return this.domain.send(ops.resolve, { ...body, id });
  }

  @Route(ops.followUp)
  followUp(@UuidParam('id') id: string, @Body() body: ComplaintFollowUpBody) {
    return this.domain.send(ops.followUp, { ...body, id });
  }

  @Route(ops.extend)
  extend(@UuidParam('id') id: string, @Body() body: ExtendComplaintBody) {
    return this.domain.send(ops.extend, { ...body, id });
  }
}
