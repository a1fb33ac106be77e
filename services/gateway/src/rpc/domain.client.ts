import { Inject, Injectable } from '@nestjs/common';
import type { Operation } from '@crm/contracts';
import { RpcClient } from '@crm/messaging';
import { currentContext, type RequestContext } from '@crm/observability';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { commandIdFor } from '../idempotency/command-id';
import { IdempotencyStore } from '../idempotency/idempotency.store';

/**
 * The gateway's only way to a domain service: request/reply over RabbitMQ, typed by the
 * operation table (libs/contracts), carrying the authenticated caller (CUS-6 decisions are the
 * service's) and the request's correlation id (`X-Request-Id`). Remote refusals arrive as
 * RemoteException and become problem details; the deadline (RPC_TIMEOUT_MS) turns a slow service
 * into 504 and a missing one into 503 (GW-4). A failure that certainly never reached the service
 * is an `UndeliveredCommandError` (libs/messaging).
 */
@Injectable()
export class DomainClient {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async send<P, R>(operation: Operation<P, R>, payload: P): Promise<R> {
    const context = currentContext();
    if (!context) throw new Error('DomainClient.send outside a request context');
    return this.rpc.send<R>(operation.service, operation.pattern, payload, {
      correlationId: context.correlationId,
      caller: context.caller,
      timeoutMs: this.config.rpcTimeoutMs,
      commandId: this.commandIdOf(context, operation),
      // CUS-9: a service erased these resources' data; it must not come back through a replay.
      onErased: (resourceIds) => this.idempotency.forgetResources(resourceIds),
    });
  }

  /** Under an Idempotency-Key, the n-th command of the request has a stable id (GW-6); else a fresh one. */
  private commandIdOf(context: RequestContext, operation: Operation<unknown, unknown>): string | undefined {
    if (!context.idempotencySeed) return undefined;
    const sequence = (context.commandsSent = (context.commandsSent ?? 0) + 1);
    return commandIdFor(context.idempotencySeed, operation.service, operation.pattern, sequence);
  }
}
