import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CustomersModule } from './customers/customers.module';
import { EventFeedModule } from './event-feed/event-feed.module';
import { DevelopmentModule } from './development/development.module';
import { HealthModule } from './health/health.module';
import { HttpModule } from './http/http.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LoyaltyModule } from './loyalty/loyalty.module';
import { type GatewayInfrastructure, InfrastructureModule } from './infrastructure.module';
import { ReturnsModule } from './returns/returns.module';
import { RpcModule } from './rpc/rpc.module';
import { ServiceRequestsModule } from './service-requests/service-requests.module';

/** The gateway: authenticates, validates, routes and translates — no business rules (STYLE). */
@Module({})
export class GatewayModule {
  static forRoot(infra: GatewayInfrastructure): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        InfrastructureModule.forRoot(infra),
        HttpModule,
        RpcModule,
        AuthModule,
        IdempotencyModule,
        HealthModule,
        CustomersModule,
        ComplaintsModule,
        ReturnsModule,
        EventFeedModule,
        ServiceRequestsModule,
        DevelopmentModule,
        LoyaltyModule,
      ],
    };
  }
}
