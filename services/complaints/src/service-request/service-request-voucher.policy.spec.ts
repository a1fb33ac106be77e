import { ServiceRequestException } from './service-request.exception';
import { arrivedOnTime, checkVoucherTimes } from './service-request-voucher.policy';

const now = new Date('2026-11-05T08:00:00Z');

describe('SRV-4 voucher times', () => {
  it('accepts an end after the start, up to now', () => {
    expect(() => checkVoucherTimes(new Date('2026-11-05T06:00:00Z'), now, now)).not.toThrow();
  });

  it.each([
    ['end equal to start', '2026-11-05T06:00:00Z', '2026-11-05T06:00:00Z'],
    ['end before start', '2026-11-05T06:00:00Z', '2026-11-05T05:00:00Z'],
    ['end in the future', '2026-11-05T06:00:00Z', '2026-11-05T08:00:01Z'],
  ])('refuses %s naming SRV-4', (_case, start, end) => {
    let caught: unknown;
    try {
      checkVoucherTimes(new Date(start), new Date(end), now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceRequestException);
    expect((caught as ServiceRequestException).rule).toBe('SRV-4');
    expect((caught as ServiceRequestException).errors?.[0].field).toBe('endedAt');
  });
});

describe('SRV-6 arrival on the promised day (business date of the voucher start)', () => {
  it.each([
    ['the promised day', '2026-11-05T02:00:00Z', '2026-11-05', true],
    ['a day early', '2026-11-04T02:00:00Z', '2026-11-05', true],
    ['the day after', '2026-11-06T02:00:00Z', '2026-11-05', false],
    ['23:30 Shanghai on the promised day (15:30Z)', '2026-11-05T15:30:00Z', '2026-11-05', true],
    ['00:30 Shanghai the day after (16:30Z the promised day in UTC)', '2026-11-05T16:30:00Z', '2026-11-05', false],
  ])('%s', (_case, started, promised, expected) => {
    expect(arrivedOnTime(new Date(started), promised)).toBe(expected);
  });
});
