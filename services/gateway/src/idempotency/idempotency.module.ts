import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

/** GW-6. */
@Module({ providers: [IdempotencyStore, IdempotencyInterceptor], exports: [IdempotencyInterceptor, IdempotencyStore] })
export class IdempotencyModule {}
