import type { DataSource, EntityManager } from 'typeorm';
import { CommonErrorCode, CommonException } from '@crm/errors';
import { currentContext } from '@crm/observability';

/** Inbox rows of commands live in the same table as events', under this consumer name. */
export const COMMAND_INBOX_CONSUMER = 'rpc';

/**
 * At-least-once delivery applies to commands too: if the connection drops after a command's
 * transaction committed but before its ack, the broker delivers it again — possibly to another
 * replica, possibly before its deadline. The first write transaction of a command claims its
 * message id in the inbox, in that same transaction; a redelivery finds the claim and changes
 * nothing (409). Commands without an id (sent by hand) are not deduplicated.
 */
export async function claimCommand(manager: EntityManager): Promise<void> {
  const context = currentContext();
  if (!context?.commandId || context.commandClaimed) return;
  const claimed: unknown[] = await manager.query(
    `INSERT INTO inbox_messages (consumer, message_id, type) VALUES ($1, $2, 'command')
     ON CONFLICT DO NOTHING RETURNING message_id`,
    [COMMAND_INBOX_CONSUMER, context.commandId],
  );
  if (claimed.length === 0) {
    throw new CommonException(CommonErrorCode.DuplicateCommand, 'This command was already applied; its redelivery changed nothing');
  }
  context.commandClaimed = true;
}

/** Commands are worthless after their deadline (seconds); a day of claims is ample. */
export async function pruneCommandInbox(dataSource: DataSource, olderThanHours = 24): Promise<number> {
  const result: [unknown[], number] = await dataSource.query(
    `DELETE FROM inbox_messages WHERE consumer = $1 AND processed_at < now() - make_interval(hours => $2)`,
    [COMMAND_INBOX_CONSUMER, olderThanHours],
  );
  return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
}
