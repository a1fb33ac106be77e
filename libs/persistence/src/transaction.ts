import { DataSource, EntityManager } from 'typeorm';

/**
 * STYLE rule 3: one transaction per command, opened at the edge. Handlers receive the
 * EntityManager and never open their own; the outbox and inbox rows ride in the same one.
 */
export type TransactionalWork<T> = (manager: EntityManager) => Promise<T>;

export async function withTransaction<T>(dataSource: DataSource, work: TransactionalWork<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
