import { Global, Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DomainClient } from './domain.client';

@Global()
@Module({ imports: [IdempotencyModule], providers: [DomainClient], exports: [DomainClient] })
export class RpcModule {}
