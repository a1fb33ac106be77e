import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { redactUrl } from '@crm/config';
import { AmqpConnection, RpcClient, createValidationPipe } from '@crm/messaging';
import { createLogger, PinoNestLogger } from '@crm/observability';
import { createDataSource, ensureDatabase, keepPoolErrorsInProcess, runMigrations } from '@crm/persistence';
import { AccessGuard } from './auth/access.guard';
import { ApiKeyEntity } from './auth/api-key.entity';
import { assertEveryRouteDeclaresAccess } from './auth/route-access.check';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerAccessLog } from './http/access-log';
import { frameworkErrorHandler } from './http/framework-errors';
import { registerJsonBodyParser } from './http/json-body';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { EtagInterceptor } from './http/etag.interceptor';
import { RequestContextInterceptor } from './http/request-context.interceptor';
import { requestIdFrom } from './http/request-id';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { gatewayMigrations } from './migrations';
import { DOCS_PATH, setupOpenApi } from './openapi/openapi';
import { registerSecurityHeaders } from './http/security-headers';

export const API_PREFIX = 'api/v1';

export interface RunningGateway {
  app: NestFastifyApplication;
  /** Base URL, e.g. `http://127.0.0.1:3000` (the API is under `/api/v1`). */
  url: string;
  close(): Promise<void>;
}

export class GatewayStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayStartupError';
  }
}

/**
 * Boots the gateway (used by main.ts and by tests): its own database (created when missing,
 * migrated), the broker connection and RPC client, then the HTTP server.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.logLevel);

  try {
    await ensureDatabase(config.databaseUrl, config.databaseName);
  } catch (error) {
    throw new GatewayStartupError(
      `PostgreSQL is not reachable at ${redactUrl(config.databaseUrl)} (${(error as Error).message}). Start it or set DATABASE_URL.`,
    );
  }
  const dataSource = createDataSource({
    serverUrl: config.databaseUrl,
    database: config.databaseName,
    entities: [ApiKeyEntity, IdempotencyRecordEntity],
    migrations: gatewayMigrations,
    applicationName: 'gateway',
    // GW-4: the gateway's queries are tiny; a slow database must fail fast (503), not hold the request.
    statementTimeoutMs: 2000,
  });
  await dataSource.initialize();
  keepPoolErrorsInProcess(dataSource, (error) => logger.warn({ err: error.message }, 'database connection lost'));
  const applied = await runMigrations(dataSource);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

  const connection = new AmqpConnection({ url: config.amqpUrl, connectionName: 'gateway', logger });
  try {
    await connection.connect();
  } catch (error) {
    await dataSource.destroy();
    throw new GatewayStartupError(
      `RabbitMQ is not reachable at ${redactUrl(config.amqpUrl)} (${(error as Error).message}). Start it or set AMQP_URL.`,
    );
  }
  const rpc = new RpcClient(connection, logger, config.rpcTimeoutMs);
  await rpc.start();

  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // The request id is the correlation id: the caller's X-Request-Id when sane, else a UUID.
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // GW-5: the router's own refusals (malformed URL 400, over-long parameter 414) as problem details.
    frameworkErrors: frameworkErrorHandler,
  });
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      GatewayModule.forRoot({ config, logger, dataSource, connection, rpc }),
      adapter,
      {
        logger: new PinoNestLogger(logger),
        abortOnError: false,
        // GW-5: Nest's JSON and urlencoded parsers stay out; the gateway registers its own JSON
        // parser below (registerJsonBodyParser), so any other body type is 415.
        bodyParser: false,
      },
    );
    const fastify = app.getHttpAdapter().getInstance();
    // JSON only: any other body type is 415 (GW-5) instead of a string reaching validation.
    fastify.removeContentTypeParser(['text/plain']);
    // GW-5: Fastify's secure JSON parser, then depth (≤ 32), NUL and lone surrogates refused (400).
    registerJsonBodyParser(fastify, config.bodyLimitBytes);
    registerAccessLog(fastify, logger);
    registerSecurityHeaders(fastify, { corsOrigins: config.corsOrigins, docsPath: DOCS_PATH });

    app.setGlobalPrefix(API_PREFIX, {
      exclude: [
        { path: 'health/live', method: RequestMethod.GET },
        { path: 'health/ready', method: RequestMethod.GET },
        { path: 'metrics', method: RequestMethod.GET },
      ],
    });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
    app.useGlobalGuards(app.get(AccessGuard));
    app.useGlobalInterceptors(new EtagInterceptor(), app.get(RequestContextInterceptor), app.get(IdempotencyInterceptor));
    assertEveryRouteDeclaresAccess(app);
    setupOpenApi(app);

    await app.listen(config.port, '0.0.0.0');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await rpc.close();
    await connection.close();
    await dataSource.destroy();
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ api: `${url}/${API_PREFIX}`, docs: `${url}/api/docs`, database: config.databaseName }, 'gateway ready');

  const running = app;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      // OPS-1 graceful shutdown: stop accepting, let in-flight requests finish (they still need
      // RPC and the database), then let go of the connections.
      await running.close();
      await rpc.close();
      await connection.close();
      await dataSource.destroy();
      logger.info('stopped');
    })());
  return { app: running, url, close };
}
