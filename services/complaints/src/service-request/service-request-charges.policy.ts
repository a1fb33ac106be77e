import type { Money, RegisterServiceRequestBody, ServicePaymentMethod, ServiceRequestKind } from '@crm/contracts';
import { ServiceRequestException } from './service-request.exception';

/** SPEC "Conventions": amounts in CNY only; no currency conversion anywhere. */
const CURRENCY = 'CNY';

/**
 * SRV-1 / SRV-5 at registration, in the domain whatever the gateway validated:
 * - only a `paid` request carries a fee, and it must (a paid request without one could never be
 *   charged); `free`, `internal` and `contract` requests carry none — a contract request's service
 *   is covered by its contract — so a fee on them is refused naming SRV-1;
 * - a paid request's fee is more than 0 and in CNY (SRV-5);
 * - a `contract` request names its contract (SRV-1).
 * Answers the fee in fen (null without one).
 */
export function registrationFee(input: Pick<RegisterServiceRequestBody, 'kind' | 'fee' | 'contractNo'>): number | null {
  if (input.kind === 'contract' && !input.contractNo?.trim()) {
    throw ServiceRequestException.rule('SRV-1', 'a contract request names its service contract', [
      { field: 'contractNo', message: 'required for a contract request' },
    ]);
  }
  if (input.kind !== 'paid') {
    if (input.fee) {
      throw ServiceRequestException.rule('SRV-1', `a ${input.kind} request carries no fee (only paid requests are charged)`, [
        { field: 'fee', message: `not allowed on a ${input.kind} request` },
      ]);
    }
    return null;
  }
  if (!input.fee) {
    throw ServiceRequestException.rule('SRV-1', 'a paid request carries its fee', [
      { field: 'fee', message: 'required for a paid request' },
    ]);
  }
  if (input.fee.currency !== CURRENCY) {
    throw ServiceRequestException.rule('SRV-5', `fees are in ${CURRENCY}`, [{ field: 'fee.currency', message: `must be ${CURRENCY}` }]);
  }
  if (input.fee.amount <= 0) {
    throw ServiceRequestException.rule('SRV-5', 'a paid request has a fee above 0', [{ field: 'fee.amount', message: 'must be above 0' }]);
  }
  return input.fee.amount;
}

/**
 * SRV-5 when the voucher is written: a paid request's fee is collected on site (`cash`) only up to
 * the limit (inclusive; handed to finance, invoice sent later), otherwise finance invoices from the
 * voucher (`invoice`, the default). Requests without a fee have nothing to collect, so a payment
 * method on them is refused.
 */
export function paymentMethodOf(
  kind: ServiceRequestKind,
  feeFen: number | null,
  payment: ServicePaymentMethod | undefined,
  cashLimitFen: number,
): ServicePaymentMethod | null {
  if (kind !== 'paid' || feeFen === null) {
    if (payment) {
      throw ServiceRequestException.rule('SRV-5', `a ${kind} request has no fee to collect`, [
        { field: 'payment', message: 'paid requests only' },
      ]);
    }
    return null;
  }
  const method = payment ?? 'invoice';
  if (method === 'cash' && feeFen > cashLimitFen) {
    throw ServiceRequestException.rule(
      'SRV-5',
      `a fee of ${feeFen} fen is above the on-site cash limit of ${cashLimitFen} fen: finance invoices it from the voucher`,
      [{ field: 'payment', message: `cash only up to ${cashLimitFen} fen` }],
    );
  }
  return method;
}

export const fenToMoney = (amount: number): Money => ({ amount, currency: CURRENCY });
