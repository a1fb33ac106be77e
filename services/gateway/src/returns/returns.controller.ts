import { Body, Controller, Query } from '@nestjs/common';
import {
  CreateCreditNoteBody,
  CreateReturnBody,
  FranchiseTermsBody,
  ListReturnsQuery,
  ReceiveReturnBody,
  ResolveDiscrepancyBody,
  ReturnOperations as ops,
  SignCreditNoteBody,
} from '@crm/contracts';
import { DomainClient } from '../rpc/domain.client';
import { Route } from '../http/route.decorator';
import { UuidParam } from '../http/uuid-param';
import { ApiRequestId } from '../openapi/api-headers.decorator';

/**
 * API.md "Returns and finance": each route is one operation of the returns table in libs/contracts
 * (roles, rules, payload, answer). The gateway validates the body with the same contract classes
 * the service validates, adds the path id and forwards; every rule (RET-*) is the returns service's.
 */
@ApiRequestId()
@Controller()
export class ReturnsController {
  constructor(private readonly domain: DomainClient) {}

  @Route(ops.create)
  create(@Body() body: CreateReturnBody) {
    return this.domain.send(ops.create, body);
  }

  @Route(ops.list)
  list(@Query() query: ListReturnsQuery) {
    return this.domain.send(ops.list, query);
  }

  @Route(ops.franchiseTerms)
  franchiseTerms(@UuidParam('customerId') customerId: string, @Body() body: FranchiseTermsBody) {
    return this.domain.send(ops.franchiseTerms, { ...body, customerId });
  }

  @Route(ops.get)
  get(@UuidParam('id') id: string) {
    return this.domain.send(ops.get, { id });
  }

  @Route(ops.approve)
  approve(@UuidParam('id') id: string) {
    return this.domain.send(ops.approve, { id });
  }

  @Route(ops.receive)
  receive(@UuidParam('id') id: string, @Body() body: ReceiveReturnBody) {
    return this.domain.send(ops.receive, { ...body, id });
  }

  @Route(ops.reconcile)
  reconcile(@UuidParam('id') id: string) {
    return this.domain.send(ops.reconcile, { id });
  }

  @Route(ops.resolveDiscrepancy)
  resolveDiscrepancy(@UuidParam('id') id: string, @Body() body: ResolveDiscrepancyBody) {
    return this.domain.send(ops.resolveDiscrepancy, { ...body, id });
  }

  @Route(ops.createCreditNote)
  createCreditNote(@Body() body: CreateCreditNoteBody) {
    return this.domain.send(ops.createCreditNote, body);
  }

  @Route(ops.getCreditNote)
  getCreditNote(@UuidParam('id') id: string) {
    return this.domain.send(ops.getCreditNote, { id });
  }

  @Route(ops.approveCreditNote)
  approveCreditNote(@UuidParam('id') id: string) {
    return this.domain.send(ops.approveCreditNote, { id });
  }

  @Route(ops.signCreditNote)
  signCreditNote(@UuidParam('id') id: string, @Body() body: SignCreditNoteBody) {
    return this.domain.send(ops.signCreditNote, { ...body, id });
  }

  @Route(ops.postCreditNote)
  postCreditNote(@UuidParam('id') id: string) {
    return this.domain.send(ops.postCreditNote, { id });
  }

  @Route(ops.getVoucher)
  getVoucher(@UuidParam('id') id: string) {
    return this.domain.send(ops.getVoucher, { id });
  }
}
