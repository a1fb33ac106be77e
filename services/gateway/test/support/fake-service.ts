import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import type { DataSource } from 'typeorm';
import { PING_PATTERN } from '@crm/contracts';
import { AmqpConnection, AmqpServer, type AmqpContext, PassThroughRpcFilter } from '@crm/messaging';
import { createLogger } from '@crm/observability';

export type FakeHandler = (payload: unknown, context: AmqpContext) => unknown;

export interface FakeService {
  calls: { pattern: string; payload: unknown; caller: unknown; correlationId: string }[];
  close(): Promise<void>;
}

/**
 * A test-only Nest microservice on the real transport (AmqpServer) standing in for a domain
 * service: it answers the readiness ping and the given patterns, and records what it received
 * (payload, caller, correlation id) so tests can check what the gateway sends.
 */
export async function startFakeService(service: string, amqpUrl: string, handlers: Record<string, FakeHandler> = {}): Promise<FakeService> {
  const logger = createLogger(`fake-${service}`, 'warn');
  const connection = new AmqpConnection({ url: amqpUrl, connectionName: `fake-${service}`, logger });
  await connection.connect();
  const calls: FakeService['calls'] = [];
  const all: Record<string, FakeHandler> = {
    [PING_PATTERN]: () => ({ service, database: 'up', at: new Date().toISOString() }),
    ...handlers,
  };

  class FakeHandlers {}
  Object.entries(all).forEach(([pattern, handler], index) => {
    const name = `handle${index}`;
    const method = async (payload: unknown, context: AmqpContext) => {
      if (pattern !== PING_PATTERN) calls.push({ pattern, payload, caller: context.caller, correlationId: context.correlationId });
      return handler(payload, context);
    };
    Object.defineProperty(FakeHandlers.prototype, name, { value: method, writable: true, configurable: true });
    Payload()(FakeHandlers.prototype, name, 0);
    Ctx()(FakeHandlers.prototype, name, 1);
    MessagePattern(pattern)(FakeHandlers.prototype, name, Object.getOwnPropertyDescriptor(FakeHandlers.prototype, name)!);
  });
  Controller()(FakeHandlers);
  class FakeModule {}
  Module({ controllers: [FakeHandlers] })(FakeModule);

  const server = new AmqpServer({ service, connection, dataSource: {} as DataSource, logger, shutdownGraceMs: 100 });
  const app: INestMicroservice = await NestFactory.createMicroservice(FakeModule, { strategy: server, logger: false });
  app.useGlobalFilters(new PassThroughRpcFilter());
  await app.listen();
  return {
    calls,
    close: async () => {
      await app.close();
      await connection.close();
    },
  };
}
