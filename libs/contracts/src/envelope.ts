/**
 * The event envelope every domain event carries on the wire (API.md "Events").
 * `type` is an explicit, versioned string from this library — never a class name (STYLE rule 4).
 */
export interface EventEnvelope<TData = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string;
  causationId?: string;
  data: TData;
}

/** Headers carried by every message we publish or send (RPC and events alike). */
export const MessageHeaders = {
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  caller: 'x-caller',
  /** Epoch milliseconds after which the RPC caller no longer waits for the answer. */
  deadline: 'x-deadline',
  deadLetterReason: 'x-dead-letter-reason',
  deadLetterSource: 'x-dead-letter-source',
} as const;
