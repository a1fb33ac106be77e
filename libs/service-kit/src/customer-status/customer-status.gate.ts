import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Caller, CustomerQueries, type CustomerStatusAnswer } from '@crm/contracts';
import { ErrorKind, RemoteException } from '@crm/errors';
import { AmqpConnection, RpcClient } from '@crm/messaging';
import { currentContext } from '@crm/observability';
import { LOGGER } from '../tokens';
import { type FetchedStatus, assertActiveCustomer } from './customer-status.policy';
import { knownCustomerStatus } from './customer-status.store';

/**
 * Who a service is when it asks the customers service (CUS-2 fallback): a staff role asking for the
 * status only (summary level, CUS-6), so it needs no clearance and reads nothing confidential.
 */
export interface CustomerStatusGateOptions {
  caller: Caller;
  /** What the refusal says needs an active customer, e.g. "complaints tied to orders". */
  purpose: string;
}
export const CUSTOMER_STATUS_GATE_OPTIONS = Symbol('CUSTOMER_STATUS_GATE_OPTIONS');
const CUSTOMER_CHECK_TIMEOUT_MS = 3000;

/**
 * CUS-2 before a document for a customer is created: the read model first, the customers service
 * only when the model does not know the customer or says it is not active. Call it first in the
 * creating transaction — before a number is allocated, so no counter row is locked while waiting —
 * and inside it, so a redelivered command still answers its stored first result.
 */
@Injectable()
export class CustomerStatusGate implements OnModuleInit, OnModuleDestroy {
  private readonly rpc: RpcClient;

  constructor(
    connection: AmqpConnection,
    @Inject(LOGGER) logger: Logger,
    @Inject(CUSTOMER_STATUS_GATE_OPTIONS) private readonly options: CustomerStatusGateOptions,
  ) {
    this.rpc = new RpcClient(connection, logger, CUSTOMER_CHECK_TIMEOUT_MS);
  }

  onModuleInit(): Promise<void> {
    return this.rpc.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.rpc.close();
  }

  async check(manager: EntityManager, customerId: string): Promise<void> {
    const known = await knownCustomerStatus(manager, customerId);
    const correlationId = currentContext()?.correlationId ?? randomUUID();
    await assertActiveCustomer(customerId, known, () => this.fetch(customerId, correlationId), this.options.purpose);
  }

  private async fetch(customerId: string, correlationId: string): Promise<FetchedStatus> {
    try {
      const answer = await this.rpc.send<CustomerStatusAnswer>(
        CustomerQueries.status.service,
        CustomerQueries.status.pattern,
        { id: customerId },
        { correlationId, caller: this.options.caller },
      );
      return { status: answer.status };
    } catch (error) {
      if (error instanceof RemoteException && error.payload.kind === ErrorKind.NotFound) return { missing: true };
      throw error;
    }
  }
}
