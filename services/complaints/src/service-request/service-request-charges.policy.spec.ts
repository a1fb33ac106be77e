import { ServiceRequestException } from './service-request.exception';
import { paymentMethodOf, registrationFee } from './service-request-charges.policy';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

function refusal(run: () => unknown): { rule?: string; status?: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof ServiceRequestException)) throw error;
    return { rule: error.rule, status: error.kind };
  }
}

describe('SRV-1/SRV-5 fees at registration', () => {
  it.each([
    ['paid', cny(30_000), undefined, 30_000],
    ['free', undefined, undefined, null],
    ['internal', undefined, undefined, null],
    ['contract', undefined, 'SC-1', null],
  ] as const)('%s with fee %p and contract %p → %p fen', (kind, fee, contractNo, expected) => {
    expect(registrationFee({ kind, fee, contractNo })).toBe(expected);
  });

  it.each([
    ['free', cny(100), undefined, 'SRV-1'],
    ['internal', cny(100), undefined, 'SRV-1'],
    ['contract', cny(100), 'SC-1', 'SRV-1'],
    ['contract', undefined, undefined, 'SRV-1'],
    ['contract', undefined, '  ', 'SRV-1'],
    ['paid', undefined, undefined, 'SRV-1'],
    ['paid', cny(0), undefined, 'SRV-5'],
    ['paid', { amount: 100, currency: 'USD' }, undefined, 'SRV-5'],
  ] as const)('%s with fee %p and contract %p is refused naming %s', (kind, fee, contractNo, rule) => {
    expect(refusal(() => registrationFee({ kind, fee, contractNo }))).toEqual({ rule, status: 'rule_violation' });
  });
});

describe('SRV-5 payment method and the on-site cash limit', () => {
  const limit = 50_000;
  it.each([
    ['paid', 50_000, 'cash', 'cash'],
    ['paid', 1, 'cash', 'cash'],
    ['paid', 50_001, 'invoice', 'invoice'],
    ['paid', 50_001, undefined, 'invoice'],
    ['paid', 10, undefined, 'invoice'],
    ['free', null, undefined, null],
    ['contract', null, undefined, null],
  ] as const)('%s with a fee of %p fen paid by %p → %p', (kind, fee, payment, expected) => {
    expect(paymentMethodOf(kind, fee, payment, limit)).toBe(expected);
  });

  it('refuses cash above the limit naming SRV-5 (the limit is inclusive)', () => {
    expect(refusal(() => paymentMethodOf('paid', 50_001, 'cash', limit))).toEqual({ rule: 'SRV-5', status: 'rule_violation' });
    expect(refusal(() => paymentMethodOf('paid', 50_000, 'cash', limit))).toBeUndefined();
    expect(refusal(() => paymentMethodOf('paid', 20_000, 'cash', 10_000))).toEqual({ rule: 'SRV-5', status: 'rule_violation' });
  });

  it('refuses a payment method on a request without a fee (SRV-5)', () => {
    expect(refusal(() => paymentMethodOf('free', null, 'cash', limit))).toEqual({ rule: 'SRV-5', status: 'rule_violation' });
    expect(refusal(() => paymentMethodOf('internal', null, 'invoice', limit))).toEqual({ rule: 'SRV-5', status: 'rule_violation' });
  });
});
