import { randomUUID } from 'node:crypto';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  type Caller,
  EVENT_DATA_CONTRACTS,
  type EventDataContracts,
  type EventEnvelope,
  MessageHeaders,
  type PlainInputContract,
} from '@crm/contracts';
import { CommonErrorCode, CommonException, ErrorKind, type ErrorPayload } from '@crm/errors';
import { type RequestContext, metrics, runInContext } from '@crm/observability';
import { AmqpConnection } from '../amqp/amqp-connection';
import { Topology, declareServiceTopology } from '../amqp/topology';
import { PermanentFailure, deadLetterReason } from '../consumer/dead-letter-reason';
import { failpoint } from '../failpoints';
import { parseJsonObject, plainMessageId } from '../consumer/plain-input';
import { sleep } from '../timeout';
import { CommandAlreadyApplied } from '../inbox/command-inbox';
import { AmqpContext } from './amqp.context';
import type { RpcReply } from './rpc-reply';
import { toErrorPayload } from './to-error-payload';
import { validateCommandBody, validateEventData } from './validation';

export interface AmqpServerOptions {
  service: string;
  connection: AmqpConnection;
  dataSource: DataSource;
  logger: Logger;
  /** Unacknowledged deliveries per consumer (NOTES.md: never unlimited). */
  prefetch?: number;
  /** How long shutdown waits for in-flight messages before closing the channels. */
  shutdownGraceMs?: number;
  /**
   * Event type → the class its `data` must satisfy (validated before the handler runs); defaults
   * to every contract in libs/contracts. A consumed type without one is dead-lettered.
   */
  eventContracts?: EventDataContracts;
  /**
   * Plain command messages this service consumes from other exchanges (e.g. POS purchases): each
   * on a queue of its own, applied like events (inbox, ack after commit, dead letters).
   */
  inputs?: readonly PlainInputContract[];
  /** How often the dead-letter queues' depth is sampled into `crm_dead_letter_queue_messages` (ms; default 15 s). */
  deadLetterGaugeMs?: number;
  /** Back-off for transient failures (database down): first delay and cap, in ms. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * How long one delivery is retried in place before it is handed back to the queue (counting one
   * delivery). With the queue's delivery limit this bounds retries: never forever (SPEC).
   */
  retryInPlaceForMs?: number;
}

/** One message ready to apply: where it came from, how it is deduplicated, and what runs it. */
interface Application {
  /** The queue it was consumed from; dead letters name it and are routed by it. */
  queue: string;
  /** Inbox consumer name: the service for events, the input's queue for plain commands. */
  consumer: string;
  messageId: string;
  /** Event type or input pattern: the inbox row's type and the metrics label. */
  type: string;
  correlationId: string;
  handler: MessageHandler;
  payload: unknown;
}

/**
 * A custom Nest transport strategy on amqplib (docs/messaging.md says why not Nest's RMQ
 * transport). It consumes two quorum queues per service:
 *
 * - `<service>.commands` — request/reply from the gateway (`@MessagePattern`). The reply goes to
 *   the caller's `replyTo`; the command is acked after the reply is sent. A command is never
 *   retried: the caller has a deadline, and a retry after it gave up would surprise it.
 * - `<service>.events` — domain events bound from `crm.events` (`@EventPattern`), their `data`
 *   validated against the type's contract (libs/contracts) before the handler runs.
 * - `<service>.<input>` — plain command messages (a POS purchase body, no envelope) from an
 *   exchange the publishers own, validated against the input's payload class and identified by
 *   `message_id` or the body's natural key (`inputs`).
 *
 * Events and plain inputs are applied alike (`apply`): in one transaction together with their
 * inbox row, acked only after commit. Duplicates are acked without effect; a transient failure
 * (database down) is retried in place with back-off, so it does not burn the queue's delivery
 * limit; a poison message is copied to the service's dead-letter queue with the reason in
 * `x-dead-letter-reason`, then acked.
 */
