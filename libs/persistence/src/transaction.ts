import type { DataSource, EntityManager } from 'typeorm';
import { CommonErrorCode, CommonException } from '@crm/errors';
import { currentContext } from '@crm/observability';

/**
 * STYLE rule 3: one transaction per command, opened at the edge. Handlers receive the
 * EntityManager and never open their own; the outbox and inbox rows ride in the same one.
 */
export type TransactionalWork<T> = (manager: EntityManager) => Promise<T>;

/** Commit no later than this before the caller's deadline: the reply still has to travel. */
export const DEADLINE_MARGIN_MS = 100;

/**
 * Runs `work` in a transaction, READ COMMITTED (every session's default, set by the data source). When the current unit of work has a deadline (an
 * RPC command) and the work finishes after it, the transaction is rolled back instead of
 * committed: the gateway has already answered 504, and a retry must not find the change done
 * (GW-4 "never a lost write that the caller was told succeeded", and its mirror image).
 */
export async function withTransaction<T>(dataSource: DataSource, work: TransactionalWork<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const result = await work(manager);
    assertBeforeDeadline();
    return result;
  });
}

export function assertBeforeDeadline(now = Date.now()): void {
  const deadline = currentContext()?.deadline;
  if (deadline !== undefined && now > deadline - DEADLINE_MARGIN_MS) {
    throw new CommonException(
      CommonErrorCode.DeadlineExceeded,
      'The caller stopped waiting before this command could commit; nothing was changed',
    );
  }
}
