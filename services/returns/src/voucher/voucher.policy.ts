import type { VoucherAccount } from '@crm/contracts';
import { sumFen } from '../common/returns.policy';
import type { VoucherLineRecord } from './voucher.entity';

/** An amount to book on the debit side, one per return line (or one for a credit note). */
export interface BookedAmount {
  memo: string | null;
  amountFen: number;
}

/**
 * RET-5: the double entry of a return or credit note — debit *sales returns and allowances* per booked
 * line, credit *accounts receivable*, or *cash* when the goods were a paid POS sale (the return
 * carries a POS purchase reference). Balanced to the fen by construction: the credit is the sum of
 * the debits, each of which was rounded on its own line. Lines of zero are left out; a voucher of
 * nothing at all (every accepted quantity 0) still books a zero pair so the document is complete.
 */
export function voucherLines(amounts: readonly BookedAmount[], paidPosSale: boolean): { lines: VoucherLineRecord[]; totalFen: number } {
  const creditAccount: VoucherAccount = paidPosSale ? 'cash' : 'accounts_receivable';
  const booked = amounts.filter((amount) => amount.amountFen > 0);
  const debits: VoucherLineRecord[] = (booked.length ? booked : [{ memo: null, amountFen: 0 }]).map((amount) => ({
    account: 'sales_returns_and_allowances',
    debitFen: amount.amountFen,
    creditFen: 0,
    memo: amount.memo,
  }));
  const totalFen = sumFen(debits.map((line) => line.debitFen));
  const lines = [...debits, { account: creditAccount, debitFen: 0, creditFen: totalFen, memo: null }];
  assertBalanced(lines, totalFen);
  return { lines, totalFen };
}

/** RET-5: Σ debit = Σ credit = total, to the fen (the database checks it again on insert). */
export function assertBalanced(lines: readonly VoucherLineRecord[], totalFen: number): void {
  const debits = sumFen(lines.map((line) => line.debitFen));
  const credits = sumFen(lines.map((line) => line.creditFen));
  if (debits !== credits || debits !== totalFen) {
    throw new Error(`RET-5: voucher not balanced (debits ${debits}, credits ${credits}, total ${totalFen})`);
  }
}
