import type { DataSource, EntityManager } from 'typeorm';
import { claimCommand } from '@crm/messaging';
import { withTransaction } from '@crm/persistence';

/**
 * STYLE rule 3: the RPC controller (the edge) opens one transaction per command and hands the
 * manager to the use-case handler; domain code never opens its own.
 */
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /** A write: claims the RPC command in the inbox first, so a redelivery cannot apply it twice. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, async (manager) => {
      await claimCommand(manager);
      return work(manager);
    });
  }

  /** Reads need no transaction, but go through the same door for symmetry and testability. */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
