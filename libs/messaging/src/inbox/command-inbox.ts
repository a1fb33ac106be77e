import type { DataSource, EntityManager } from 'typeorm';
import { CommonErrorCode, CommonException } from '@crm/errors';
import { currentContext } from '@crm/observability';
import { type DeferredOutboxRow, OUTBOX_DEFERRED } from '../outbox/outbox.writer';
import type { RpcReply } from '../rpc/rpc-reply';
import { failpoint } from '../failpoints';

/** Inbox rows of commands live in the same table as events', under this consumer name. */
export const COMMAND_INBOX_CONSUMER = 'rpc';

/**
 * A redelivered command that was already applied: the transport answers `reply`, the answer the
 * first delivery committed, so the caller (and its Idempotency-Key) sees the same success.
 */
export class CommandAlreadyApplied extends Error {
  constructor(readonly reply: RpcReply) {
    super('This command was already applied; answering its first result');
    this.name = 'CommandAlreadyApplied';
  }
}

/**
 * At-least-once delivery applies to commands too: if the replica dies or the connection drops
 * after a command's transaction committed but before its reply and ack, the broker delivers it
 * again — possibly to another replica, before its deadline. The first write transaction of a
 * command claims its message id in the inbox, in that same transaction; a redelivery finds the
 * claim, changes nothing and answers the reply stored with it (`recordCommandReply`). A claim
 * whose reply was erased (CUS-9) answers 409. Commands without an id (sent by hand) are not
 * deduplicated.
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
    // The insert waited for the first delivery's transaction; it committed, so its reply is there.
    const [first] = (await manager.query(`SELECT reply FROM inbox_messages WHERE consumer = $1 AND message_id = $2`, [
      COMMAND_INBOX_CONSUMER,
      context.commandId,
    ])) as { reply: RpcReply | null }[];
    if (first?.reply) throw new CommandAlreadyApplied(first.reply);
    throw new CommonException(CommonErrorCode.DuplicateCommand, 'This command was already applied; its redelivery changed nothing');
  }
  context.commandClaimed = true;
  // The command's outbox rows ride with its stored answer (recordCommandReply), in this transaction.
  const runner = manager.queryRunner;
  if (runner) runner.data = { ...runner.data, [OUTBOX_DEFERRED]: [] };
}

/**
 * Stores the command's answer with its claim, in the command's transaction (before commit). Also
 * erases stored answers about resources this command erased (CUS-9), so none can be replayed.
 */
export async function recordCommandReply(manager: EntityManager, reply: RpcReply): Promise<void> {
  const runner = manager.queryRunner;
  const outbox = (runner?.data?.[OUTBOX_DEFERRED] as DeferredOutboxRow[] | undefined) ?? [];
  if (runner?.data) delete runner.data[OUTBOX_DEFERRED];
  const context = currentContext();
  if (!context?.commandId || !context.commandClaimed) {
    await insertOutboxRows(manager, outbox);
    return;
  }
  if (context.erased?.length) {
    await manager.query(`UPDATE inbox_messages SET reply = NULL WHERE consumer = $1 AND reply -> 'data' ->> 'id' = ANY($2::text[])`, [
      COMMAND_INBOX_CONSUMER,
      context.erased,
    ]);
  }
  const stored = context.erased?.length ? { ...reply, erased: context.erased } : reply;
  if (!outbox.length) {
    await manager.query(`UPDATE inbox_messages SET reply = $3::jsonb WHERE consumer = $1 AND message_id = $2`, [
      COMMAND_INBOX_CONSUMER,
      context.commandId,
      JSON.stringify(stored),
    ]);
    failpoint('before-commit', context.messageType); // fault suite only (CRM_FAILPOINT)
    return;
  }
  // One round trip: the command's events into the outbox (in the order recorded) and its answer.
  await manager.query(
    `WITH outbox AS (
       INSERT INTO outbox_messages (id, type, aggregate_id, envelope)
       SELECT id, type, aggregate_id, envelope
         FROM unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::jsonb[]) WITH ORDINALITY AS r(id, type, aggregate_id, envelope, n)
        ORDER BY n
     )
     UPDATE inbox_messages SET reply = $3::jsonb WHERE consumer = $1 AND message_id = $2`,
    [
      COMMAND_INBOX_CONSUMER,
      context.commandId,
      JSON.stringify(stored),
      outbox.map((row) => row.id),
      outbox.map((row) => row.type),
      outbox.map((row) => row.aggregateId),
      outbox.map((row) => row.envelope),
    ],
  );
  failpoint('before-commit', context.messageType); // fault suite only (CRM_FAILPOINT)
}

async function insertOutboxRows(manager: EntityManager, rows: DeferredOutboxRow[]): Promise<void> {
  for (const row of rows) {
    await manager.query('INSERT INTO outbox_messages (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)', [
      row.id,
      row.type,
      row.aggregateId,
      row.envelope,
    ]);
  }
}

/** Commands are worthless after their deadline (seconds); a day of claims is ample. */
export async function pruneCommandInbox(dataSource: DataSource, olderThanHours = 24): Promise<number> {
  const result: [unknown[], number] = await dataSource.query(
    `DELETE FROM inbox_messages WHERE consumer = $1 AND processed_at < now() - make_interval(hours => $2)`,
    [COMMAND_INBOX_CONSUMER, olderThanHours],
  );
  return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
}