export class AmqpServer extends Server implements CustomTransportStrategy {
  private channel?: ConfirmChannel;
  /** Channels not yet closed: a delivery can only be acked on the channel it came on. */
  private readonly openChannels = new WeakSet<ConfirmChannel>();
  private readonly consumerTags: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;
  /** Registered patterns → handler (issue 10: Nest's lookup JSON-parses the pattern and throws, three times per command). */
  private readonly handlersByPattern = new Map<string, MessageHandler>();

  constructor(private readonly options: AmqpServerOptions) {
    super();
  }

  /**
   * Nest's lookup, remembered per pattern. Only patterns that have a handler are kept, so the map
   * is bounded by the handlers registered at start-up whatever types arrive.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    const known = this.handlersByPattern.get(pattern);
    if (known) return known;
    const handler = super.getHandlerByPattern(pattern);
    if (handler) this.handlersByPattern.set(pattern, handler);
    return handler;
  }

  private deadLetterTimer: NodeJS.Timeout | undefined;

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.checkDeclarations();
      await this.options.connection.addSetup((model) => this.setup(model));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.deadLetterTimer);
    const channel = this.channel;
    if (!channel) return;
    // Stop taking messages, let in-flight ones finish (OPS-1 graceful shutdown), then close.
    for (const tag of this.consumerTags.splice(0)) await channel.cancel(tag).catch(() => undefined);
    // The grace timer is cleared once in-flight work is done: a pending timer would keep the
    // process (or a test runner) alive for the whole grace period after a clean shutdown.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.shutdownGraceMs ?? 10_000)));
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
    clearTimeout(timer);
    await channel.close().catch(() => undefined);
    this.channel = undefined;
  }

  on(): never {
    throw new Error('AmqpServer does not support event listeners');
  }

  unwrap<T>(): T {
    return this.channel as T;
  }

  /** Event types this service consumes: every `@EventPattern` registered with Nest, except plain inputs' handlers. */
  eventPatterns(): string[] {
    const inputs = new Set(this.inputs().map((input) => input.pattern));
    return [...this.getHandlers().entries()]
      .filter(([pattern, handler]) => handler.isEventHandler && !inputs.has(pattern))
      .map(([pattern]) => pattern);
  }

  private inputs(): readonly PlainInputContract[] {
    return this.options.inputs ?? [];
  }

  private eventContracts(): EventDataContracts {
    return this.options.eventContracts ?? EVENT_DATA_CONTRACTS;
  }

  /**
   * A declared input without a handler is a wiring mistake: refuse to start rather than
   * dead-letter every message. An event type without a data contract is only warned about here
   * (its events are dead-lettered with the reason), so one missing contract does not stop a service.
   */
  private checkDeclarations(): void {
    for (const input of this.inputs()) {
      if (!this.getHandlerByPattern(input.pattern)?.isEventHandler) {
        throw new Error(`Input "${input.name}" names pattern "${input.pattern}", but no @EventPattern handler has it`);
      }
    }
    const uncontracted = this.eventPatterns().filter((type) => !Object.hasOwn(this.eventContracts(), type));
    if (uncontracted.length) {
      this.options.logger.warn({ types: uncontracted }, 'event types consumed without a data contract; their events will be dead-lettered');
    }
  }

