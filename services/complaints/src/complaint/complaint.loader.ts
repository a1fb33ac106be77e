import type { EntityManager } from 'typeorm';
import { Complaint } from './complaint.entity';
import { ComplaintException } from './complaint.exception';

/** Loads a complaint for a command, locking its row until the transaction ends (CMP-5 steps one after the other). */
export async function loadForCommand(manager: EntityManager, id: string): Promise<Complaint> {
  const complaint = await manager.findOne(Complaint, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!complaint) throw ComplaintException.notFound(id);
  return complaint;
}

/** Bookkeeping of every change: `version` and `updatedAt`. */
export function touch(complaint: Complaint, now: Date): void {
  complaint.version += 1;
  complaint.updatedAt = now;
}
