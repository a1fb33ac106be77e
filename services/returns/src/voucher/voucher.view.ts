import type { VoucherPostedEventData, VoucherView } from '@crm/contracts';
import { cny } from '../common/returns.policy';
import type { Voucher } from './voucher.entity';

/** `GET /vouchers/{id}` (RET-5). */
export function toVoucherView(voucher: Voucher): VoucherView {
  return {
    id: voucher.id,
    number: voucher.number,
    date: voucher.date,
    lines: voucher.lines.map((line) => ({
      account: line.account,
      debit: cny(line.debitFen),
      credit: cny(line.creditFen),
      memo: line.memo,
    })),
    source: { type: voucher.sourceType, id: voucher.sourceId, number: voucher.sourceNumber },
    customerId: voucher.customerId,
    complaintId: voucher.complaintId,
    purchaseRef: voucher.purchaseRef ? { ...voucher.purchaseRef } : null,
    total: cny(voucher.totalFen),
    postedAt: voucher.postedAt.toISOString(),
  };
}

/** API.md: `returns.voucher.posted` data = the `GET /vouchers/{id}` body plus `voucherId`. */
export function voucherPostedData(voucher: Voucher): VoucherPostedEventData {
  const { id, ...view } = toVoucherView(voucher);
  return { voucherId: id, ...view };
}
