import { escalateOneLevel, missedDeadlines, warningsDue, type ComplaintClock, type ComplaintWarningClock } from './complaint-sla.policy';

const at = (iso: string) => new Date(iso);
const clock = (overrides: Partial<ComplaintClock> = {}): ComplaintClock => ({
  status: 'registered',
  acknowledgeDueAt: at('2026-11-02T03:00:00Z'),
  firstProposalDueAt: at('2026-11-03T02:30:00Z'),
  investigationDueAt: at('2026-11-05T02:30:00Z'),
  resolutionDueAt: at('2026-11-05T02:30:00Z'),
  followUpDueAt: at('2026-11-06T02:30:00Z'),
  acknowledgedAt: null,
  firstProposalAt: null,
  resolvedAt: null,
  ...overrides,
});
const names = (record: ComplaintClock, now: string) => missedDeadlines(record, at(now)).map((missed) => missed.deadline);

/** CMP-9: which due times a record has missed. */
describe('missed deadlines (CMP-9)', () => {
  it('misses nothing before the first due time, and acknowledge right after it', () => {
    expect(names(clock(), '2026-11-02T03:00:00Z')).toEqual([]);
    expect(names(clock(), '2026-11-02T03:00:01Z')).toEqual(['acknowledge']);
  });

  it('counts only steps not done yet', () => {
    const accepted = clock({ status: 'investigating', acknowledgedAt: at('2026-11-02T02:40:00Z') });
    expect(names(accepted, '2026-11-04T00:00:00Z')).toEqual(['firstProposal']);
    const proposed = clock({ status: 'proposed', acknowledgedAt: at('2026-11-02T02:40:00Z'), firstProposalAt: at('2026-11-02T05:00:00Z') });
    expect(names(proposed, '2026-11-05T03:00:00Z')).toEqual(['resolution']);
    const resolved = clock({
      status: 'resolved',
      acknowledgedAt: at('2026-11-02T02:40:00Z'),
      firstProposalAt: at('2026-11-02T05:00:00Z'),
      resolvedAt: at('2026-11-04T00:00:00Z'),
    });
    expect(names(resolved, '2026-11-06T03:00:00Z')).toEqual(['followUp']);
  });

  it('misses nothing once final', () => {
    for (const status of ['closed', 'rejected', 'superseded'] as const)
      expect(names(clock({ status }), '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('escalates one level per breach up to an executive', () => {
    expect([0, 1, 2].map(escalateOneLevel)).toEqual([1, 2, 2]);
  });
});

describe('75 % warnings (CMP-9)', () => {
  const warned = (overrides: Partial<ComplaintWarningClock>, now: string) =>
    warningsDue(
      {
        ...clock(),
        acknowledgeWarnAt: at('2026-11-02T02:52:30Z'),
        firstProposalWarnAt: at('2026-11-02T09:15:00Z'),
        investigationWarnAt: at('2026-11-04T09:00:00Z'),
        resolutionWarnAt: at('2026-11-04T09:00:00Z'),
        followUpWarnAt: at('2026-11-06T00:00:00Z'),
        ...overrides,
      },
      at(now),
    ).map((warning) => warning.deadline);

  it('warns from the warning instant until the due time, for pending steps only', () => {
    expect(warned({}, '2026-11-02T02:52:29Z')).toEqual([]);
    expect(warned({}, '2026-11-02T02:52:30Z')).toEqual(['acknowledge']);
    expect(warned({}, '2026-11-02T03:00:01Z')).toEqual([]); // missed: a breach, not a warning
    expect(warned({ status: 'accepted', acknowledgedAt: at('2026-11-02T02:40:00Z') }, '2026-11-02T09:20:00Z')).toEqual(['firstProposal']);
    expect(warned({ status: 'closed' }, '2026-11-02T02:55:00Z')).toEqual([]);
  });
});