  private async setup(model: ChannelModel): Promise<void> {
    if (this.closing) return;
    const { service } = this.options;
    const channel = await model.createConfirmChannel();
    this.openChannels.add(channel);
    channel.on('close', () => this.openChannels.delete(channel));
    channel.on('error', (error: Error) => this.options.logger.warn({ err: error.message }, 'consumer channel error'));
    await declareServiceTopology(channel, { service, eventBindings: this.eventPatterns(), inputs: this.inputs() });
    await channel.prefetch(this.options.prefetch ?? 20);
    this.channel = channel;
    this.consumerTags.length = 0;
    const commands = await channel.consume(
      Topology.commandQueue(service),
      (message) => message && this.track(this.onCommand(channel, noteRedelivery(Topology.commandQueue(service), message))),
      { noAck: false },
    );
    const events = await channel.consume(
      Topology.eventQueue(service),
      (message) => message && this.track(this.onEvent(channel, noteRedelivery(Topology.eventQueue(service), message))),
      { noAck: false },
    );
    this.consumerTags.push(commands.consumerTag, events.consumerTag);
    for (const input of this.inputs()) {
      const consumer = await channel.consume(
        Topology.inputQueue(service, input.name),
        (message) => message && this.track(this.onInput(input, channel, noteRedelivery(Topology.inputQueue(service, input.name), message))),
        { noAck: false },
      );
      this.consumerTags.push(consumer.consumerTag);
    }
    this.sampleDeadLetters(channel);
  }

  /** OPS-1 metrics: the depth of this service's dead-letter queues, every `deadLetterGaugeMs` on the consumer channel. */
  private sampleDeadLetters(channel: ConfirmChannel): void {
    clearInterval(this.deadLetterTimer);
    const { service } = this.options;
    const sample = async () => {
      for (const queue of [Topology.deadLetterQueue(service), Topology.commandDeadLetterQueue(service)]) {
        const { messageCount } = await channel.checkQueue(queue);
        metrics.deadLetterDepth.set({ queue }, messageCount);
      }
    };
    const run = () => void sample().catch(() => undefined); // a closed channel: the next setup samples again
    run();
    this.deadLetterTimer = setInterval(run, this.options.deadLetterGaugeMs ?? 15_000).unref();
  }

  /**
   * Keeps in-flight work for graceful shutdown. Nothing may escape as an unhandled rejection: that
   * would crash the process (Node's default) and take every other in-flight message with it.
   */
  private track(work: Promise<void>): void {
    const guarded = work
      .catch((error: unknown) => this.options.logger.error({ err: (error as Error)?.message }, 'message handling failed'))
      .finally(() => this.inFlight.delete(guarded));
    this.inFlight.add(guarded);
  }

