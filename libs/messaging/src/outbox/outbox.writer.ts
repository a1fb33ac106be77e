import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EVENT_DATA_CONTRACTS, type EventEnvelope } from '@crm/contracts';
import { CommonErrorCode, CommonException } from '@crm/errors';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../rpc/validation';
import { currentContext } from '@crm/observability';

/** Marks a query runner whose transaction wrote outbox rows (read after commit). */
export const OUTBOX_PENDING = 'crm.outboxPending';
/**
 * On a query runner whose transaction is a claimed RPC command: outbox rows recorded in it wait
 * here and are inserted by `recordCommandReply` in the same statement as the stored answer, at
 * the end of the same transaction (issue 10: one round trip fewer per command).
 */
export const OUTBOX_DEFERRED = 'crm.outboxDeferred';

/** An outbox row not yet inserted (see OUTBOX_DEFERRED). */
export interface DeferredOutboxRow {
  id: string;
  type: string;
  aggregateId: string;
  envelope: string;
}

export interface NewEvent<TData> {
  type: string;
  /** The aggregate's id: events of one aggregate are published in the order they were written. */
  aggregateId: string;
  data: TData;
  version?: number;
  occurredAt?: Date;
}

/**
 * SPEC "Fixed architecture" / STYLE rule 5: an event is written to the outbox inside the
 * business transaction (the `manager` passed in), so it exists if and only if the change
 * committed. Nothing touches the broker here; the relay publishes after commit.
 */
export class OutboxWriter {
  private listeners: (() => void)[] = [];

  constructor(private readonly source: string) {}

  async record<TData extends object>(manager: EntityManager, event: NewEvent<TData>): Promise<EventEnvelope<TData>> {
    assertEventKeepsContract(event);
    const context = currentContext();
    const envelope: EventEnvelope<TData> = {
      id: randomUUID(),
      type: event.type,
      version: event.version ?? 1,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      source: this.source,
      correlationId: context?.correlationId ?? randomUUID(),
      ...(context?.causationId ? { causationId: context.causationId } : {}),
      data: event.data,
    };
    const runner = manager.queryRunner;
    const deferred = runner?.data?.[OUTBOX_DEFERRED] as DeferredOutboxRow[] | undefined;
    if (deferred) {
      // Inside a claimed command: inserted with the command's stored answer, before commit.
      // Nothing in the transaction may read the row back before then.
      deferred.push({ id: envelope.id, type: envelope.type, aggregateId: event.aggregateId, envelope: JSON.stringify(envelope) });
    } else {
      await manager.query('INSERT INTO outbox_messages (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)', [
        envelope.id,
        envelope.type,
        event.aggregateId,
        JSON.stringify(envelope),
      ]);
    }
    // The relay is woken when this transaction commits (see OutboxRelay), not before: a wake
    // before the commit would find nothing and leave the event for the next poll.
    if (runner) runner.data = { ...runner.data, [OUTBOX_PENDING]: true };
    else for (const listener of this.listeners) listener();
    return envelope;
  }

  /** The relay subscribes here to publish promptly instead of waiting for its next poll. */
  onRecorded(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/**
 * A service never publishes what its own contract (AsyncAPI, `EVENT_DATA_CONTRACTS`) refuses:
 * consumers would dead-letter it. Such an event is a bug in the producer, refused before it is
 * written, so the command fails (500) and its transaction rolls back. Unknown members are refused
 * here too — consumers tolerate them, a producer must declare them first.
 */
export function assertEventKeepsContract(event: Pick<NewEvent<object>, 'type' | 'data'>): void {
  const contract = EVENT_DATA_CONTRACTS[event.type];
  if (!contract) return;
  const errors = validateSync(plainToInstance(contract, event.data) as object, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return;
  const fields = flattenValidationErrors(errors).map((error) => `${error.field}: ${error.message}`);
  throw new CommonException(CommonErrorCode.Internal, `Event ${event.type} breaks its data contract: ${fields.join('; ')}`);
}
