import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AmqpConnection, RpcClient } from '@crm/messaging';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG, LOGGER } from './gateway.tokens';

export interface GatewayInfrastructure {
  config: GatewayConfig;
  logger: Logger;
  dataSource: DataSource;
  connection: AmqpConnection;
  rpc: RpcClient;
}

/** The connections startGateway opened, injectable everywhere. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(infra: GatewayInfrastructure): DynamicModule {
    const providers = [
      { provide: GATEWAY_CONFIG, useValue: infra.config },
      { provide: LOGGER, useValue: infra.logger },
      { provide: DataSource, useValue: infra.dataSource },
      { provide: AmqpConnection, useValue: infra.connection },
      { provide: RpcClient, useValue: infra.rpc },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