  /**
   * Acks, nacks or replies only while the delivery's channel is open. Once it has closed (broker
   * restart, connection lost) the broker has already requeued the delivery for another consumer,
   * and amqplib would throw `Channel closed`.
   */
  private onOpenChannel(channel: ConfirmChannel, action: () => void): boolean {
    if (!this.openChannels.has(channel)) {
      this.options.logger.warn('channel closed before the message was settled; the broker redelivers it');
      return false;
    }
    try {
      action();
      return true;
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message }, 'could not settle message; the broker redelivers it');
      return false;
    }
  }

  // ---- request/reply ---------------------------------------------------------------------

  private async onCommand(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const pattern = message.properties.type ?? '';
    const headers = message.properties.headers ?? {};
    const correlationId = stringHeader(headers[MessageHeaders.correlationId]) ?? randomUUID();
    const replyTo: string | undefined = message.properties.replyTo;
    const deadline = numberHeader(headers[MessageHeaders.deadline]);
    if (deadline !== undefined && Date.now() > deadline) {
      // The caller has already been told it timed out (504): running the command now would make a
      // change it believes did not happen. Drop it; its Idempotency-Key retry will run it.
      metrics.rpcHandled.inc({ pattern: this.getHandlerByPattern(pattern) ? pattern : 'unknown', outcome: 'expired' });
      this.onOpenChannel(channel, () => channel.ack(message));
      return;
    }
    const started = process.hrtime.bigint();
    const caller = parseCallerSafely(headers[MessageHeaders.caller]);
    const requestContext: RequestContext = {
      correlationId,
      causationId: message.properties.messageId,
      commandId: message.properties.messageId,
      messageType: pattern,
      caller: caller.value,
      deadline,
    };
    let reply: RpcReply;
    try {
      const payload = parseJson(message.content);
      if (caller.error) throw caller.error;
      const handler = this.requireHandler(pattern, false);
      const context = new AmqpContext({ message, pattern, correlationId, caller: caller.value, messageId: message.properties.messageId });
      const data = await runInContext(requestContext, () => this.invoke(handler, payload, context));
      reply = { ok: true, data: data ?? null };
    } catch (error) {
      // A redelivery of a committed command answers what the first delivery answered (issue 10).
      reply = error instanceof CommandAlreadyApplied ? error.reply : { ok: false, error: this.describe(error, pattern) };
    }
    if (requestContext.erased?.length) reply.erased = requestContext.erased;
    metrics.rpcHandled.inc({
      pattern: this.getHandlerByPattern(pattern) ? pattern : 'unknown',
      outcome: reply.ok ? 'ok' : reply.error.kind,
    });
    metrics.rpcDuration.observe(
      { pattern: this.getHandlerByPattern(pattern) ? pattern : 'unknown' },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    if (reply.ok) failpoint('after-commit', pattern); // fault suite only (CRM_FAILPOINT)
    if (replyTo) {
      this.onOpenChannel(channel, () => {
        channel.publish('', replyTo, Buffer.from(JSON.stringify(reply)), {
          correlationId: message.properties.correlationId,
          contentType: 'application/json',
          headers: { [MessageHeaders.correlationId]: correlationId },
        });
        channel.ack(message);
      });
    } else if (!reply.ok) {
      // Nobody is waiting for this answer: keep the failed command where an operator sees it.
      await this.deadLetter(channel, message, Topology.commandQueue(this.options.service), `${reply.error.code}: ${reply.error.message}`); // → <service>.commands.dlq
    } else {
      this.onOpenChannel(channel, () => channel.ack(message));
    }
  }

  // ---- events ----------------------------------------------------------------------------

  private async onEvent(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const queue = Topology.eventQueue(this.options.service);
    let envelope: EventEnvelope | undefined;
    let handler: MessageHandler;
    let data: object;
    try {
      envelope = parseEnvelope(message);
      handler = this.requireHandler(envelope.type, true);
      data = await this.validateEventData(envelope);
    } catch (error) {
      // The label is a known type or 'unknown': a publisher must not be able to mint label values.
      const type = String(envelope?.type ?? message.properties.type ?? '');
      metrics.eventsConsumed.inc({ type: this.getHandlerByPattern(type) ? type : 'unknown', outcome: 'dead_lettered' });
      return this.deadLetter(channel, message, queue, (error as Error).message);
    }
    return this.apply(channel, message, {
      queue,
      consumer: this.options.service,
      messageId: envelope.id,
      type: envelope.type,
      correlationId: envelope.correlationId,
      handler,
      payload: { ...envelope, data },
    });
  }

  /** The envelope's `data` as its type's contract class, or a permanent failure naming the fields. */
  private async validateEventData(envelope: EventEnvelope): Promise<object> {
    const contract = Object.hasOwn(this.eventContracts(), envelope.type) ? this.eventContracts()[envelope.type] : undefined;
    if (!contract) throw new PermanentFailure(`no data contract for event type "${envelope.type.slice(0, 200)}" (libs/contracts)`);
    try {
      return await validateEventData(contract, envelope.data);
    } catch (error) {
      throw new PermanentFailure(deadLetterReason(toErrorPayload(error).payload, 'data'));
    }
  }

  // ---- plain command inputs --------------------------------------------------------------

  private async onInput(input: PlainInputContract, channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const queue = Topology.inputQueue(this.options.service, input.name);
    let payload: object;
    let messageId: string;
    let handler: MessageHandler;
    try {
      const body = parseJsonObject(message.content);
      try {
        payload = await validateCommandBody(input.payload, body);
      } catch (error) {
        throw new PermanentFailure(deadLetterReason(toErrorPayload(error).payload));
      }
      messageId = plainMessageId(message.properties.messageId, payload, input.naturalKey);
      handler = this.requireHandler(input.pattern, true, true);
    } catch (error) {
      metrics.eventsConsumed.inc({ type: input.pattern, outcome: 'dead_lettered' });
      return this.deadLetter(channel, message, queue, (error as Error).message);
    }
    const correlationId = stringHeader(message.properties.headers?.[MessageHeaders.correlationId]) ?? messageId;
    return this.apply(channel, message, { queue, consumer: queue, messageId, type: input.pattern, correlationId, handler, payload });
  }

  // ---- applying a message once -----------------------------------------------------------

  /**
   * Runs the handler in one transaction with the message's inbox row, then acks; a duplicate is
   * acked without effect, a handler's permanent error dead-letters the message, a transient one
   * (database down) is retried in place with back-off and eventually handed back to the queue.
   */
  private async apply(channel: ConfirmChannel, message: ConsumeMessage, application: Application): Promise<void> {
    const { queue, consumer, messageId, type, correlationId, handler, payload } = application;
    const retryUntil = Date.now() + (this.options.retryInPlaceForMs ?? 5 * 60_000);
    for (let attempt = 1; ; attempt++) {
      let outcome: 'applied' | 'duplicate';
      try {
        outcome = await runInContext({ correlationId, causationId: messageId, messageType: type }, () =>
          this.options.dataSource.transaction(async (manager) => {
            const inserted: unknown[] = await manager.query(
              `INSERT INTO inbox_messages (consumer, message_id, type) VALUES ($1, $2, $3)
               ON CONFLICT DO NOTHING RETURNING message_id`,
              [consumer, messageId, type],
            );
            if (inserted.length === 0) return 'duplicate' as const;
            const context = new AmqpContext({ message, pattern: type, correlationId, manager, messageId });
            await this.invoke(handler, payload, context);
            failpoint('before-commit', type); // fault suite only (CRM_FAILPOINT)
            return 'applied' as const;
          }),
        );
      } catch (error) {
        const { payload: failure, unexpected } = toErrorPayload(error);
        if (!this.openChannels.has(channel)) {
          // The delivery went back to the queue with its channel; retrying or dead-lettering here
          // would race the consumer that now has it.
          this.options.logger.warn({ messageId, code: failure.code }, 'message failed after its channel closed; left for redelivery');
          return;
        }
        if (failure.kind !== ErrorKind.Unavailable) {
          metrics.eventsConsumed.inc({ type, outcome: 'dead_lettered' });
          // An unexpected error keeps its message and stack in the log: the dead letter alone cannot explain it.
          this.options.logger.error(
            { messageId, type, code: failure.code, ...(unexpected ? { err: error } : {}) },
            'message handler failed; dead-lettering',
          );
          return this.deadLetter(channel, message, queue, deadLetterReason(failure));
        }
        if (this.closing || Date.now() > retryUntil) {
          // Shutting down, or retried in place long enough: hand it back (one delivery of the
          // queue's limit); after the limit the broker dead-letters it.
          this.onOpenChannel(channel, () => channel.nack(message, false, true));
          metrics.eventsConsumed.inc({ type, outcome: 'requeued' });
          return;
        }
        metrics.eventsConsumed.inc({ type, outcome: 'retried' });
        const delay = Math.min(this.options.retryMaxMs ?? 30_000, (this.options.retryBaseMs ?? 500) * 2 ** Math.min(attempt - 1, 10));
        this.options.logger.warn({ messageId, attempt, delay }, 'transient failure applying message; retrying');
        await sleep(delay);
        continue;
      }
      if (outcome === 'applied') failpoint('after-commit', type);
      // Acked outside the try: a failed ack after commit is not a handler failure to dead-letter;
      // the redelivery is recognised by the inbox and acked without effect.
      this.onOpenChannel(channel, () => channel.ack(message));
      metrics.eventsConsumed.inc({ type, outcome });
      return;
    }
  }

  /**
   * Copies the message to the dead-letter exchange with the reason, waits for the broker's
   * confirm, then acks the original: the message is never dropped, and never retried forever.
   */
  private async deadLetter(channel: ConfirmChannel, message: ConsumeMessage, queue: string, reason: string): Promise<void> {
    const properties = message.properties;
    const published = this.onOpenChannel(channel, () =>
      channel.publish(Topology.deadLetterExchange, queue, message.content, {
        ...properties,
        persistent: true,
        headers: {
          ...(properties.headers ?? {}),
          [MessageHeaders.deadLetterReason]: reason.slice(0, 1000),
          [MessageHeaders.deadLetterSource]: queue,
          'x-original-exchange': message.fields.exchange,
          'x-original-routing-key': message.fields.routingKey,
        },
      }),
    );
    if (!published) return;
    try {
      await channel.waitForConfirms();
      this.onOpenChannel(channel, () => channel.ack(message));
    } catch (error) {
      // Not confirmed: leave the original unacked; it is redelivered when the channel is back.
      this.options.logger.error({ err: (error as Error).message }, 'could not dead-letter message');
    }
  }

  /**
   * The handler for a command (`event` false) or an event/input (`event` true). An input's pattern
   * is reachable only through its own queue: an envelope naming it on the event queue has no handler.
   */
  private requireHandler(pattern: string, event: boolean, viaInput = false): MessageHandler {
    const handler = this.getHandlerByPattern(pattern);
    const isInput = this.inputs().some((input) => input.pattern === pattern);
    if (!handler || Boolean(handler.isEventHandler) !== event || (event && isInput !== viaInput)) {
      throw new CommonException(CommonErrorCode.UnknownPattern, `No handler for "${pattern.slice(0, 200)}"`);
    }
    return handler;
  }

  private async invoke(handler: MessageHandler, payload: unknown, context: AmqpContext): Promise<unknown> {
    const result = await handler(payload, context);
    return lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private describe(error: unknown, pattern: string): ErrorPayload {
    const { payload, unexpected } = toErrorPayload(error);
    if (unexpected) this.options.logger.error({ err: error, pattern }, 'unexpected error handling command');
    return payload;
  }
}

function stringHeader(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8').slice(0, 200);
  return undefined;
}

function numberHeader(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

function parseJson(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    throw new CommonException(CommonErrorCode.ValidationFailed, 'Message body is not valid JSON');
  }
}

function parseCaller(raw: unknown): Caller | undefined {
  const text = stringHeaderLong(raw);
  if (!text) return undefined;
  try {
    const caller = JSON.parse(text) as Caller;
    if (typeof caller.keyId === 'string' && Array.isArray(caller.roles)) return caller;
  } catch {
    /* fall through */
  }
  throw new CommonException(CommonErrorCode.ValidationFailed, 'Malformed caller header');
}

function parseCallerSafely(raw: unknown): { value?: Caller; error?: unknown } {
  try {
    return { value: parseCaller(raw) };
  } catch (error) {
    return { error };
  }
}

function stringHeaderLong(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

function parseEnvelope(message: ConsumeMessage): EventEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(message.content.toString('utf8'));
  } catch {
    throw new PermanentFailure('malformed JSON');
  }
  const envelope = body as Partial<EventEnvelope>;
  if (
    !envelope ||
    typeof envelope !== 'object' ||
    typeof envelope.id !== 'string' ||
    envelope.id.length === 0 ||
    envelope.id.length > 200 ||
    typeof envelope.type !== 'string' ||
    typeof envelope.data !== 'object' ||
    envelope.data === null ||
    Array.isArray(envelope.data)
  ) {
    throw new PermanentFailure('not an event envelope (id, type and data are required)');
  }
  if (!envelope.correlationId || typeof envelope.correlationId !== 'string') envelope.correlationId = envelope.id;
  return envelope as EventEnvelope;
}

/** OPS-1 metrics: a delivery the broker marks redelivered (a consumer died or a channel closed before its ack). */
function noteRedelivery(queue: string, message: ConsumeMessage): ConsumeMessage {
  if (message.fields.redelivered) metrics.messagesRedelivered.inc({ queue });
  return message;
}
