import type { EntityManager } from 'typeorm';
import { KnownComplaint } from './known-complaint.entity';

/** CMP-7 resolutions that hand a return order over (CMP-10). */
export const RETURN_RESOLUTIONS = ['return', 'reprocess', 'exchange'] as const;

/**
 * RET-2: whether `complaintId` is a complaint this service saw approved for `customerId` with a
 * return, reprocess or exchange — the "through a complaint whose findings put the fault on us" path
 * for a directly created order.
 */
export async function isKnownReturnComplaint(manager: EntityManager, complaintId: string, customerId: string): Promise<boolean> {
  const known = await manager.findOne(KnownComplaint, { where: { complaintId } });
  return !!known && known.customerId === customerId && (RETURN_RESOLUTIONS as readonly string[]).includes(known.resolution);
}

/** Records an approved complaint once (a later approval of the same complaint id keeps the first). */
export async function recordKnownComplaint(manager: EntityManager, complaint: KnownComplaint): Promise<void> {
  await manager.query(
    `INSERT INTO known_complaints (complaint_id, customer_id, resolution, category, approved_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (complaint_id) DO NOTHING`,
    [complaint.complaintId, complaint.customerId, complaint.resolution, complaint.category, complaint.approvedAt],
  );
}
