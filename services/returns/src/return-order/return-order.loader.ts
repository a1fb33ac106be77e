import type { EntityManager } from 'typeorm';
import { ReturnsException, ReturnsExceptionCode } from '../common/returns.exception';
import { ReturnOrder } from './return-order.entity';

/** Loads a return order for a command, locking its row until the transaction ends (steps one after the other). */
export async function loadReturnForCommand(manager: EntityManager, id: string): Promise<ReturnOrder> {
  const order = await manager.findOne(ReturnOrder, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!order) throw ReturnsException.notFound(ReturnsExceptionCode.ReturnNotFound, 'Return order', id);
  return order;
}

/** Bookkeeping of every change: `version` and `updatedAt`. */
export function touch(document: { version: number; updatedAt: Date }, now: Date): void {
  document.version += 1;
  document.updatedAt = now;
}
