import type { DataSource, EntityManager } from 'typeorm';
import { type RpcReply, claimCommand, recordCommandReply } from '@crm/messaging';
import { withTransaction } from '@crm/persistence';

/**
 * STYLE rule 3: the RPC controller (the edge) opens one transaction per command and hands the
 * manager to the use-case handler; domain code never opens its own.
 */
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A write: claims the RPC command in the inbox first, so a redelivery cannot apply it twice, and
   * stores the answer with the claim, so a redelivery answers it again (issue 10). `answer` says
   * what the transport will reply when that is not simply the result (a refusal thrown after
   * commit, as CUS-7 reads do).
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, answer: (result: T) => RpcReply = (data) => ({ ok: true, data })): Promise<T> {
    return withTransaction(this.dataSource, async (manager) => {
      await claimCommand(manager);
      const result = await work(manager);
      await recordCommandReply(manager, answer(result));
      return result;
    });
  }

  /** Reads need no transaction, but go through the same door for symmetry and testability. */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
