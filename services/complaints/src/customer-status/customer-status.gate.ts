import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Caller, CustomerQueries, type CustomerStatusAnswer, type RegisterComplaintBody } from '@crm/contracts';
import { ErrorKind, RemoteException } from '@crm/errors';
import { AmqpConnection, RpcClient } from '@crm/messaging';
import { currentContext } from '@crm/observability';
import { LOGGER } from '@crm/service-kit';
import { type FetchedStatus, assertActiveCustomer, customerToCheck } from './customer-status.policy';
import { knownCustomerStatus } from './customer-status.store';

/**
 * Who the complaints service is when it asks the customers service (CUS-2 fallback): a staff role.
 * It asks for the status only (summary level, CUS-6), so it needs no clearance and reads nothing
 * confidential.
 */
export const COMPLAINTS_SERVICE_CALLER: Caller = {
  keyId: '00000000-0000-4000-8000-0000000c0301',
  name: 'complaints-service (CUS-2 check)',
  roles: ['service'],
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
};
const CUSTOMER_CHECK_TIMEOUT_MS = 3000;

/**
 * CUS-2 before a complaint tied to an order is registered: the read model first, the customers
 * service only when the model does not know the customer or says it is not active. Runs first in
 * the registering transaction — before the number is allocated, so no counter row is locked while
 * waiting — and inside it, so a redelivered command still answers its stored first result.
 */
@Injectable()
export class CustomerStatusGate implements OnModuleInit, OnModuleDestroy {
  private readonly rpc: RpcClient;

  constructor(connection: AmqpConnection, @Inject(LOGGER) logger: Logger) {
    this.rpc = new RpcClient(connection, logger, CUSTOMER_CHECK_TIMEOUT_MS);
  }

  onModuleInit(): Promise<void> {
    return this.rpc.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.rpc.close();
  }

  async check(manager: EntityManager, input: RegisterComplaintBody): Promise<void> {
    const customerId = customerToCheck(input);
    if (!customerId) return;
    const known = await knownCustomerStatus(manager, customerId);
    const correlationId = currentContext()?.correlationId ?? randomUUID();
    await assertActiveCustomer(customerId, known, () => this.fetch(customerId, correlationId));
  }

  private async fetch(customerId: string, correlationId: string): Promise<FetchedStatus> {
    try {
      const answer = await this.rpc.send<CustomerStatusAnswer>(
        CustomerQueries.status.service,
        CustomerQueries.status.pattern,
        { id: customerId },
        { correlationId, caller: COMPLAINTS_SERVICE_CALLER },
      );
      return { status: answer.status };
    } catch (error) {
      if (error instanceof RemoteException && error.payload.kind === ErrorKind.NotFound) return { missing: true };
      throw error;
    }
  }
}
