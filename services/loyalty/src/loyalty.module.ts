import { Module } from '@nestjs/common';
import { CardStepsHandler } from './card/card-steps/card-steps.handler';
import { IssueCardHandler } from './card/issue-card/issue-card.handler';
import { ReadCardsHandler } from './card/read-cards/read-cards.handler';
import { LoyaltyController } from './loyalty.controller';
import { ClawbackHandler } from './points/clawback/clawback.handler';
import { RecordPurchaseHandler } from './points/record-purchase/record-purchase.handler';
import { QuoteHandler } from './quote/quote.handler';
import { RedeemHandler } from './reward/redeem/redeem.handler';
import { RewardsHandler } from './reward/rewards.handler';
import { RegistrationsReportHandler } from './report/registrations-report.handler';

/** VIP loyalty (LOY-1..LOY-10): cards, points, member prices, rewards, registrations report. */
@Module({
  controllers: [LoyaltyController],
  providers: [
    RecordPurchaseHandler,
    IssueCardHandler,
    ReadCardsHandler,
    CardStepsHandler,
    QuoteHandler,
    RewardsHandler,
    RedeemHandler,
    RegistrationsReportHandler,
    ClawbackHandler,
  ],
})
export class LoyaltyModule {}
