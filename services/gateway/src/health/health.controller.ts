import { randomUUID } from 'node:crypto';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DOMAIN_SERVICES, PING_PATTERN, type DomainService } from '@crm/contracts';
import { AmqpConnection, RpcClient, withTimeout } from '@crm/messaging';
import { metricsRegistry } from '@crm/observability';
import { Public } from '../auth/roles.decorator';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { ApiProblems } from '../openapi/api-problems.decorator';

type UpDown = 'up' | 'down';

class LiveDto {
  @ApiProperty({ example: 'ok' })
  status: string;
}

class ReadyDto {
  @ApiProperty({ example: 'ok' })
  status: string;

  @ApiProperty({ enum: ['up', 'down'] })
  database: UpDown;

  @ApiProperty({ enum: ['up', 'down'] })
  broker: UpDown;

  @ApiProperty({ example: { customers: 'up', complaints: 'up', returns: 'up', loyalty: 'up' } })
  services: Record<DomainService, UpDown>;
}

/**
 * OPS-1 at the root, without a key. Ready means: the gateway's database answers, the broker is
 * connected, and every domain service answers a ping over RabbitMQ within the readiness
 * deadline; otherwise 503 naming what is down.
 */
@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: AmqpConnection,
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('health/live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: database, broker and every domain service answer' })
  @ApiOkResponse({ type: ReadyDto })
  @ApiProblems(503)
  async ready(): Promise<ReadyDto> {
    const timeoutMs = this.config.readinessTimeoutMs;
    const broker: UpDown = this.connection.isConnected && this.rpc.isReady ? 'up' : 'down';
    const [database, ...services] = await Promise.all([
      this.databaseUp(timeoutMs),
      ...DOMAIN_SERVICES.map((service) => (broker === 'up' ? this.ping(service, timeoutMs) : Promise.resolve<UpDown>('down'))),
    ]);
    const body: ReadyDto = {
      status: 'ok',
      database,
      broker,
      services: Object.fromEntries(DOMAIN_SERVICES.map((service, index) => [service, services[index]])) as Record<DomainService, UpDown>,
    };
    const down = [
      ...(database === 'down' ? ['database'] : []),
      ...(broker === 'down' ? ['broker'] : []),
      ...DOMAIN_SERVICES.filter((_, index) => services[index] === 'down'),
    ];
    if (down.length) {
      throw new GatewayException(GatewayErrorCode.NotReady, `Not ready: ${down.join(', ')} down`, {
        extensions: { down, checks: { ...body, status: 'unavailable' } },
      });
    }
    return body;
  }

  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }

  private async ping(service: DomainService, timeoutMs: number): Promise<UpDown> {
    try {
      await this.rpc.send(service, PING_PATTERN, {}, { correlationId: `ready-${randomUUID()}`, timeoutMs });
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async databaseUp(timeoutMs: number): Promise<UpDown> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), timeoutMs, 'database ping');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
