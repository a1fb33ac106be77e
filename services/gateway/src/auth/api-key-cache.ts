import { randomUUID } from 'node:crypto';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import type { ConfidentialityLevel, Role } from '@crm/contracts';
import type { AmqpConnection } from '@crm/messaging';

/** Fanout exchange every gateway replica listens on for revoked keys. */
export const API_KEY_REVOCATIONS_EXCHANGE = 'gateway.api-keys';
/** Safety net: a cached key is read again from the database after this long, whatever happens. */
export const API_KEY_CACHE_TTL_MS = 5_000;
/** A revocation waits this long for its own broadcast to come back before answering anyway. */
const ECHO_TIMEOUT_MS = 2_000;
const MAX_ENTRIES = 10_000;

/** What authentication needs of a key row. */
export interface CachedKey {
  id: string;
  name: string;
  roles: Role[];
  clearance: ConfidentialityLevel;
  storeId: string | null;
  designatedCustomerIds: string[];
  rateLimitPerSecond: number | null;
  expiresAt: Date | null;
}

interface Entry {
  key: CachedKey;
  until: number;
}

/**
 * Issue 10: API keys cached by hash, so a request does not cost a database lookup — with
 * revocation still immediate across gateway replicas (GW-2):
 *
 * - a revocation is written to the database first, then published on the fanout exchange
 *   `gateway.api-keys`; every replica (the revoking one included) drops the key on receipt, and
 *   the revoking replica answers only after its own copy came back (the broker has routed it to
 *   every replica's queue by then);
 * - a lookup that started before a revocation arrived is not cached (generation counter), so a
 *   row read just before the commit cannot re-enter the cache;
 * - a replica whose broker subscription is down (disconnected, channel closed, not yet set up)
 *   uses no cache at all and reads every key from the database, as before;
 * - entries expire after `API_KEY_CACHE_TTL_MS` (5 s) as a safety net; expiry (`expiresAt`) is
 *   checked on every request from the cached row.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly echoes = new Map<string, () => void>();
  private channel?: ConfirmChannel;
  private generation = 0;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly logger: Logger,
    private readonly ttlMs = API_KEY_CACHE_TTL_MS,
  ) {}

  async start(): Promise<void> {
    await this.connection.addSetup((model) => this.setup(model));
  }

  /** True while revocations from other replicas reach this one (the cache is only used then). */
  get live(): boolean {
    return this.channel !== undefined;
  }

  /** Taken before a database lookup, handed back to `remember`. */
  get currentGeneration(): number {
    return this.generation;
  }

  get(hash: string): CachedKey | undefined {
    if (!this.channel) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.key;
  }

  /** Caches a key read from the database, unless a revocation arrived since the read began. */
  remember(hash: string, key: CachedKey, generation: number): void {
    if (!this.channel || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { key, until: Date.now() + this.ttlMs });
  }

  /**
   * Tells every replica (this one too) that the key is revoked; call after the revocation
   * committed. Resolves when this replica's own copy came back through the broker; throws when
   * the broker could not take it (the caller answers 503 and the client retries).
   */
  async revoked(keyId: string): Promise<void> {
    this.drop(keyId);
    const channel = this.channel;
    if (!channel) throw new Error('not connected to the message broker');
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const echoed = new Promise<boolean>((resolve) => {
      this.echoes.set(nonce, () => resolve(true));
      timer = setTimeout(() => resolve(false), ECHO_TIMEOUT_MS);
    });
    try {
      channel.publish(API_KEY_REVOCATIONS_EXCHANGE, '', Buffer.from(JSON.stringify({ keyId, nonce })), {
        contentType: 'application/json',
        persistent: false,
      });
      await channel.waitForConfirms();
      if (!(await echoed)) this.logger.warn({ keyId }, 'api key revocation not echoed in time; other replicas may see it late');
    } finally {
      clearTimeout(timer);
      this.echoes.delete(nonce);
    }
  }

  private drop(keyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.key.id === keyId) this.entries.delete(hash);
  }

  private async setup(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    channel.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'api key revocation channel error'));
    channel.on('close', () => {
      if (this.channel !== channel) return;
      // Revocations may be missed from now on: no cache until the subscription is back.
      this.channel = undefined;
      this.generation++;
      this.entries.clear();
    });
    await channel.assertExchange(API_KEY_REVOCATIONS_EXCHANGE, 'fanout', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    await channel.bindQueue(queue, API_KEY_REVOCATIONS_EXCHANGE, '');
    await channel.consume(queue, (message) => message && this.onRevocation(message), { noAck: true });
    this.generation++;
    this.entries.clear();
    this.channel = channel;
  }

  private onRevocation(message: ConsumeMessage): void {
    let body: { keyId?: unknown; nonce?: unknown };
    try {
      body = JSON.parse(message.content.toString('utf8')) as typeof body;
    } catch {
      // Unreadable: drop everything rather than risk keeping a revoked key.
      this.generation++;
      this.entries.clear();
      return;
    }
    if (typeof body.keyId === 'string') this.drop(body.keyId);
    else {
      this.generation++;
      this.entries.clear();
    }
    if (typeof body.nonce === 'string') this.echoes.get(body.nonce)?.();
  }
}
