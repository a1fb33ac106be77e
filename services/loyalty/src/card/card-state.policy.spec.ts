import { cardStatus, expiryOf, requireUsable } from './card-state.policy';

const now = new Date('2026-12-03T10:00:00Z');
const later = new Date('2027-12-03T10:00:00Z');

describe('LOY-7/LOY-8 card state', () => {
  it('is valid 2 years from issue (29 February lands on 28 February)', () => {
    expect(expiryOf(new Date('2026-12-03T10:00:00Z'))).toEqual(new Date('2028-12-03T10:00:00Z'));
    expect(expiryOf(new Date('2028-02-29T03:00:00Z'))).toEqual(new Date('2030-02-28T03:00:00Z'));
  });

  it('an expired card is refused naming LOY-7, from the instant it expires', () => {
    expect(() => requireUsable({ status: 'active', expiresAt: later }, now)).not.toThrow();
    expect(() => requireUsable({ status: 'active', expiresAt: now }, now)).toThrow(expect.objectContaining({ rule: 'LOY-7' }));
    expect(cardStatus({ status: 'renewed', expiresAt: later }, now)).toBe('expired');
  });

  it('a lost or replaced card is refused naming LOY-8, even when also expired', () => {
    for (const status of ['lost', 'replaced'] as const) {
      expect(() => requireUsable({ status, expiresAt: later }, now)).toThrow(
        expect.objectContaining({ rule: 'LOY-8', kind: 'rule_violation' }),
      );
      expect(() => requireUsable({ status, expiresAt: now }, now)).toThrow(expect.objectContaining({ rule: 'LOY-8' }));
    }
  });
});
