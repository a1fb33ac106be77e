import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG, LOGGER } from '../gateway.tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ClaimOutcome =
  | { type: 'started'; commandSeed: string; fresh: boolean }
  | { type: 'mismatch' }
  | { type: 'in_progress' }
  | { type: 'replay'; status: number; body: unknown };

interface ExistingRow {
  request_hash: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
}

const CLEANUP_BATCH = 5000;

/**
 * GW-6 records in the gateway's database, shared by every replica. A claim is one atomic
 * INSERT … ON CONFLICT: exactly one request wins a key; an expired record, or an in-progress one
 * whose holder died (lock elapsed), is taken over.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private cleanupTimer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Longer than any request can take (RPC deadline plus database time). */
  private get lockMs(): number {
    return this.config.rpcTimeoutMs * 2 + 5000;
  }

  async claim(apiKeyId: string, key: string, hash: string): Promise<ClaimOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      // The command seed is kept when a retry takes over a record whose holder died or timed out
      // (its commands may have run: the same ids are answered from the service's command inbox)
      // and is new for a new request — a fresh key, or a record that had expired.
      const claimed: { command_seed: string; fresh: boolean }[] = await this.dataSource.query(
        `INSERT INTO idempotency_records (api_key_id, idempotency_key, request_hash, state, locked_until, created_at, expires_at, command_seed)
         VALUES ($1, $2, $3, 'in_progress', now() + $4 * interval '1 millisecond', now(), now() + $5 * interval '1 hour', gen_random_uuid())
         ON CONFLICT (api_key_id, idempotency_key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, state = 'in_progress', response_status = NULL, response_body = NULL, resource_id = NULL,
               locked_until = EXCLUDED.locked_until, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
               command_seed = CASE WHEN idempotency_records.expires_at <= now() OR idempotency_records.command_seed IS NULL
                                   THEN EXCLUDED.command_seed ELSE idempotency_records.command_seed END
           WHERE idempotency_records.expires_at <= now()
              OR (idempotency_records.state = 'in_progress' AND idempotency_records.locked_until <= now())
         RETURNING command_seed::text, (xmax = 0) AS fresh`,
        [apiKeyId, key, hash, this.lockMs, this.config.idempotencyTtlHours],
      );
      // `fresh`: inserted now (xmax = 0), not taken over — no earlier attempt can have run anything.
      if (claimed.length) return { type: 'started', commandSeed: claimed[0].command_seed, fresh: claimed[0].fresh };
      const rows: ExistingRow[] = await this.dataSource.query(
        `SELECT request_hash, state, response_status, response_body FROM idempotency_records
         WHERE api_key_id = $1 AND idempotency_key = $2`,
        [apiKeyId, key],
      );
      const existing = rows[0];
      if (!existing) continue; // removed between the two statements (released or cleaned up): try again
      if (existing.request_hash.trim() !== hash) return { type: 'mismatch' };
      if (existing.state === 'in_progress') return { type: 'in_progress' };
      return { type: 'replay', status: existing.response_status ?? 200, body: existing.response_body };
    }
    return { type: 'in_progress' };
  }

  /** Keeps the final answer for replays, with the resource it is about (CUS-9). */
  async complete(apiKeyId: string, key: string, status: number, body: unknown, resourceId: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_records SET state = 'completed', response_status = $3, response_body = $4::jsonb, resource_id = $5
       WHERE api_key_id = $1 AND idempotency_key = $2 AND state = 'in_progress'`,
      [apiKeyId, key, status, JSON.stringify(body ?? null), resourceId],
    );
  }

  /**
   * CUS-9: an erased resource's content must not come back through a replay — every record about
   * it (of every API key) is deleted; a replay of such a request then runs again.
   */
  async forgetResources(resourceIds: string[]): Promise<number> {
    const ids = resourceIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
    if (ids.length === 0) return 0;
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM idempotency_records WHERE resource_id = ANY($1::uuid[])`, [
      ids,
    ]);
    return result[1] ?? 0;
  }

  /**
   * This attempt ran nothing (refused before the RPC, never delivered): the key is free for a retry
   * at once. A fresh record goes; a record taken over from an earlier attempt stays, its lock ended,
   * with its command seed — that attempt may have run its commands (a 504), and the retry must send
   * the same ids or the service would apply them again (found by the fault suite, scenario 1).
   */
  async release(apiKeyId: string, key: string, fresh: boolean): Promise<void> {
    await this.dataSource.query(
      fresh
        ? `DELETE FROM idempotency_records WHERE api_key_id = $1 AND idempotency_key = $2 AND state = 'in_progress'`
        : `UPDATE idempotency_records SET locked_until = now() WHERE api_key_id = $1 AND idempotency_key = $2 AND state = 'in_progress'`,
      [apiKeyId, key],
    );
  }

  /** Deletes expired records in batches; safe when every replica runs it (deletes are idempotent). */
  async deleteExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const result: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM idempotency_records WHERE ctid IN (
           SELECT ctid FROM idempotency_records WHERE expires_at <= now() LIMIT ${CLEANUP_BATCH} FOR UPDATE SKIP LOCKED)`,
      );
      const deleted = result[1] ?? 0;
      total += deleted;
      if (deleted < CLEANUP_BATCH) return total;
    }
  }

  onApplicationBootstrap(): void {
    const run = () =>
      this.deleteExpired().then(
        (deleted) => deleted && this.logger.info({ deleted }, 'expired idempotency records deleted'),
        (error: Error) => this.logger.warn({ err: error.message }, 'idempotency cleanup failed; will retry'),
      );
    this.cleanupTimer = setInterval(run, this.config.idempotencyCleanupMs);
    this.cleanupTimer.unref();
    void run();
  }

  onApplicationShutdown(): void {
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
  }
}
