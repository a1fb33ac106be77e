import { type Caller, type Money, type Operation, hasAnyRole } from '@crm/contracts';
import { ReturnsException } from './returns.exception';

/** Every amount of this service is in CNY: the CMP-8 threshold and the ledger are in CNY, nothing converts. */
export const RETURNS_CURRENCY = 'CNY';

/**
 * GW-3, checked again in the domain whatever the gateway checked: the roles of the operation table
 * in libs/contracts (`admin` may do everything). Refusals name the operation's first rule.
 */
export function requireRole(caller: Caller, operation: Operation): void {
  if (!hasAnyRole(caller, operation.roles)) {
    throw ReturnsException.role(operation.rules[0], operation.pattern, [...operation.roles, 'admin']);
  }
}

/** Who did a step, as documents and events record it (never more than the key's id and name). */
export interface ActorRecord {
  keyId: string;
  name: string;
}

export const actorOf = (caller: Caller): ActorRecord => ({ keyId: caller.keyId, name: caller.name });

export const cny = (amount: number): Money => ({ amount, currency: RETURNS_CURRENCY });

/** Refuses money in another currency (422 naming `rule`): RET-3's threshold and RET-5's ledger are CNY. */
export function assertCny(rule: string, field: string, money: Money): void {
  if (money.currency !== RETURNS_CURRENCY) {
    throw ReturnsException.rule(rule, `amounts must be in ${RETURNS_CURRENCY}, got ${money.currency}`, [
      { field, message: `${rule}: amounts must be in ${RETURNS_CURRENCY}` },
    ]);
  }
}

/**
 * RET-5: one line's amount in integer fen — quantity × unit price, rounded half-up to the fen. With
 * integer quantities and integer fen prices the product is exact; the rounding is spelled out so a
 * fractional factor (a price per 1,000, a partial quantity) can never truncate or float. Computed in
 * BigInt; refused beyond the largest safe amount.
 */
export function lineAmountFen(quantity: number, unitPriceFen: number, divisor = 1): number {
  const product = BigInt(quantity) * BigInt(unitPriceFen);
  const d = BigInt(divisor);
  const rounded = (product * 2n + d) / (2n * d); // half-up for non-negative amounts
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw ReturnsException.rule('RET-5', 'the amount is larger than any amount allowed');
  return Number(rounded);
}

/** The sum of line amounts (each already rounded on its own: half-up per line, never on the total). */
export function sumFen(amounts: readonly number[]): number {
  const total = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw ReturnsException.rule('RET-5', 'the total is larger than any amount allowed');
  return Number(total);
}

/**
 * RET-3 = CMP-8: a manager approves documents worth up to the limit, an executive above (an
 * executive may approve below it too; `admin` may do everything, GW-3). The creator never approves
 * their own document — not even an admin. Refusals are 403 naming RET-3.
 */
export function assertMayApprove(caller: Caller, document: { value: Money; createdBy: ActorRecord }, managerLimitFen: number): void {
  if (document.createdBy.keyId === caller.keyId) throw ReturnsException.authority('the creator may not approve their own document');
  if (caller.roles.includes('admin') || caller.roles.includes('executive')) return;
  const needsExecutive = document.value.amount > managerLimitFen;
  if (!needsExecutive && caller.roles.includes('manager')) return;
  if (caller.roles.includes('manager')) {
    throw ReturnsException.authority(
      `a manager approves up to ${managerLimitFen} fen; this document is worth ${document.value.amount} fen and needs an executive`,
    );
  }
  throw ReturnsException.authority(`approving needs a ${needsExecutive ? 'executive' : 'manager or executive'}`);
}
