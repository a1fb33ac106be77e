import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  type Caller,
  CardLedgerPayload,
  CardNumberPayload,
  CreateRewardBody,
  type EventEnvelope,
  IssueCardBody,
  ListRewardsQuery,
  LoyaltyOperations as ops,
  PosPurchaseInput,
  PosPurchaseMessage,
  QuoteBody,
  RecordPurchasePayload,
  RedeemBody,
  RegistrationsReportQuery,
  ReturnEventType,
  type ReturnReceivedEventData,
  posPurchaseRoutingKey,
} from '@crm/contracts';
import type { AmqpContext } from '@crm/messaging';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { CardStepsHandler } from './card/card-steps/card-steps.handler';
import { IssueCardHandler } from './card/issue-card/issue-card.handler';
import { ReadCardsHandler } from './card/read-cards/read-cards.handler';
import { LoyaltyException } from './common/loyalty.exception';
import { ClawbackHandler } from './points/clawback/clawback.handler';
import { RecordPurchaseHandler } from './points/record-purchase/record-purchase.handler';
import { QuoteHandler } from './quote/quote.handler';
import { RedeemHandler } from './reward/redeem/redeem.handler';
import { RewardsHandler } from './reward/rewards.handler';
import { RegistrationsReportHandler } from './report/registrations-report.handler';

/**
 * The edges of the loyalty service: RPC commands from the gateway (one transaction per command,
 * STYLE rule 3), the tills' purchase messages on `pos.purchases` and the returns service's
 * `returns.return.received` (both in the inbox's transaction, `ctx.manager`). No rule lives here.
 */
@Controller()
export class LoyaltyController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly purchases: RecordPurchaseHandler,
    private readonly issueCard: IssueCardHandler,
    private readonly reads: ReadCardsHandler,
    private readonly steps: CardStepsHandler,
    private readonly quotes: QuoteHandler,
    private readonly rewards: RewardsHandler,
    private readonly redemptions: RedeemHandler,
    private readonly registrations: RegistrationsReportHandler,
    private readonly clawback: ClawbackHandler,
  ) {}

  @MessagePattern(ops.recordPurchase.pattern)
  recordPurchase(@Payload() payload: RecordPurchasePayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.purchases.execute(manager, caller, payload));
  }

  /**
   * The same LOY-4 handler for a till's message. The till's store is the routing key's: a body
   * naming another store is refused (dead-lettered with the reason), as a POS key of another store
   * is over HTTP.
   */
  @EventPattern<string>(PosPurchaseInput.pattern)
  async purchaseMessage(@Payload() body: PosPurchaseMessage, @Ctx() ctx: AmqpContext) {
    const routingKey = ctx.message.fields.routingKey;
    if (routingKey !== posPurchaseRoutingKey(body.storeId)) {
      throw LoyaltyException.invalid('LOY-4', [
        { field: 'storeId', message: `storeId does not match the routing key (expected ${posPurchaseRoutingKey(body.storeId)})` },
      ]);
    }
    await this.purchases.execute(ctx.manager, null, body);
  }

  @EventPattern<string>(ReturnEventType.ReturnReceived)
  async returnReceived(@Payload() envelope: EventEnvelope<ReturnReceivedEventData>, @Ctx() ctx: AmqpContext) {
    await this.clawback.execute(ctx.manager, envelope);
  }

  @MessagePattern(ops.issueCard.pattern)
  issue(@Payload() payload: IssueCardBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.issueCard.execute(manager, caller, payload));
  }

  @MessagePattern(ops.getCard.pattern)
  getCard(@Payload() payload: CardNumberPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.get(manager, caller, payload));
  }

  @MessagePattern(ops.ledger.pattern)
  ledger(@Payload() payload: CardLedgerPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.ledger(manager, caller, payload));
  }

  @MessagePattern(ops.reportLost.pattern)
  reportLost(@Payload() payload: CardNumberPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.reportLost(manager, caller, payload));
  }

  @MessagePattern(ops.replaceCard.pattern)
  replace(@Payload() payload: CardNumberPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.replace(manager, caller, payload));
  }

  @MessagePattern(ops.renewCard.pattern)
  renew(@Payload() payload: CardNumberPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.renew(manager, caller, payload));
  }

  @MessagePattern(ops.quote.pattern)
  quote(@Payload() payload: QuoteBody, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.quotes.execute(manager, caller, payload));
  }

  @MessagePattern(ops.listRewards.pattern)
  listRewards(@Payload() payload: ListRewardsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.rewards.list(manager, caller, payload));
  }

  @MessagePattern(ops.createReward.pattern)
  createReward(@Payload() payload: CreateRewardBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.rewards.create(manager, caller, payload));
  }

  @MessagePattern(ops.redeem.pattern)
  redeem(@Payload() payload: RedeemBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.redemptions.execute(manager, caller, payload));
  }

  @MessagePattern(ops.registrationsReport.pattern)
  registrationsReport(@Payload() payload: RegistrationsReportQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.registrations.execute(manager, caller, payload));
  }
}
