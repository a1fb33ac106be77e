import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { BaseServiceConfig } from '@crm/config';
import { AmqpConnection, OutboxWriter } from '@crm/messaging';
import { HealthController } from './health.controller';
import { LOGGER, SERVICE_CONFIG } from './tokens';
import { TransactionRunner } from './transaction-runner';

export interface CoreInfrastructure {
  config: BaseServiceConfig;
  dataSource: DataSource;
  connection: AmqpConnection;
  outbox: OutboxWriter;
  logger: Logger;
}

/** Makes the shared infrastructure injectable in every domain module of a service. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(infra: CoreInfrastructure): DynamicModule {
    return {
      module: CoreModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: infra.config },
        { provide: DataSource, useValue: infra.dataSource },
        { provide: AmqpConnection, useValue: infra.connection },
        { provide: OutboxWriter, useValue: infra.outbox },
        { provide: LOGGER, useValue: infra.logger },
        { provide: TransactionRunner, useValue: new TransactionRunner(infra.dataSource) },
      ],
      exports: [SERVICE_CONFIG, DataSource, AmqpConnection, OutboxWriter, LOGGER, TransactionRunner],
    };
  }
}
