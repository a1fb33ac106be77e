import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from '@crm/contracts';

/**
 * What a unit of work (an HTTP request, an RPC command, an event) carries implicitly: the
 * correlation id that follows it through RPC, events and logs, the message that caused it and
 * who asked for it. Set once at the edge; read by the logger and by the outbox writer.
 */
export interface RequestContext {
  correlationId: string;
  causationId?: string;
  caller?: Caller;
  /**
   * When the caller stops waiting (epoch ms), for RPC commands: work that would finish after it
   * is rolled back rather than committed behind a caller that was told it timed out (GW-4).
   */
  deadline?: number;
  /** The RPC command's message id, claimed in the inbox by its first write (no double apply). */
  commandId?: string;
  commandClaimed?: boolean;
  /** The command pattern or event type being handled (fault injection names it, `CRM_FAILPOINT`). */
  messageType?: string;
  /**
   * At the gateway, for a request under an `Idempotency-Key` it has claimed: the seed of the
   * command ids it sends (GW-6), so that a retry after an unknown outcome (504, a lost reply, a
   * gateway that died mid-request) sends the same commands and the service answers their first
   * result instead of applying them twice. `commandsSent` numbers the commands of one request.
   */
  idempotencySeed?: string;
  commandsSent?: number;
  /** Resources whose data this command erased (CUS-9); sent back with the RPC reply. */
  erased?: string[];
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Notes that the current command erased a resource's data (CUS-9), so that callers holding copies
 * of earlier answers about it drop them (see `RpcReply.erased`). Outside a command it does nothing.
 */
export function noteErasure(resourceId: string): void {
  const context = storage.getStore();
  if (context) context.erased = [...new Set([...(context.erased ?? []), resourceId])];
}
