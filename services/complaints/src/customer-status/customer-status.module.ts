import { Module } from '@nestjs/common';
import { CustomerStatusConsumer } from './customer-status.consumer';
import { CustomerStatusGate } from './customer-status.gate';

/** CUS-2 for complaints: the customer-status read model and its RPC fallback. */
@Module({ controllers: [CustomerStatusConsumer], providers: [CustomerStatusGate], exports: [CustomerStatusGate] })
export class CustomerStatusModule {}
