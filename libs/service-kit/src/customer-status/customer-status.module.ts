import { type DynamicModule, Module } from '@nestjs/common';
import { CustomerStatusConsumer } from './customer-status.consumer';
import { CUSTOMER_STATUS_GATE_OPTIONS, CustomerStatusGate, type CustomerStatusGateOptions } from './customer-status.gate';

/**
 * CUS-2 for a service that serves only active customers: the customer-status read model (its table
 * comes from `KnownCustomers1797100000000` in the service's migrations), the consumer that keeps it,
 * and the gate with its RPC fallback.
 */
@Module({})
export class CustomerStatusModule {
  static forService(options: CustomerStatusGateOptions): DynamicModule {
    return {
      module: CustomerStatusModule,
      controllers: [CustomerStatusConsumer],
      providers: [{ provide: CUSTOMER_STATUS_GATE_OPTIONS, useValue: options }, CustomerStatusGate],
      exports: [CustomerStatusGate],
    };
  }
}
