import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, type DynamicModule, Inject, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { connect, type Options } from 'amqplib';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import type { Logger } from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  type EventDataContracts,
  type EventEnvelope,
  type PlainInputContract,
  PosPurchaseInput,
  type PosPurchaseMessage,
} from '@crm/contracts';
import { DomainException, ErrorKind } from '@crm/errors';
import {
  claimCommand,
  recordCommandReply,
  AmqpConnection,
  AmqpContext,
  AmqpServer,
  type AmqpServerOptions,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  type OutboxRelayOptions,
  OutboxWriter,
  PassThroughRpcFilter,
  RpcClient,
  Topology,
  sleep,
} from '@crm/messaging';
import { createLogger } from '@crm/observability';
import { createDataSource, runMigrations, withTransaction } from '@crm/persistence';
import { eventually, testEnv } from '@crm/testing';

/** The event type the test service consumes; its handler writes one `test_effects` row. */
export const THING_HAPPENED = 'test.thing.happened';
/** The event type the test service's `test.thing.create` command records in its outbox. */
export const THING_CREATED = 'test.thing.created';
/** Consumed by the test service, but with no data contract: its events are dead-lettered. */
export const THING_UNCONTRACTED = 'test.thing.uncontracted';
/** A test exchange standing in for `pos.purchases`. */
export const TEST_POS_EXCHANGE = 'test.pos.purchases';

/** The POS input contract as loyalty declares it, on a test exchange and with the test handler. */
export const TEST_POS_INPUT: PlainInputContract = {
  ...PosPurchaseInput,
  exchange: TEST_POS_EXCHANGE,
  pattern: 'test.pos.purchase-completed',
};

/** The test service's own table: one row per applied effect, tagged with the instance that applied it. */
export class TestEffects1763900000001 implements MigrationInterface {
  name = 'TestEffects1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE test_effects (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key            varchar(200) NOT NULL,
        event_id       varchar(200),
        applied_by     varchar(100) NOT NULL,
        correlation_id varchar(200),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE test_effects');
  }
}

export class TestException extends DomainException {
  readonly kind = ErrorKind.RuleViolation;
  constructor(message: string) {
    super('TEST_REFUSED', message, 'TST-1');
  }
}

/** `data` of THING_HAPPENED, validated by the transport before the handler sees it. */
export class ThingData {
  @IsString()
  @Length(1, 200)
  key: string;

  /** The handler refuses it with a non-transient domain error. */
  @IsOptional()
  @IsBoolean()
  poison?: boolean;
}

export const TEST_EVENT_CONTRACTS: EventDataContracts = { [THING_HAPPENED]: ThingData };

/** Per-instance hooks a test sets to make the handler block, fail, or record what it saw. */
export interface Behaviour {
  /** Runs inside the event's transaction before the effect row is written; throw to fail it. */
  beforeApply?: (envelope: EventEnvelope<ThingData>, ctx: AmqpContext) => Promise<void> | void;
  /** Runs inside a plain input's transaction before its effect row is written; throw to fail it. */
  beforeInput?: (body: PosPurchaseMessage, ctx: AmqpContext) => Promise<void> | void;
}

/** The `test_effects.key` of a POS purchase: its natural key. */
export function purchaseKey(body: Pick<PosPurchaseMessage, 'storeId' | 'transactionId'>): string {
  return `${body.storeId}/${body.transactionId}`;
}

interface InstanceDeps {
  name: string;
  dataSource: DataSource;
  outbox: OutboxWriter;
  behaviour: Behaviour;
}

const INSTANCE = Symbol('INSTANCE');

@Controller()
class TestController {
  constructor(@Inject(INSTANCE) private readonly deps: InstanceDeps) {}

  /** An idempotent consumer: its effect goes through `ctx.manager`, the inbox row's transaction. */
  // The explicit type argument picks the plain overload: Nest 12 types the typed-events overload
  // `(data, ...args: unknown[])`, which refuses a typed `@Ctx()` parameter.
  @EventPattern<string>(THING_HAPPENED)
  async onThing(@Payload() envelope: EventEnvelope<ThingData>, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.deps.behaviour.beforeApply?.(envelope, ctx);
    if (envelope.data.poison) throw new TestException(`poison ${envelope.data.key}`);
    await ctx.manager.query('INSERT INTO test_effects (key, event_id, applied_by, correlation_id) VALUES ($1, $2, $3, $4)', [
      envelope.data.key,
      envelope.id,
      this.deps.name,
      ctx.correlationId,
    ]);
  }

  /** Never reached: THING_UNCONTRACTED has no data contract, so the transport dead-letters it. */
  @EventPattern<string>(THING_UNCONTRACTED)
  async onUncontracted(@Payload() envelope: EventEnvelope, @Ctx() ctx: AmqpContext): Promise<void> {
    await ctx.manager.query('INSERT INTO test_effects (key, event_id, applied_by) VALUES ($1, $2, $3)', [
      String(envelope.data.key),
      envelope.id,
      this.deps.name,
    ]);
  }

