import { addBusinessMonths } from '@crm/calendar';
import type { ComplaintCategory, ComplaintInvalidReason, ComplaintKind, ComplaintSeverity } from '@crm/contracts';

/**
 * CMP-3: a complaint about service attitude raised more than one month after the event is invalid
 * (`late_service_complaint`) and refused automatically when the event date shows it. "Service
 * attitude" is the CMP-2 category `service`; a month is a calendar month in business time.
 */
export function automaticInvalidReason(
  record: { kind: ComplaintKind; category: ComplaintCategory; occurredAt: Date | null },
  registeredAt: Date,
): ComplaintInvalidReason | null {
  if (record.kind !== 'complaint' || record.category !== 'service' || !record.occurredAt) return null;
  return addBusinessMonths(record.occurredAt, 1).getTime() < registeredAt.getTime() ? 'late_service_complaint' : null;
}

/** CMP-4: `major` complaints escalate to an executive at once. */
export function escalationFor(severity: ComplaintSeverity | null): 'executive' | null {
  return severity === 'major' ? 'executive' : null;
}
