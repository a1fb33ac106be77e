import type { Caller, ComplaintProposalBody, Money } from '@crm/contracts';
import { ComplaintException } from './complaint.exception';

/** The currency every complaint amount is in (CMP-8 and CMP-11 are written in CNY). */
export const COMPLAINT_CURRENCY = 'CNY';

/**
 * CMP-7/CMP-8: what a proposal is worth — its amount plus every line's quantity × unit price,
 * in integer fen (never floating point). Amounts in another currency are refused (422 naming CMP-8):
 * the authority threshold is in CNY and nothing here converts currencies.
 */
export function proposalValue(proposal: Pick<ComplaintProposalBody, 'amount' | 'lines'>): Money {
  const moneys = [proposal.amount, ...(proposal.lines ?? []).map((line) => line.unitPrice)].filter((money): money is Money => !!money);
  const foreign = moneys.find((money) => money.currency !== COMPLAINT_CURRENCY);
  if (foreign) throw ComplaintException.rule('CMP-8', `amounts must be in ${COMPLAINT_CURRENCY}, got ${foreign.currency}`);
  let total = BigInt(proposal.amount?.amount ?? 0);
  for (const line of proposal.lines ?? []) total += BigInt(line.quantity) * BigInt(line.unitPrice.amount);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw ComplaintException.rule('CMP-7', 'the proposal is worth more than any amount allowed');
  return { amount: Number(total), currency: COMPLAINT_CURRENCY };
}

/** CMP-8: who approves a proposal of this value. */
export function approvalLevel(value: Money, managerLimitFen: number): 'manager' | 'executive' {
  return value.amount <= managerLimitFen ? 'manager' : 'executive';
}

/**
 * CMP-8: a manager approves up to the limit, an executive above it (an executive may approve below
 * it too: the higher authority covers the lower; `admin` may do everything, GW-3). The proposer
 * never approves their own proposal — not even an admin. Refusals are 403 naming CMP-8.
 */
export function assertMayApprove(
  caller: Caller,
  proposal: { value: Money; by: { keyId: string } },
  managerLimitFen: number,
): 'manager' | 'executive' | 'admin' {
  if (proposal.by.keyId === caller.keyId) throw ComplaintException.authority('the proposer may not approve their own proposal');
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('executive')) return 'executive';
  const level = approvalLevel(proposal.value, managerLimitFen);
  if (level === 'manager' && caller.roles.includes('manager')) return 'manager';
  if (caller.roles.includes('manager')) {
    throw ComplaintException.authority(
      `a manager approves up to ${formatCny(managerLimitFen)}; this proposal is worth ${formatCny(proposal.value.amount)} and needs an executive`,
    );
  }
  throw ComplaintException.authority(`approving needs a ${level === 'manager' ? 'manager or executive' : 'executive'}`);
}

export function formatCny(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')} CNY`;
}
