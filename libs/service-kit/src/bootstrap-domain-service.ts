import 'reflect-metadata';
import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EntitySchema, MigrationInterface } from 'typeorm';
import { type BaseServiceConfig, redactUrl } from '@crm/config';
import {
  AmqpConnection,
  AmqpServer,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  OutboxWriter,
  PassThroughRpcFilter,
  createValidationPipe,
  pruneCommandInbox,
  type AmqpServerOptions,
  armFailpoints,
} from '@crm/messaging';
import { createLogger, PinoNestLogger } from '@crm/observability';
import { createDataSource, ensureDatabase, keepPoolErrorsInProcess, runMigrations } from '@crm/persistence';
import { CoreModule } from './core.module';

export interface DomainServiceDefinition {
  /** Builds the service's root module around the shared infrastructure module. */
  module: (core: DynamicModule) => Type<unknown> | DynamicModule;
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  /** Plain command inputs the service consumes (e.g. libs/contracts `PosPurchaseInput`). */
  inputs?: AmqpServerOptions['inputs'];
}

export interface RunningService {
  app: INestApplication;
  relay: OutboxRelay;
  server: AmqpServer;
  /** Base URL of the health/metrics port. */
  httpUrl: string;
  close(): Promise<void>;
}

/**
 * Boots one domain service: its own database (created when missing) and migrations, the broker
 * connection and topology, the RPC/event transport, the outbox relay, and a small HTTP port for
 * health and metrics. Start-up fails within seconds, naming the URL, when PostgreSQL or RabbitMQ
 * cannot be reached (issue 2, "Run it").
 */
export async function bootstrapDomainService(config: BaseServiceConfig, definition: DomainServiceDefinition): Promise<RunningService> {
  const logger = createLogger(config.serviceName, config.logLevel);
  if (process.env.CRM_FAILPOINT && process.env.NODE_ENV === 'production')
    throw new Error('CRM_FAILPOINT is for the fault suite; refused in production');
  armFailpoints(); // CRM_FAILPOINT (tests only): where this process kills itself

  try {
    await ensureDatabase(config.databaseUrl, config.databaseName);
  } catch (error) {
    throw new StartupError(
      `PostgreSQL is not reachable at ${redactUrl(config.databaseUrl)} (${(error as Error).message}). ` +
        'Start it (e.g. `docker compose up -d postgres`) or set DATABASE_URL.',
    );
  }
  const dataSource = createDataSource({
    serverUrl: config.databaseUrl,
    database: config.databaseName,
    entities: definition.entities,
    migrations: [...MESSAGING_MIGRATIONS, ...definition.migrations],
    applicationName: config.serviceName,
  });
  await dataSource.initialize();
  keepPoolErrorsInProcess(dataSource, (error) => logger.warn({ err: error.message }, 'database connection lost'));
  const applied = await runMigrations(dataSource);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

  const connection = new AmqpConnection({ url: config.amqpUrl, connectionName: config.serviceName, logger });
  try {
    await connection.connect();
  } catch (error) {
    await dataSource.destroy();
    throw new StartupError(
      `RabbitMQ is not reachable at ${redactUrl(config.amqpUrl)} (${(error as Error).message}). ` +
        'Start it (e.g. `docker compose up -d rabbitmq`) or set AMQP_URL.',
    );
  }

  const outbox = new OutboxWriter(config.serviceName);
  const core = CoreModule.forRoot({ config, dataSource, connection, outbox, logger });
  const app = await NestFactory.create<NestFastifyApplication>(definition.module(core), new FastifyAdapter(), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new PassThroughRpcFilter());
  const server = new AmqpServer({
    service: config.serviceName,
    connection,
    dataSource,
    logger,
    prefetch: config.prefetch,
    shutdownGraceMs: config.shutdownGraceMs,
    inputs: definition.inputs,
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  await app.startAllMicroservices();

  const relay = new OutboxRelay({
    dataSource,
    connection,
    writer: outbox,
    logger,
    service: config.serviceName,
    pollMs: config.outboxPollMs,
  });
  relay.start();
  // Command claims (no double apply on redelivery) are useless after a day; every replica prunes.
  const prune = () =>
    void pruneCommandInbox(dataSource).catch((error: Error) => logger.warn({ err: error.message }, 'pruning the command inbox failed'));
  const pruner = setInterval(prune, 10 * 60_000);
  pruner.unref();
  prune();

  await app.listen(config.httpPort, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.httpPort;
  const httpUrl = `http://127.0.0.1:${port}`;
  logger.info({ health: `${httpUrl}/health/ready`, database: config.databaseName }, `${config.serviceName} service ready`);

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      // OPS-1 graceful shutdown: stop taking messages and finish in-flight work, publish what
      // was committed, then let go of the connections.
      clearInterval(pruner);
      await server.close();
      await relay.stop({ drainWithinMs: 3000 });
      await app.close();
      await connection.close();
      await dataSource.destroy();
      logger.info('stopped');
    })());

  return { app, relay, server, httpUrl, close };
}

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Runs a service from its `main.ts`: boots it, and stops it cleanly on SIGINT/SIGTERM. */
export async function runUntilSignalled(boot: () => Promise<{ close(): Promise<void> }>, name: string): Promise<void> {
  let running: { close(): Promise<void> };
  try {
    running = await boot();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: failed to start: ${message}\n`);
    process.exit(1);
  }
  const stop = (signal: string) => {
    process.stderr.write(`${name}: ${signal} received, shutting down\n`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
