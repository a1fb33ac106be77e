import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CustomersController } from './customers.controller';

/** API.md "Customers" routes (CUS-9 destruction forgets idempotency records). */
@Module({ imports: [IdempotencyModule], controllers: [CustomersController] })
export class CustomersModule {}
