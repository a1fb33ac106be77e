import type { ConfirmChannel, Message } from 'amqplib';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@crm/contracts';
import { MessageHeaders } from '@crm/contracts';
import { metrics } from '@crm/observability';
import { AmqpConnection } from '../amqp/amqp-connection';
import { Topology } from '../amqp/topology';
import { withTimeout } from '../timeout';
import { OUTBOX_PENDING, type OutboxWriter } from './outbox.writer';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  connection: AmqpConnection;
  writer: OutboxWriter;
  logger: Logger;
  /** Distinguishes the advisory lock of each service sharing a PostgreSQL server. */
  service: string;
  pollMs?: number;
  batchSize?: number;
  confirmTimeoutMs?: number;
}

interface PendingRow {
  id: string;
  envelope: EventEnvelope;
}

/**
 * Publishes committed outbox rows to `crm.events` with publisher confirms and marks them sent
 * only once the broker has confirmed them (at-least-once; consumers deduplicate by id).
 *
 * One relay per service is active at a time, whatever the number of replicas: each batch runs
 * under a transaction-scoped advisory lock. That keeps events of an aggregate in order and gives
 * every published event a `position` (the event feed's cursor) in strictly increasing publish
 * order. While the broker is down the relay backs off (up to 30 s) and leaves rows pending.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A wake-up that arrived while a batch was running: the next sleep is skipped, not lost. */
  private wakeRequested = false;
  private channel?: ConfirmChannel;
  private failures = 0;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly confirmTimeoutMs: number;
  private readonly lockKey: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollMs = options.pollMs ?? 250;
    this.batchSize = options.batchSize ?? 200;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 10_000;
    this.lockKey = lockKeyFor(`outbox:${options.service}`);
    options.writer.onRecorded(() => this.requestWake());
    // Publish as soon as a transaction that wrote outbox rows commits (latency of milliseconds
    // instead of a poll interval); other replicas' writes are picked up by polling.
    options.dataSource.subscribers.push(this.commitListener);
    // After a broker outage the back-off may have grown to 30 s; publish what piled up at once.
    options.connection.onConnected(() => this.requestWake());
  }

  private readonly commitListener: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      if (queryRunner.isTransactionActive || !queryRunner.data?.[OUTBOX_PENDING]) return;
      delete queryRunner.data[OUTBOX_PENDING];
      this.requestWake();
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive && queryRunner.data) delete queryRunner.data[OUTBOX_PENDING];
    },
  };

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops the loop after its current batch. With `drainWithinMs`, first publishes what is still
   * pending (graceful shutdown, OPS-1) for at most that long; what is left is published by the
   * next relay to run — nothing is lost either way.
   */
  async stop(options: { drainWithinMs?: number } = {}): Promise<void> {
    this.running = false;
    const subscribers = this.options.dataSource.subscribers;
    if (subscribers.includes(this.commitListener)) subscribers.splice(subscribers.indexOf(this.commitListener), 1);
    this.requestWake();
    await this.loop;
    if (options.drainWithinMs) {
      await withTimeout(this.drain(), options.drainWithinMs, 'outbox drain on shutdown').catch((error: Error) =>
        this.options.logger.warn({ err: error.message }, 'outbox relay: left events pending at shutdown'),
      );
    }
    await this.channel?.close().catch(() => undefined);
    this.channel = undefined;
  }

  /** Publishes everything pending now; used by tests and by graceful shutdown. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.options.logger.warn({ err: (error as Error).message, failures: this.failures }, 'outbox relay: publish failed; backing off');
        await this.resetChannel();
        await this.refreshPendingGauge();
      }
      if (published >= this.batchSize) {
        await this.refreshPendingGauge();
        continue;
      }
      const delay = this.failures ? Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7)) : this.pollMs;
      await this.sleep(delay);
    }
  }

  /** What is waiting is what an operator watches during an outage (OPS-1 metrics). */
  private async refreshPendingGauge(): Promise<void> {
    try {
      const [{ pending, oldest }] = await this.options.dataSource.query(
        `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
           FROM outbox_messages WHERE published_at IS NULL`,
      );
      metrics.outboxPending.set(pending);
      metrics.outboxOldestPendingSeconds.set(oldest);
    } catch {
      /* the database may be the thing that is down; the gauge keeps its last value */
    }
  }

  private async publishBatch(): Promise<number> {
    const channel = await this.ensureChannel();
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lockKey]);
      if (!locked) {
        await runner.commitTransaction();
        return 0;
      }
      const rows: PendingRow[] = await runner.query(
        'SELECT id, envelope FROM outbox_messages WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [this.batchSize],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        metrics.outboxPending.set(0);
        metrics.outboxOldestPendingSeconds.set(0);
        return 0;
      }
      if (rows.length < this.batchSize) metrics.outboxPending.set(0); // everything pending is in this batch
      try {
        for (const row of rows) this.publish(channel, row.envelope);
        await withTimeout(channel.waitForConfirms(), this.confirmTimeoutMs, 'publisher confirms');
      } catch (error) {
        await this.recordFailure(runner, rows, error as Error);
        throw error;
      }
      await runner.query(
        `WITH batch AS (
           SELECT id, nextval('outbox_position_seq') AS position
             FROM (SELECT id FROM outbox_messages WHERE id = ANY($1) ORDER BY seq) AS ordered
         )
         UPDATE outbox_messages AS o
            SET published_at = now(), position = batch.position, attempts = o.attempts + 1, last_error = NULL
           FROM batch
          WHERE o.id = batch.id`,
        [rows.map((row) => row.id)],
      );
      await runner.commitTransaction();
      metrics.outboxPublished.inc(rows.length);
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private publish(channel: ConfirmChannel, envelope: EventEnvelope): void {
    channel.publish(Topology.eventsExchange, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      // Mandatory: an event no queue is bound for comes back (the `return` handler notices it);
      // it stays in the outbox table, which is also the event feed, so a late subscriber can read it.
      mandatory: true,
      persistent: true,
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      messageId: envelope.id,
      type: envelope.type,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      appId: envelope.source,
      correlationId: envelope.correlationId,
      headers: {
        [MessageHeaders.correlationId]: envelope.correlationId,
        ...(envelope.causationId ? { [MessageHeaders.causationId]: envelope.causationId } : {}),
      },
    });
  }

  /** Outside the batch's transaction, so the failure is visible even though the batch rolls back. */
  private async recordFailure(runner: QueryRunner, rows: PendingRow[], error: Error): Promise<void> {
    await runner.rollbackTransaction().catch(() => undefined);
    await this.options.dataSource
      .query('UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)', [
        rows.map((row) => row.id),
        error.message.slice(0, 2000),
      ])
      .catch(() => undefined);
  }

  private async ensureChannel(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    const channel = await this.options.connection.createConfirmChannel();
    channel.on('close', () => {
      if (this.channel === channel) this.channel = undefined;
    });
    channel.on('error', () => undefined);
    channel.on('return', (message: Message) => {
      const type = String(message.properties.type ?? 'unknown').slice(0, 200);
      metrics.outboxUnroutable.inc({ type });
      this.options.logger.debug({ eventId: message.properties.messageId, type }, 'event published with no queue bound for it');
    });
    this.channel = channel;
    return channel;
  }

  private async resetChannel(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    await channel?.close().catch(() => undefined);
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeRequested = false;
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** A stable 32-bit key for pg advisory locks. */
export function lockKeyFor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
