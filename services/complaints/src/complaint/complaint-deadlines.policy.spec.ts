import { parseDateList } from '@crm/calendar';
import { DEFAULT_COMPLAINT_SETTINGS } from '../complaints.config';
import { ComplaintDeadlines } from './complaint-deadlines.policy';

const deadlines = (holidays: string[] = [], makeUpWorkingDays: string[] = []) =>
  new ComplaintDeadlines({ ...DEFAULT_COMPLAINT_SETTINGS, holidays, makeUpWorkingDays });
const iso = (date: Date) => date.toISOString();
const COMPLAINT = { kind: 'complaint', category: 'quality', severity: null };
const INQUIRY = { kind: 'inquiry', category: 'other', severity: null };

/** CMP-9: due times on the working-day calendar, Asia/Shanghai business hours 09:00–18:00. */
describe('complaint due times (CMP-9)', () => {
  it('computes every due time from a Monday 10:30 registration', () => {
    // Mon 2026-11-02 10:30 Shanghai = 02:30Z
    const due = deadlines().atRegistration(new Date('2026-11-02T02:30:00Z'), COMPLAINT);
    expect(iso(due.acknowledge)).toBe('2026-11-02T03:00:00.000Z'); // 30 business minutes
    expect(iso(due.firstProposal)).toBe('2026-11-03T02:30:00.000Z'); // 1 working day
    expect(iso(due.investigationReport)).toBe('2026-11-05T02:30:00.000Z'); // 3 working days
    expect(iso(due.resolution)).toBe('2026-11-05T02:30:00.000Z');
    expect(iso(due.followUp)).toBe('2026-11-06T02:30:00.000Z'); // 1 working day after resolution
  });

  it('starts the clock at the next opening after hours and skips the weekend', () => {
    // Fri 2026-11-06 18:30 Shanghai: the clock starts Mon 09:00.
    const due = deadlines().atRegistration(new Date('2026-11-06T10:30:00Z'), COMPLAINT);
    expect(iso(due.acknowledge)).toBe('2026-11-09T01:30:00.000Z'); // Mon 09:30
    expect(iso(due.firstProposal)).toBe('2026-11-09T10:00:00.000Z'); // Mon 18:00
  });

  it('skips configured holidays and counts make-up working days', () => {
    // Wed 2026-09-30 10:00 + 3 working days, National Day week off, Saturday 10-10 worked.
    const due = deadlines(parseDateList('2026-10-01..2026-10-07'), ['2026-10-10']).atRegistration(
      new Date('2026-09-30T02:00:00Z'),
      COMPLAINT,
    );
    expect(iso(due.resolution)).toBe('2026-10-10T02:00:00.000Z');
    const without = deadlines().atRegistration(new Date('2026-09-30T02:00:00Z'), COMPLAINT);
    expect(iso(without.resolution)).toBe('2026-10-05T02:00:00.000Z');
  });

  it('answers inquiries within 24 hours', () => {
    const due = deadlines().atRegistration(new Date('2026-11-06T10:30:00Z'), INQUIRY);
    expect(iso(due.resolution)).toBe('2026-11-07T10:30:00.000Z');
  });

  it('extends the resolution to 7 working days', () => {
    const at = new Date('2026-11-02T02:30:00Z');
    expect(iso(deadlines().resolutionDue(at, COMPLAINT, true))).toBe('2026-11-11T02:30:00.000Z');
  });
});

/** CMP-9: the 75 % warning instants. */
describe('complaint warnings (CMP-9, 75 %)', () => {
  it('warns after 75 % of the working time, and of the wall-clock time for inquiries', () => {
    const d = deadlines();
    const registered = new Date('2026-11-02T02:30:00Z'); // Mon 10:30
    const due = d.atRegistration(registered, COMPLAINT);
    const warnings = d.warnings({ createdAt: registered, kind: 'complaint', resolvedAt: null, extended: false }, due);
    expect(iso(warnings.acknowledge)).toBe('2026-11-02T02:52:30.000Z'); // 22.5 of 30 business minutes
    expect(iso(warnings.firstProposal)).toBe('2026-11-02T09:15:00.000Z'); // 6 h 45 of 9 working hours: Mon 17:15
    const inquiry = d.atRegistration(new Date('2026-11-06T10:30:00Z'), INQUIRY);
    const inquiryWarnings = d.warnings(
      { createdAt: new Date('2026-11-06T10:30:00Z'), kind: 'inquiry', resolvedAt: null, extended: false },
      inquiry,
    );
    expect(iso(inquiryWarnings.resolution)).toBe('2026-11-07T04:30:00.000Z'); // 18 of 24 hours
  });
});

/** CMP-9: "defaults, configurable per kind, category and severity". */
describe('complaint deadlines per kind, category and severity (CMP-9)', () => {
  const registered = new Date('2026-11-02T02:30:00Z'); // Mon 10:30
  const configured = new ComplaintDeadlines({
    ...DEFAULT_COMPLAINT_SETTINGS,
    slaOverrides: [
      { when: { severity: 'major' }, set: { resolutionDays: 1, firstProposalDays: 1 } },
      { when: { category: 'quality' }, set: { resolutionDays: 5, investigationReportDays: 4 } },
      { when: { category: 'quality', severity: 'major' }, set: { resolutionDays: 2 } },
      { when: { kind: 'inquiry' }, set: { inquiryAnswerHours: 8 } },
    ],
  });

  it('applies the overrides that match, the most specific deciding each setting', () => {
    expect(iso(configured.atRegistration(registered, { ...COMPLAINT, category: 'service' }).resolution)).toBe('2026-11-05T02:30:00.000Z');
    const quality = configured.atRegistration(registered, COMPLAINT);
    expect(iso(quality.resolution)).toBe('2026-11-09T02:30:00.000Z'); // 5 working days
    expect(iso(quality.investigationReport)).toBe('2026-11-06T02:30:00.000Z'); // 4
    const majorQuality = configured.atRegistration(registered, { ...COMPLAINT, severity: 'major' });
    expect(iso(majorQuality.resolution)).toBe('2026-11-04T02:30:00.000Z'); // category+severity beats either alone
    expect(iso(majorQuality.investigationReport)).toBe('2026-11-06T02:30:00.000Z'); // from the category override
    expect(iso(configured.atRegistration(registered, INQUIRY).resolution)).toBe('2026-11-02T10:30:00.000Z'); // 8 h
  });

  it('re-plans the open due times at acceptance when the severity brings other deadlines', () => {
    const record = {
      createdAt: registered,
      kind: 'complaint' as const,
      category: 'service',
      severity: null as string | null,
      extension: null,
    };
    const planned = configured.atRegistration(registered, record);
    const complaint = {
      ...record,
      firstProposalDueAt: planned.firstProposal,
      investigationDueAt: planned.investigationReport,
      resolutionDueAt: planned.resolution,
      followUpDueAt: planned.followUp,
    };
    expect(iso(complaint.resolutionDueAt)).toBe('2026-11-05T02:30:00.000Z');
    complaint.severity = 'major';
    configured.replanAtAcceptance(complaint);
    expect(iso(complaint.resolutionDueAt)).toBe('2026-11-03T02:30:00.000Z'); // 1 working day for major
    expect(iso(complaint.followUpDueAt)).toBe('2026-11-04T02:30:00.000Z');
  });
});