  /** A plain input handler: the body is the validated POS purchase, written through the inbox's transaction. */
  @EventPattern<string>(TEST_POS_INPUT.pattern)
  async onPurchase(@Payload() body: PosPurchaseMessage, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.deps.behaviour.beforeInput?.(body, ctx);
    await ctx.manager.query('INSERT INTO test_effects (key, event_id, applied_by, correlation_id) VALUES ($1, $2, $3, $4)', [
      purchaseKey(body),
      ctx.messageId,
      this.deps.name,
      ctx.correlationId,
    ]);
  }

  @MessagePattern('test.echo')
  echo(@Payload() body: unknown, @Ctx() ctx: AmqpContext) {
    return { body, correlationId: ctx.correlationId, caller: ctx.caller ?? null };
  }

  /** A command: its change and its event commit (or roll back) in one transaction (STYLE rule 5). */
  @MessagePattern('test.thing.create')
  create(@Payload() body: { key: string; fail?: boolean }) {
    return this.deps.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO test_effects (key, applied_by) VALUES ($1, $2)', [body.key, this.deps.name]);
      const event = await this.deps.outbox.record(manager, { type: THING_CREATED, aggregateId: body.key, data: { key: body.key } });
      if (body.fail) throw new TestException(`refused ${body.key}`);
      return { eventId: event.id };
    });
  }

  /** A write command as services run them (TransactionRunner.run): claimed in the inbox first, its answer kept with the claim. */
  @MessagePattern('test.thing.create-once')
  createOnce(@Payload() body: { key: string; events?: number; fail?: boolean }) {
    return withTransaction(this.deps.dataSource, async (manager) => {
      await claimCommand(manager);
      await manager.query('INSERT INTO test_effects (key, applied_by) VALUES ($1, $2)', [body.key, this.deps.name]);
      for (let n = 0; n < (body.events ?? 0); n++) {
        await this.deps.outbox.record(manager, { type: THING_CREATED, aggregateId: body.key, data: { key: body.key, n } });
      }
      if (body.fail) throw new TestException(`refused ${body.key}`);
      const result = { key: body.key, appliedBy: this.deps.name, at: new Date().toISOString() };
      await recordCommandReply(manager, { ok: true, data: result });
      return result;
    });
  }

  /** A command whose work outlasts its caller's deadline: it must roll back, not commit (GW-4). */
  @MessagePattern('test.thing.create-slow')
  createSlow(@Payload() body: { key: string; ms: number }) {
    return withTransaction(this.deps.dataSource, async (manager) => {
      await manager.query('INSERT INTO test_effects (key, applied_by) VALUES ($1, $2)', [body.key, this.deps.name]);
      await sleep(body.ms);
      return { key: body.key };
    });
  }

  @MessagePattern('test.slow')
  async slow(@Payload() body: { ms: number }) {
    await sleep(body.ms);
    return { slept: body.ms };
  }
}

@Module({})
class TestModule {
  static with(deps: InstanceDeps): DynamicModule {
    return { module: TestModule, controllers: [TestController], providers: [{ provide: INSTANCE, useValue: deps }] };
  }
}

export interface TestServiceOptions {
  service: string;
  /** Names this instance (a "replica"): its connection, and `applied_by` of its effects. */
  name: string;
  database: string;
  amqpUrl: string;
  behaviour?: Behaviour;
  /** Start an outbox relay too (off by default, so relay tests control their relays). */
  relay?: Partial<Pick<OutboxRelayOptions, 'pollMs' | 'batchSize' | 'confirmTimeoutMs'>>;
  server?: Partial<Pick<AmqpServerOptions, 'prefetch' | 'retryBaseMs' | 'retryMaxMs' | 'shutdownGraceMs' | 'deadLetterGaugeMs'>>;
}

/** One replica of a tiny domain service wired like `bootstrapDomainService` does it. */
export interface TestService {
  name: string;
  app: INestMicroservice;
  connection: AmqpConnection;
  dataSource: DataSource;
  outbox: OutboxWriter;
  server: AmqpServer;
  relay?: OutboxRelay;
  behaviour: Behaviour;
  logger: Logger;
  close(): Promise<void>;
}

export function testLogger(name: string): Logger {
  return createLogger(name, process.env.TEST_LOG_LEVEL ?? 'silent');
}

