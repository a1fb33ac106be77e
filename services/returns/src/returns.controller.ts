import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type Caller,
  CreateCreditNoteBody,
  CreateReturnBody,
  CreditNoteIdPayload,
  FranchiseTermsPayload,
  ListReturnsQuery,
  ReceiveReturnPayload,
  ResolveDiscrepancyPayload,
  ReturnIdPayload,
  ReturnOperations as ops,
  SignCreditNotePayload,
  VoucherIdPayload,
} from '@crm/contracts';
import { CurrentCaller, TransactionRunner } from '@crm/service-kit';
import { CreditNoteHandler } from './credit-note/credit-note-steps/credit-note.handler';
import { CreateReturnHandler } from './return-order/create-return/create-return.handler';
import { FranchiseTermsHandler } from './return-order/franchise-terms/franchise-terms.handler';
import { ReadReturnsHandler } from './return-order/read-returns/read-returns.handler';
import { ReturnStepsHandler } from './return-order/return-steps/return-steps.handler';
import { ReadVoucherHandler } from './voucher/read-voucher.handler';

/**
 * The RPC edge of the returns service: the global pipe validates the payload with the operation's
 * contract class, `@CurrentCaller()` resolves who asks, and one transaction per command is opened
 * here (STYLE rule 3). No business rule lives here.
 */
@Controller()
export class ReturnsController {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly createReturn: CreateReturnHandler,
    private readonly reads: ReadReturnsHandler,
    private readonly steps: ReturnStepsHandler,
    private readonly franchise: FranchiseTermsHandler,
    private readonly creditNotes: CreditNoteHandler,
    private readonly vouchers: ReadVoucherHandler,
  ) {}

  @MessagePattern(ops.create.pattern)
  create(@Payload() payload: CreateReturnBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.createReturn.execute(manager, caller, payload));
  }

  @MessagePattern(ops.list.pattern)
  list(@Payload() payload: ListReturnsQuery, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.list(manager, caller, payload));
  }

  @MessagePattern(ops.get.pattern)
  get(@Payload() payload: ReturnIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.reads.get(manager, caller, payload));
  }

  @MessagePattern(ops.approve.pattern)
  approve(@Payload() payload: ReturnIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.approve(manager, caller, payload));
  }

  @MessagePattern(ops.receive.pattern)
  receive(@Payload() payload: ReceiveReturnPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.receive(manager, caller, payload));
  }

  @MessagePattern(ops.reconcile.pattern)
  reconcile(@Payload() payload: ReturnIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.reconcile(manager, caller, payload));
  }

  @MessagePattern(ops.resolveDiscrepancy.pattern)
  resolveDiscrepancy(@Payload() payload: ResolveDiscrepancyPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.steps.resolveDiscrepancy(manager, caller, payload));
  }

  @MessagePattern(ops.franchiseTerms.pattern)
  franchiseTerms(@Payload() payload: FranchiseTermsPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.franchise.set(manager, caller, payload));
  }

  @MessagePattern(ops.createCreditNote.pattern)
  createCreditNote(@Payload() payload: CreateCreditNoteBody, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.creditNotes.create(manager, caller, payload));
  }

  @MessagePattern(ops.getCreditNote.pattern)
  getCreditNote(@Payload() payload: CreditNoteIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.creditNotes.get(manager, caller, payload));
  }

  @MessagePattern(ops.approveCreditNote.pattern)
  approveCreditNote(@Payload() payload: CreditNoteIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.creditNotes.approve(manager, caller, payload));
  }

  @MessagePattern(ops.signCreditNote.pattern)
  signCreditNote(@Payload() payload: SignCreditNotePayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.creditNotes.sign(manager, caller, payload));
  }

  @MessagePattern(ops.postCreditNote.pattern)
  postCreditNote(@Payload() payload: CreditNoteIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.run((manager) => this.creditNotes.post(manager, caller, payload));
  }

  @MessagePattern(ops.getVoucher.pattern)
  getVoucher(@Payload() payload: VoucherIdPayload, @CurrentCaller() caller: Caller) {
    return this.tx.read((manager) => this.vouchers.get(manager, caller, payload));
  }
}
