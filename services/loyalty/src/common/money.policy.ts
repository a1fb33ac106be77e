import type { FieldError } from '@crm/errors';
import { LoyaltyException } from './loyalty.exception';

/** LOY-3/LOY-4: points and member prices are in CNY (one point per full 100.00 CNY). */
export const LOYALTY_CURRENCY = 'CNY';

/** Every amount of a request in CNY, or a 400 naming each field that is not. */
export function requireCny(amounts: readonly [field: string, money: { currency: string }][], rule: string): void {
  const errors: FieldError[] = amounts
    .filter(([, money]) => money.currency !== LOYALTY_CURRENCY)
    .map(([field]) => ({ field: `${field}.currency`, message: `${rule}: loyalty amounts are in ${LOYALTY_CURRENCY}` }));
  if (errors.length) throw LoyaltyException.invalid(rule, errors);
}
