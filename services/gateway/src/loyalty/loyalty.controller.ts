import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CardLedgerQuery,
  CreateRewardBody,
  IssueCardBody,
  ListRewardsQuery,
  LoyaltyOperations as ops,
  PosPurchaseMessage,
  PurchaseResult,
  QuoteBody,
  RedeemBody,
  RegistrationsReportQuery,
} from '@crm/contracts';
import { DomainClient } from '../rpc/domain.client';
import { Route } from '../http/route.decorator';
import { ApiRequestId } from '../openapi/api-headers.decorator';

/**
 * API.md "Loyalty": each route is one operation of the loyalty table in libs/contracts. The gateway
 * validates with the same contract classes the service validates and forwards; every rule (LOY-*),
 * including "POS keys act only for their own store", is the loyalty service's. Card numbers in
 * paths are validated by the service's payload class (16 digits, 400).
 */
@ApiRequestId()
@Controller()
export class LoyaltyController {
  constructor(private readonly domain: DomainClient) {}

  /** LOY-4: 201 the first time, 200 with the first result on a replay. */
  @Route(ops.recordPurchase)
  @ApiResponse({ status: 200, description: 'LOY-4 replay: the result of the first time', type: PurchaseResult })
  async recordPurchase(@Body() body: PosPurchaseMessage, @Res({ passthrough: true }) reply: FastifyReply) {
    const { purchase, replayed } = await this.domain.send(ops.recordPurchase, body);
    if (replayed) void reply.status(200);
    return purchase;
  }

  @Route(ops.issueCard)
  issueCard(@Body() body: IssueCardBody) {
    return this.domain.send(ops.issueCard, body);
  }

  @Route(ops.getCard)
  getCard(@Param('cardNumber') cardNumber: string) {
    return this.domain.send(ops.getCard, { cardNumber });
  }

  @Route(ops.ledger)
  ledger(@Param('cardNumber') cardNumber: string, @Query() query: CardLedgerQuery) {
    return this.domain.send(ops.ledger, { ...query, cardNumber });
  }

  @Route(ops.reportLost)
  reportLost(@Param('cardNumber') cardNumber: string) {
    return this.domain.send(ops.reportLost, { cardNumber });
  }

  @Route(ops.replaceCard)
  replaceCard(@Param('cardNumber') cardNumber: string) {
    return this.domain.send(ops.replaceCard, { cardNumber });
  }

  @Route(ops.renewCard)
  renewCard(@Param('cardNumber') cardNumber: string) {
    return this.domain.send(ops.renewCard, { cardNumber });
  }

  @Route(ops.quote)
  quote(@Body() body: QuoteBody) {
    return this.domain.send(ops.quote, body);
  }

  @Route(ops.listRewards)
  listRewards(@Query() query: ListRewardsQuery) {
    return this.domain.send(ops.listRewards, query);
  }

  @Route(ops.createReward)
  createReward(@Body() body: CreateRewardBody) {
    return this.domain.send(ops.createReward, body);
  }

  @Route(ops.redeem)
  redeem(@Body() body: RedeemBody) {
    return this.domain.send(ops.redeem, body);
  }

  @Route(ops.registrationsReport)
  registrationsReport(@Query() query: RegistrationsReportQuery) {
    return this.domain.send(ops.registrationsReport, query);
  }
}
