import { COMPLAINT_EVENT_DATA } from './complaints/complaint-events';
import { CUSTOMER_EVENT_DATA } from './customers/customer-events';
import { DEVELOPMENT_EVENT_DATA } from './customers/development-events';
import { RETURN_EVENT_DATA } from './returns/return-events';
import { SERVICE_REQUEST_EVENT_DATA } from './service-requests/service-request-events';
import { LOYALTY_EVENT_DATA } from './loyalty/loyalty-events';

/** A class with class-validator rules; the transport instantiates it from the message body. */
export type ContractClass<T extends object = object> = new () => T;

/** Event type → the class its envelope's `data` must satisfy before any consumer's handler runs. */
export type EventDataContracts = Readonly<Record<string, ContractClass>>;

/**
 * Every event type's `data` contract, declared once beside its type (libs/contracts/<domain>).
 * A consumer's transport validates `data` against it and dead-letters what fails, naming the
 * fields; a consumed type missing here is dead-lettered too (docs/messaging.md).
 */
export const EVENT_DATA_CONTRACTS: EventDataContracts = {
  ...CUSTOMER_EVENT_DATA,
  ...DEVELOPMENT_EVENT_DATA,
  ...COMPLAINT_EVENT_DATA,
  ...RETURN_EVENT_DATA,
  ...SERVICE_REQUEST_EVENT_DATA,
  ...LOYALTY_EVENT_DATA,
};

/**
 * A plain command message an outside system publishes to an exchange of its own (not an event
 * envelope): the body is the payload itself, e.g. POS purchases (API.md "POS input"). A service
 * that declares it gets a queue of its own bound to the exchange, with the same inbox,
 * ack-after-commit and dead-letter guarantees as events. Declare one with `definePlainInput`.
 */
export interface PlainInputContract {
  /** The service's queue is `<service>.<name>`; its inbox rows are under that queue's name. */
  readonly name: string;
  /** A durable topic exchange the publishers own. */
  readonly exchange: string;
  /** Routing-key pattern the queue is bound with. */
  readonly bindingKey: string;
  /** The `@EventPattern` of the handler that applies the message. */
  readonly pattern: string;
  /** The body must satisfy this class; the handler receives the validated instance. */
  readonly payload: ContractClass;
  /**
   * Fields that identify the message when it carries no AMQP `message_id` (e.g. storeId +
   * transactionId): a republished copy then has the same id and is applied once.
   */
  readonly naturalKey: readonly string[];
}

/** Checks at compile time that the natural key names fields of the payload class. */
export function definePlainInput<T extends object>(
  contract: Omit<PlainInputContract, 'payload' | 'naturalKey'> & { payload: ContractClass<T>; naturalKey: readonly (keyof T & string)[] },
): PlainInputContract {
  return contract;
}
