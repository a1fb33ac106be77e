import { randomUUID } from 'node:crypto';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { type Caller, MessageHeaders } from '@crm/contracts';
import { ErrorKind, RemoteException, type ErrorPayload } from '@crm/errors';
import { metrics } from '@crm/observability';
import { AmqpConnection } from '../amqp/amqp-connection';
import { Topology, declareSharedTopology } from '../amqp/topology';
import type { RpcReply } from './rpc-reply';

const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export interface RpcCallOptions {
  correlationId: string;
  caller?: Caller;
  timeoutMs?: number;
  /**
   * Called with the resources the command erased (`RpcReply.erased`, CUS-9) before the call
   * settles, so that the caller's copies are gone before it answers its own client.
   */
  onErased?: (resourceIds: string[]) => Promise<unknown>;
  /**
   * The command's message id, when the caller can name the command (a UUID): a retry of the same
   * command under the same id is answered from the service's command inbox instead of running
   * again (GW-6 across a lost reply). Without it every call is a new command (random id).
   */
  commandId?: string;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  service: string;
  onErased?: RpcCallOptions['onErased'];
}

/**
 * Request/reply over RabbitMQ with direct reply-to. Every call has a deadline (default 5 s,
 * GW-4): the command is published with the same `expiration`, so a command nobody picked up in
 * time is discarded by the broker rather than executed after the caller was told it failed.
 * Calls fail at once (503) when the broker is down or the target queue does not exist; they are
 * never buffered in memory.
 */
export class RpcClient {
  private channel?: ConfirmChannel;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly logger: Logger,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  async start(): Promise<void> {
    await this.connection.addSetup((model) => this.setup(model));
  }

  get isReady(): boolean {
    return this.channel !== undefined;
  }

  async send<T>(service: string, pattern: string, payload: unknown, options: RpcCallOptions): Promise<T> {
    const channel = this.channel;
    if (!channel) {
      metrics.rpcClientCalls.inc({ service, outcome: 'unavailable' });
      throw undelivered('BROKER_UNAVAILABLE', 'The message broker is unavailable; try again shortly');
    }
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const id = randomUUID();
    const messageId = options.commandId ?? id;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        metrics.rpcClientCalls.inc({ service, outcome: 'timeout' });
        reject(remote(ErrorKind.Timeout, 'SERVICE_TIMEOUT', `The ${service} service did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer, service, onErased: options.onErased });
      try {
        channel.publish('', Topology.commandQueue(service), Buffer.from(JSON.stringify(payload ?? null)), {
          mandatory: true,
          replyTo: DIRECT_REPLY_TO,
          correlationId: id,
          messageId,
          type: pattern,
          contentType: 'application/json',
          expiration: String(timeoutMs),
          persistent: false,
          headers: {
            [MessageHeaders.deadline]: Date.now() + timeoutMs,
            [MessageHeaders.correlationId]: options.correlationId,
            ...(options.caller ? { [MessageHeaders.caller]: JSON.stringify(options.caller) } : {}),
          },
        });
      } catch (error) {
        // publish() throws before anything is written to the socket (closed channel, oversized headers).
        this.settle(id, undelivered('BROKER_UNAVAILABLE', (error as Error).message));
      }
    });
  }

  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, remote(ErrorKind.Unavailable, 'SHUTTING_DOWN', 'The gateway is shutting down'));
    }
    await this.channel?.close().catch(() => undefined);
    this.channel = undefined;
  }

  private async setup(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    await declareSharedTopology(channel);
    // Direct reply-to: consume (no-ack, as RabbitMQ requires) on the channel we publish on.
    await channel.consume(DIRECT_REPLY_TO, (message) => message && this.onReply(message), { noAck: true });
    channel.on('return', (message: ConsumeMessage) => {
      // The command queue does not exist: the service has never started here.
      const id = message.properties.correlationId as string;
      const service = this.pending.get(id)?.service ?? 'target';
      metrics.rpcClientCalls.inc({ service, outcome: 'unroutable' });
      this.settle(id, undelivered('SERVICE_NOT_LISTENING', `The ${service} service is not available`));
    });
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.channel = undefined;
      for (const id of [...this.pending.keys()]) {
        // Published, then the channel closed: the command may have been delivered and run.
        this.settle(id, remote(ErrorKind.Unavailable, 'CONNECTION_LOST', 'Lost the connection to the message broker'));
      }
    });
    channel.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'rpc channel error'));
    this.channel = channel;
  }

  private onReply(message: ConsumeMessage): void {
    const id = message.properties.correlationId as string;
    const pending = this.pending.get(id);
    if (!pending) return; // the caller already gave up
    let reply: RpcReply;
    try {
      reply = JSON.parse(message.content.toString('utf8')) as RpcReply;
    } catch {
      this.settle(id, remote(ErrorKind.Internal, 'MALFORMED_REPLY', 'The service sent a malformed reply'));
      return;
    }
    metrics.rpcClientCalls.inc({ service: pending.service, outcome: reply.ok ? 'ok' : reply.error.kind });
    const settle = () => (reply.ok ? this.settle(id, undefined, reply.data) : this.settle(id, new RemoteException(reply.error)));
    if (!reply.erased?.length || !pending.onErased) return settle();
    pending
      .onErased(reply.erased.filter((resourceId) => typeof resourceId === 'string'))
      .catch((error: Error) => this.logger.error({ err: error.message }, 'could not drop copies of erased resources'))
      .finally(settle);
  }

  private settle(id: string, error?: Error, value?: unknown): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(value);
  }
}

function remote(kind: ErrorKind, code: string, message: string): RemoteException {
  const payload: ErrorPayload = { kind, code, message };
  return new RemoteException(payload);
}

/**
 * A call that certainly never reached the service: the broker was down before publishing, the
 * publish failed, or the broker returned the command (no queue). Callers may safely retry it —
 * the gateway frees an `Idempotency-Key` only for these (GW-6); every other failure (timeout,
 * connection lost after publishing, a reply) may have run.
 */
export class UndeliveredCommandError extends RemoteException {
  constructor(code: 'BROKER_UNAVAILABLE' | 'SERVICE_NOT_LISTENING', message: string) {
    super({ kind: ErrorKind.Unavailable, code, message });
    this.name = 'UndeliveredCommandError';
  }
}

function undelivered(code: 'BROKER_UNAVAILABLE' | 'SERVICE_NOT_LISTENING', message: string): UndeliveredCommandError {
  return new UndeliveredCommandError(code, message);
}
