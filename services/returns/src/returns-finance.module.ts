import { type DynamicModule, Module } from '@nestjs/common';
import { CustomerStatusModule } from '@crm/service-kit';
import { RETURNS_SETTINGS } from './common/returns-settings';
import { RETURNS_SERVICE_CALLER } from './common/returns-caller';
import { ComplaintHandOffConsumer } from './complaint-handoff/complaint-handoff.consumer';
import { CreditNoteCreator } from './credit-note/credit-note.creator';
import { CreditNoteHandler } from './credit-note/credit-note-steps/credit-note.handler';
import { CreateReturnHandler } from './return-order/create-return/create-return.handler';
import { ReturnOrderCreator } from './return-order/create-return/return-order.creator';
import { FranchiseTermsHandler } from './return-order/franchise-terms/franchise-terms.handler';
import { ReadReturnsHandler } from './return-order/read-returns/read-returns.handler';
import { ReturnStepsHandler } from './return-order/return-steps/return-steps.handler';
import { ReturnsController } from './returns.controller';
import type { ReturnsSettings } from './returns.config';
import { ReadVoucherHandler } from './voucher/read-voucher.handler';
import { VoucherPoster } from './voucher/voucher.poster';

/** Returns and finance (RET-1..RET-7): return orders, credit notes, vouchers, the CMP-10 hand-off consumer. */
@Module({})
export class ReturnsFinanceModule {
  static withSettings(settings: ReturnsSettings): DynamicModule {
    return {
      module: ReturnsFinanceModule,
      imports: [CustomerStatusModule.forService({ caller: RETURNS_SERVICE_CALLER, purpose: 'return orders and credit notes' })],
      controllers: [ReturnsController, ComplaintHandOffConsumer],
      providers: [
        { provide: RETURNS_SETTINGS, useValue: settings },
        ReturnOrderCreator,
        CreateReturnHandler,
        ReadReturnsHandler,
        ReturnStepsHandler,
        FranchiseTermsHandler,
        CreditNoteCreator,
        CreditNoteHandler,
        VoucherPoster,
        ReadVoucherHandler,
      ],
    };
  }
}
