import {
  type EligibilityInput,
  RET2_CONDITIONS,
  daysSinceShipped,
  eligibilityRefusal,
  withinReturnWindow,
} from './return-eligibility.policy';

const NOW = new Date('2026-11-16T15:59:59.999Z'); // 2026-11-16 23:59:59.999 in Asia/Shanghai

function input(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    handling: 'return',
    defect: 'none',
    storage: 'proper',
    pickup: 'delivered',
    lines: [{ sku: 'TEA-500G', shippedAt: new Date('2026-11-05T02:00:00Z') }],
    valueFen: 10_000,
    viaComplaint: false,
    franchise: null,
    now: NOW,
    ...overrides,
  };
}

describe('RET-2 the 15 days, at Asia/Shanghai day boundaries', () => {
  // The window starts on the Shanghai date the goods left the warehouse and includes the 15th day after it.
  it.each([
    ['shipped 1 Nov 23:59:59 Shanghai, asked at the end of 16 Nov', '2026-11-01T15:59:59Z', '2026-11-16T15:59:59.999Z', 15, true],
    ['shipped 1 Nov 23:59:59 Shanghai, asked at 00:00 on 17 Nov', '2026-11-01T15:59:59Z', '2026-11-16T16:00:00Z', 16, false],
    ['shipped 2 Nov 00:00 Shanghai (1 Nov 16:00Z), asked at the end of 17 Nov', '2026-11-01T16:00:00Z', '2026-11-17T15:59:59Z', 15, true],
    ['shipped 2 Nov 00:00 Shanghai, asked at 00:00 on 18 Nov', '2026-11-01T16:00:00Z', '2026-11-17T16:00:00Z', 16, false],
    ['same day', '2026-11-01T01:00:00Z', '2026-11-01T09:00:00Z', 0, true],
    ['across a month end', '2026-10-31T08:00:00Z', '2026-11-15T15:59:59Z', 15, true],
  ])('%s', (_name, shipped, now, days, within) => {
    expect(daysSinceShipped(new Date(shipped), new Date(now))).toBe(days);
    expect(withinReturnWindow(new Date(shipped), new Date(now))).toBe(within);
  });
});

describe('RET-2 eligibility, the ordered rule list', () => {
  const late = [{ sku: 'TEA-500G', shippedAt: new Date('2026-11-01T15:59:59Z') }]; // 16 days at 17 Nov 00:00
  const lateNow = new Date('2026-11-16T16:00:00Z');
  const franchiseOk = { returnRatioBasisPoints: 500, periodPurchasesFen: 1_000_000, alreadyReturnedFen: 40_000 };

  it.each<[string, Partial<EligibilityInput>, string | null]>([
    ['a wrong item within 15 days', {}, null],
    ['improper storage, even within the window', { storage: 'improper' }, RET2_CONDITIONS.improperStorage],
    ['improper storage comes before self-pickup', { storage: 'improper', pickup: 'self_pickup' }, RET2_CONDITIONS.improperStorage],
    ['self-pickup returned for money', { pickup: 'self_pickup', handling: 'return' }, RET2_CONDITIONS.selfPickup],
    [
      'self-pickup reprocessed',
      { pickup: 'self_pickup', handling: 'reprocess', defect: 'quality', viaComplaint: true },
      RET2_CONDITIONS.selfPickup,
    ],
    [
      'self-pickup exchanged without a verified defect',
      { pickup: 'self_pickup', handling: 'exchange', defect: 'quality' },
      RET2_CONDITIONS.selfPickup,
    ],
    [
      'self-pickup exchanged, no defect, via complaint',
      { pickup: 'self_pickup', handling: 'exchange', viaComplaint: true },
      RET2_CONDITIONS.selfPickup,
    ],
    [
      'self-pickup exchanged after a verified defect',
      { pickup: 'self_pickup', handling: 'exchange', defect: 'quality', viaComplaint: true },
      null,
    ],
    ['franchise within its ratio (exactly 5 %)', { valueFen: 10_000, franchise: franchiseOk }, null],
    ['franchise one fen over its ratio', { valueFen: 10_001, franchise: franchiseOk }, RET2_CONDITIONS.franchiseRatio],
    [
      'franchise ratio comes before the window',
      { valueFen: 10_001, franchise: franchiseOk, lines: late, now: lateNow },
      RET2_CONDITIONS.franchiseRatio,
    ],
    ['quality defect on day 15', { defect: 'quality', lines: late, now: new Date('2026-11-16T15:59:59Z') }, null],
    ['quality defect on day 16', { defect: 'quality', lines: late, now: lateNow }, RET2_CONDITIONS.qualityDefectLate],
    ['quality defect on day 16 through a complaint', { defect: 'quality', lines: late, now: lateNow, viaComplaint: true }, null],
    ['other reason on day 16', { lines: late, now: lateNow }, RET2_CONDITIONS.otherReasonLate],
    ['other reason on day 16, even via a complaint', { lines: late, now: lateNow, viaComplaint: true }, RET2_CONDITIONS.otherReasonLate],
    ['no ship date, direct', { lines: [{ sku: 'A', shippedAt: null }] }, RET2_CONDITIONS.shipDateUnknown],
    ['no ship date, through a complaint', { lines: [{ sku: 'A', shippedAt: null }], viaComplaint: true }, null],
    [
      'one late line of two refuses the order',
      { lines: [{ sku: 'A', shippedAt: new Date('2026-11-10T00:00:00Z') }, ...late], now: lateNow },
      RET2_CONDITIONS.otherReasonLate,
    ],
  ])('%s', (_name, overrides, condition) => {
    expect(eligibilityRefusal(input(overrides))?.condition ?? null).toBe(condition);
  });
});
