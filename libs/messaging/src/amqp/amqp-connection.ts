import { connect, type ChannelModel, type ConfirmChannel, type RecoveringChannelModel } from 'amqplib';
import type { Logger } from 'pino';
import { redactUrl } from '@crm/config';

export type SetupStep = (model: ChannelModel) => Promise<void>;

export interface AmqpConnectionOptions {
  url: string;
  /** Name shown in the broker's management UI. */
  connectionName: string;
  logger: Logger;
  /** Give up at boot after this many failed attempts (start-up fails fast; OPS-2). */
  initialMaxRetries?: number;
}

/**
 * One recovering connection per process. Consumers and publishers register set-up steps that
 * run again after every reconnect (channels die with their connection), so the process heals
 * itself after a broker restart without losing its consumers.
 */
export class AmqpConnection {
  private model?: RecoveringChannelModel;
  private current?: ChannelModel;
  private readonly steps: SetupStep[] = [];
  private readonly connectedListeners: (() => void)[] = [];
  private closing = false;

  constructor(private readonly options: AmqpConnectionOptions) {}

  get isConnected(): boolean {
    return this.current !== undefined;
  }

  async connect(): Promise<void> {
    const { url, connectionName, logger } = this.options;
    this.model = await connect(withHeartbeat(url), {
      clientProperties: { connection_name: connectionName },
      // Issue 10: RPC replies above ~2 KB (a page of 50 summaries) otherwise wait ~40 ms for
      // Nagle's algorithm and the peer's delayed ACK; every request/reply pays it twice.
      noDelay: true,
      recovery: {
        initialDelay: 200,
        maxDelay: 5000,
        maxRetries: Infinity,
        initialMaxRetries: this.options.initialMaxRetries ?? 5,
        setup: async (model: ChannelModel) => {
          for (const step of this.steps) await step(model);
          this.current = model;
          for (const listener of this.connectedListeners) listener();
        },
      },
    });
    this.model.on('disconnect', (error: Error) => {
      this.current = undefined;
      if (!this.closing) logger.warn({ err: error?.message, url: redactUrl(url) }, 'broker connection lost; reconnecting');
    });
    this.model.on('connect', () => logger.info({ url: redactUrl(url) }, 'broker connected'));
    this.model.on('error', (error: Error) => logger.warn({ err: error.message }, 'broker connection error'));
  }

  /**
   * Registers a step to run on every (re)connection, and runs it now when already connected.
   */
  async addSetup(step: SetupStep): Promise<void> {
    this.steps.push(step);
    if (this.current) await step(this.current);
  }

  /**
   * Called after every (re)connection, once every set-up step has run and channels can be
   * created: lets pollers that backed off during an outage (the outbox relay) resume at once.
   */
  onConnected(listener: () => void): void {
    this.connectedListeners.push(listener);
  }

  /** A fresh confirm channel on the live connection; fails fast when disconnected. */
  async createConfirmChannel(): Promise<ConfirmChannel> {
    if (!this.current) throw new BrokerUnavailableError('broker connection is down');
    return this.current.createConfirmChannel();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.model?.close().catch(() => undefined);
    this.current = undefined;
  }
}

export class BrokerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerUnavailableError';
  }
}

/** A 10 s heartbeat unless the URL sets one: a dead broker is noticed in seconds, not minutes. */
function withHeartbeat(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', '10');
  return parsed.toString();
}
