import { Controller, Get, Header, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { PING_PATTERN, type PingReply } from '@crm/contracts';
import { AmqpConnection } from '@crm/messaging';
import { metricsRegistry } from '@crm/observability';
import type { BaseServiceConfig } from '@crm/config';
import { SERVICE_CONFIG } from './tokens';

/** OPS-1: liveness, readiness (database and broker reachable) and Prometheus metrics. */
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: AmqpConnection,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HttpCode(200)
  async ready() {
    const database = await this.databaseUp();
    const broker = this.connection.isConnected;
    const body = { status: database && broker ? 'ok' : 'unavailable', database: database ? 'up' : 'down', broker: broker ? 'up' : 'down' };
    if (!database || !broker) throw new ServiceUnavailableException(body);
    return body;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }

  /** The gateway's readiness probe asks every domain service this over RabbitMQ. */
  @MessagePattern(PING_PATTERN)
  async ping(): Promise<PingReply> {
    await this.dataSource.query('SELECT 1');
    return { service: this.config.serviceName, database: 'up', at: new Date().toISOString() };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
