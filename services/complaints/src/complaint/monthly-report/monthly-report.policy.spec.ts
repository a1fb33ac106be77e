import type { Complaint } from '../complaint.entity';
import { monthRange, monthlyReport } from './monthly-report.policy';

const at = (iso: string) => new Date(iso);
function record(overrides: Partial<Complaint>): Complaint {
  return {
    id: 'id',
    number: 'CP-202610-0001',
    kind: 'complaint',
    channel: 'phone',
    category: 'quality',
    severity: 'general',
    status: 'closed',
    invalidReason: null,
    malicious: null,
    createdAt: at('2026-10-05T02:00:00Z'),
    acknowledgeDueAt: at('2026-10-05T02:30:00Z'),
    firstProposalDueAt: at('2026-10-06T02:00:00Z'),
    investigationDueAt: at('2026-10-08T02:00:00Z'),
    resolutionDueAt: at('2026-10-08T02:00:00Z'),
    followUpDueAt: at('2026-10-09T02:00:00Z'),
    acknowledgedAt: at('2026-10-05T02:10:00Z'),
    firstProposalAt: at('2026-10-05T08:00:00Z'),
    resolvedAt: at('2026-10-06T02:00:00Z'),
    assignment: { department: 'packing', assignee: 'a', at: '', by: { keyId: 'k', name: 'k' } },
    findings: null,
    followUps: [],
    ...overrides,
  } as Complaint;
}

/** CMP-13: the monthly report's figures. */
describe('monthly report (CMP-13)', () => {
  it('takes the business month in Asia/Shanghai', () => {
    expect(monthRange('2026-10')).toEqual({ start: at('2026-09-30T16:00:00Z'), end: at('2026-10-31T16:00:00Z') });
  });

  it('counts, rates, averages and sums', () => {
    const ratings = { attitude: 'very_satisfied', skill: 'poor', timeliness: 'satisfied', promiseKept: 'average' } as const;
    const records = [
      record({
        findings: {
          penalty: { amount: { amount: 50_000, currency: 'CNY' }, kpiPoints: 1, department: 'packing', person: null },
        } as Complaint['findings'],
        followUps: [{ satisfied: true, ratings, comment: null, at: '2026-10-06T05:00:00Z', by: { keyId: 'k', name: 'k' } }],
      }),
      record({
        status: 'rejected',
        invalidReason: 'provocation',
        malicious: true,
        category: 'service',
        assignment: null,
        resolvedAt: null,
        firstProposalAt: null,
      }),
      record({ acknowledgedAt: at('2026-10-05T03:00:00Z'), resolvedAt: at('2026-10-09T02:00:00Z'), channel: 'online' }),
    ];
    const report = monthlyReport(records, '2026-10', at('2026-11-02T00:00:00Z'));
    expect(report).toMatchObject({ month: '2026-10', final: true, total: 3 });
    expect(report.byChannel).toEqual([
      { key: 'phone', count: 2 },
      { key: 'online', count: 1 },
    ]);
    expect(report.validity).toEqual({
      valid: 2,
      invalid: 1,
      pending: 0,
      malicious: 1,
      byInvalidReason: [{ key: 'provocation', count: 1 }],
    });
    expect(report.onTime.find((rate) => rate.deadline === 'acknowledge')).toEqual({
      deadline: 'acknowledge',
      decided: 3,
      onTime: 2,
      rate: '0.6667',
    });
    expect(report.onTime.find((rate) => rate.deadline === 'resolution')).toEqual({
      deadline: 'resolution',
      decided: 2,
      onTime: 1,
      rate: '0.5000',
    });
    expect(report.averageHandlingHours).toBe('60.0'); // (24 h + 96 h) / 2
    expect(report.penaltiesByDepartment).toEqual([
      { department: 'packing', cases: 1, amount: { amount: 50_000, currency: 'CNY' }, kpiPoints: 1 },
    ]);
    expect(report.satisfaction).toEqual({ ratedFollowUps: 1, attitude: '4.00', skill: '1.00', timeliness: '3.00', promiseKept: '2.00' });
  });

  it('is provisional during the month and lists what is overdue now', () => {
    const open = record({ status: 'investigating', firstProposalAt: null, resolvedAt: null });
    const report = monthlyReport([open], '2026-10', at('2026-10-07T00:00:00Z'));
    expect(report.final).toBe(false);
    expect(report.overdue).toEqual([{ id: 'id', number: 'CP-202610-0001', status: 'investigating', missed: ['firstProposal'] }]);
    expect(report.overdueCount).toBe(1);
  });
});
