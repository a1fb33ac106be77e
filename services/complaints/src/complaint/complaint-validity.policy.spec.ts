import { automaticInvalidReason, escalationFor } from './complaint-validity.policy';

const registeredAt = new Date('2026-11-20T02:00:00Z');

describe('CMP-3 late service complaints', () => {
  it('refuses a service complaint raised more than one month after the event', () => {
    const record = { kind: 'complaint' as const, category: 'service' as const, occurredAt: new Date('2026-10-19T02:00:00Z') };
    expect(automaticInvalidReason(record, registeredAt)).toBe('late_service_complaint');
  });

  it('accepts one within the month, other categories, other kinds and records without an event date', () => {
    expect(
      automaticInvalidReason({ kind: 'complaint', category: 'service', occurredAt: new Date('2026-10-21T02:00:00Z') }, registeredAt),
    ).toBeNull();
    expect(
      automaticInvalidReason({ kind: 'complaint', category: 'quality', occurredAt: new Date('2026-01-01T02:00:00Z') }, registeredAt),
    ).toBeNull();
    expect(
      automaticInvalidReason({ kind: 'suggestion', category: 'service', occurredAt: new Date('2026-01-01T02:00:00Z') }, registeredAt),
    ).toBeNull();
    expect(automaticInvalidReason({ kind: 'complaint', category: 'service', occurredAt: null }, registeredAt)).toBeNull();
  });
});

describe('CMP-4 escalation', () => {
  it('escalates major complaints to an executive, not general ones', () => {
    expect(escalationFor('major')).toBe('executive');
    expect(escalationFor('general')).toBeNull();
    expect(escalationFor(null)).toBeNull();
  });
});