export async function openDataSource(database: string, name: string): Promise<DataSource> {
  const dataSource = createDataSource({
    serverUrl: testEnv.databaseUrl,
    database,
    entities: [],
    migrations: [...MESSAGING_MIGRATIONS, TestEffects1763900000001],
    applicationName: name,
    poolSize: 5,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const { service, name } = options;
  const logger = testLogger(`${service}/${name}`);
  const dataSource = await openDataSource(options.database, name);
  const connection = new AmqpConnection({ url: options.amqpUrl, connectionName: name, logger, initialMaxRetries: 2 });
  await connection.connect();
  const outbox = new OutboxWriter(service);
  const behaviour = options.behaviour ?? {};
  const server = new AmqpServer({
    service,
    connection,
    dataSource,
    logger,
    prefetch: 10,
    shutdownGraceMs: 2000,
    retryBaseMs: 20,
    retryMaxMs: 200,
    eventContracts: TEST_EVENT_CONTRACTS,
    inputs: [TEST_POS_INPUT],
    ...options.server,
  });
  const app = await NestFactory.createMicroservice(TestModule.with({ name, dataSource, outbox, behaviour }), {
    strategy: server,
    logger: false,
  });
  app.useGlobalFilters(new PassThroughRpcFilter());
  await app.listen();
  let relay: OutboxRelay | undefined;
  if (options.relay) {
    relay = new OutboxRelay({ dataSource, connection, writer: outbox, logger, service, pollMs: 50, ...options.relay });
    relay.start();
  }
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await app.close();
      await relay?.stop();
      await connection.close();
      await dataSource.destroy();
    })());
  return { name, app, connection, dataSource, outbox, server, relay, behaviour, logger, close };
}

/** An RPC client on a connection of its own, as the gateway has. */
export async function startRpcClient(amqpUrl: string, defaultTimeoutMs = 2000): Promise<{ client: RpcClient; connection: AmqpConnection }> {
  const logger = testLogger('rpc-client');
  const connection = new AmqpConnection({ url: amqpUrl, connectionName: 'rpc-client', logger, initialMaxRetries: 2 });
  await connection.connect();
  const client = new RpcClient(connection, logger, defaultTimeoutMs);
  await client.start();
  return { client, connection };
}

export function thingEnvelope(data: ThingData, overrides: Partial<EventEnvelope<ThingData>> = {}): EventEnvelope<ThingData> {
  return {
    id: randomUUID(),
    type: THING_HAPPENED,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'tests',
    correlationId: randomUUID(),
    data,
    ...overrides,
  };
}

/**
 * Publishes raw bytes with publisher confirms, as an outside party (or a broken one) would:
 * to `crm.events` with a routing key, or straight to a queue through the default exchange.
 */
export async function publishRaw(
  amqpUrl: string,
  target: { exchange: string; routingKey: string },
  content: Buffer | string,
  properties: Options.Publish = {},
): Promise<void> {
  const model = await connect(amqpUrl);
  try {
    const channel = await model.createConfirmChannel();
    channel.publish(target.exchange, target.routingKey, Buffer.isBuffer(content) ? content : Buffer.from(content), {
      persistent: true,
      ...properties,
    });
    await channel.waitForConfirms();
    await channel.close();
  } finally {
    await model.close();
  }
}

export function publishEnvelope(amqpUrl: string, envelope: EventEnvelope<ThingData>): Promise<void> {
  return publishRaw(amqpUrl, { exchange: Topology.eventsExchange, routingKey: envelope.type }, JSON.stringify(envelope), {
    contentType: 'application/json',
    messageId: envelope.id,
    type: envelope.type,
  });
}

/** Messages ready for delivery (not counting unacknowledged ones) and consumers of a queue. */
export async function queueCounts(amqpUrl: string, queue: string): Promise<{ messages: number; consumers: number }> {
  const model = await connect(amqpUrl);
  try {
    const channel = await model.createChannel();
    const { messageCount, consumerCount } = await channel.checkQueue(queue);
    await channel.close();
    return { messages: messageCount, consumers: consumerCount };
  } finally {
    await model.close();
  }
}

/** A latch a blocked handler waits on; the test opens it (or fails it) when it wants. */
export function gate(): { wait: Promise<void>; open(): void; fail(error: Error): void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const wait = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  wait.catch(() => undefined);
  return { wait, open, fail };
}

export async function effectsFor(
  dataSource: DataSource,
  key: string,
): Promise<{ event_id: string | null; applied_by: string; correlation_id: string | null }[]> {
  return dataSource.query('SELECT event_id, applied_by, correlation_id FROM test_effects WHERE key = $1 ORDER BY id', [key]);
}

/** A queue of our own that RPC replies can be sent to, to see every answer a command gets. */
export async function replyQueue(
  amqpUrl: string,
): Promise<{ name: string; take(count: number): Promise<unknown[]>; close(): Promise<void> }> {
  const model = await connect(amqpUrl);
  const channel = await model.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true });
  const received: unknown[] = [];
  await channel.consume(queue, (message) => message && received.push(JSON.parse(message.content.toString('utf8'))), { noAck: true });
  return {
    name: queue,
    async take(count: number) {
      await eventually(() => expect(received.length).toBeGreaterThanOrEqual(count), 5000);
      return received.splice(0, count);
    },
    close: () => model.close(),
  };
}
