import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessDate } from '@crm/calendar';
import { ReturnEventType, type VoucherSourceType } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { VOUCHER_NUMBERS, allocateNumber } from '../common/document-numbers.policy';
import type { PurchaseRefRecord } from '../return-order/return-order.entity';
import { Voucher } from './voucher.entity';
import { type BookedAmount, voucherLines } from './voucher.policy';
import { voucherPostedData } from './voucher.view';

export interface VoucherSource {
  type: VoucherSourceType;
  id: string;
  number: string;
  customerId: string;
  complaintId: string | null;
  purchaseRef: PurchaseRefRecord | null;
}

/**
 * RET-5/RET-6: posts the voucher of a reconciled return or a posted credit note in the caller's
 * transaction — PZ number, balanced lines, the row (immutable from then on) and
 * `returns.voucher.posted` through the outbox. Call it last: the number's counter stays locked.
 */
@Injectable()
export class VoucherPoster {
  constructor(private readonly outbox: OutboxWriter) {}

  async post(manager: EntityManager, source: VoucherSource, amounts: readonly BookedAmount[], now: Date): Promise<Voucher> {
    const { lines, totalFen } = voucherLines(amounts, source.purchaseRef !== null);
    const voucher = Object.assign(new Voucher(), {
      id: randomUUID(),
      number: await allocateNumber(manager, VOUCHER_NUMBERS, 'RET-5', now),
      date: businessDate(now),
      lines,
      sourceType: source.type,
      sourceId: source.id,
      sourceNumber: source.number,
      customerId: source.customerId,
      complaintId: source.complaintId,
      purchaseRef: source.purchaseRef,
      totalFen,
      postedAt: now,
    });
    await manager.insert(Voucher, voucher);
    await this.outbox.record(manager, {
      type: ReturnEventType.VoucherPosted,
      aggregateId: voucher.id,
      data: voucherPostedData(voucher),
      occurredAt: now,
    });
    return voucher;
  }
}
