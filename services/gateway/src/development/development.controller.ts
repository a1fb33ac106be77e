import { Body, Controller, Headers, Param, Query } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  CreditInvestigationBody,
  DailyVisitsQuery,
  DesignateVisitorBody,
  DevelopmentApplicationBody,
  DevelopmentOperations as ops,
  KeyCustomersQuery,
  OverdueVisitsQuery,
  PageQuery,
  ReasonBody,
  SalesFiguresBody,
  UrgentReportsQuery,
  VisitMonthlyReportQuery,
  VisitReportBody,
} from '@crm/contracts';
import { accessPurpose } from '../http/access-purpose';
import { Route } from '../http/route.decorator';
import { UuidParam } from '../http/uuid-param';
import { ApiRequestId } from '../openapi/api-headers.decorator';
import { DomainClient } from '../rpc/domain.client';

/**
 * API.md "Customer development and field visits": each route is one operation of the development
 * table in libs/contracts. The gateway validates with the contract classes, adds the path and
 * headers and forwards; every rule (DEV-1..DEV-5) is the customers service's.
 */
@ApiRequestId()
@Controller()
export class DevelopmentController {
  constructor(private readonly domain: DomainClient) {}

  @Route(ops.apply)
  apply(@UuidParam('id') id: string, @Body() body: DevelopmentApplicationBody) {
    return this.domain.send(ops.apply, { ...body, id });
  }

  @Route(ops.approve)
  approve(@UuidParam('id') id: string) {
    return this.domain.send(ops.approve, { id });
  }

  @Route(ops.halt)
  halt(@UuidParam('id') id: string, @Body() body: ReasonBody) {
    return this.domain.send(ops.halt, { ...body, id });
  }

  @Route(ops.resume)
  resume(@UuidParam('id') id: string) {
    return this.domain.send(ops.resume, { id });
  }

  @Route(ops.investigate)
  investigate(@UuidParam('id') id: string, @Body() body: CreditInvestigationBody) {
    return this.domain.send(ops.investigate, { ...body, id });
  }

  @Route(ops.designateVisitor)
  designateVisitor(@UuidParam('id') id: string, @Body() body: DesignateVisitorBody) {
    return this.domain.send(ops.designateVisitor, { ...body, id });
  }

  @Route(ops.recordVisit)
  recordVisit(@UuidParam('id') id: string, @Body() body: VisitReportBody) {
    return this.domain.send(ops.recordVisit, { ...body, id });
  }

  @Route(ops.listVisits)
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'CUS-7: why the visit reports are read — at most 200 characters' })
  listVisits(@UuidParam('id') id: string, @Headers('x-access-purpose') purpose: string | undefined, @Query() query: PageQuery) {
    return this.domain.send(ops.listVisits, { ...query, id, purpose: accessPurpose(purpose) });
  }

  @Route(ops.daily)
  daily(@Query() query: DailyVisitsQuery) {
    return this.domain.send(ops.daily, query);
  }

  @Route(ops.overdue)
  overdue(@Query() query: OverdueVisitsQuery) {
    return this.domain.send(ops.overdue, query);
  }

  @Route(ops.urgent)
  urgent(@Query() query: UrgentReportsQuery) {
    return this.domain.send(ops.urgent, query);
  }

  @Route(ops.monthlyReport)
  monthlyReport(@Query() query: VisitMonthlyReportQuery) {
    return this.domain.send(ops.monthlyReport, query);
  }

  @Route(ops.putSalesFigures)
  putSalesFigures(@UuidParam('id') id: string, @Param('period') period: string, @Body() body: SalesFiguresBody) {
    return this.domain.send(ops.putSalesFigures, { ...body, id, period });
  }

  @Route(ops.keyCustomers)
  keyCustomers(@Query() query: KeyCustomersQuery) {
    return this.domain.send(ops.keyCustomers, query);
  }
}
