import type { EntityManager } from 'typeorm';
import { type ComplaintEventData, ComplaintEventType } from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import type { Complaint } from '../complaint.entity';

/** Every complaints event but `sla-breached` carries the record's classification after the change. */
export type ComplaintLifecycleEventType = Exclude<
  ComplaintEventType,
  typeof ComplaintEventType.SlaBreached | typeof ComplaintEventType.SlaWarning
>;

type Extra = Pick<ComplaintEventData, 'malicious' | 'escalatedTo' | 'resolution' | 'value' | 'handOff' | 'reopenedAs'>;

/** Built field by field — never the complainant's name, phone or account of events. */
export function complaintEventData(complaint: Complaint, extra: Extra = {}): ComplaintEventData {
  return {
    complaintId: complaint.id,
    number: complaint.number,
    kind: complaint.kind,
    category: complaint.category,
    severity: complaint.severity,
    status: complaint.status,
    customerId: complaint.customerId,
    supersedes: complaint.supersedes,
    invalidReason: complaint.invalidReason,
    ...(complaint.receivablesNote ? { receivablesNote: complaint.receivablesNote } : {}),
    ...extra,
  };
}

/** STYLE rule 5: the event goes to the outbox in the command's own transaction. */
export function recordComplaintEvent(
  outbox: OutboxWriter,
  manager: EntityManager,
  type: ComplaintLifecycleEventType,
  complaint: Complaint,
  extra?: Extra,
): Promise<unknown> {
  return outbox.record(manager, { type, aggregateId: complaint.id, data: complaintEventData(complaint, extra) });
}
