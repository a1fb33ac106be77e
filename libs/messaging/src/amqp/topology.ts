import type { Channel } from 'amqplib';
import { POS_PURCHASES_EXCHANGE, type PlainInputContract } from '@crm/contracts';

/**
 * Every name on the broker, in one place. Declared by code at start-up (idempotent asserts),
 * by every replica, so a fresh broker needs no manual set-up.
 */
export const Topology = {
  /** API.md: one durable topic exchange; routing key = event type. */
  eventsExchange: 'crm.events',
  /** Dead-letter exchange; routing key = the queue the message died in. */
  deadLetterExchange: 'crm.dlx',
  /** API.md: POS tills may publish purchases here instead of calling HTTP. */
  posExchange: POS_PURCHASES_EXCHANGE,
  commandQueue: (service: string) => `${service}.commands`,
  eventQueue: (service: string) => `${service}.events`,
  /** A plain command input's queue (`loyalty.pos-purchases`); its dead letters go to `<service>.dlq`. */
  inputQueue: (service: string, input: string) => `${service}.${input}`,
  deadLetterQueue: (service: string) => `${service}.dlq`,
  /** Dead commands: expired before a consumer took them, or failed with nobody to answer. */
  commandDeadLetterQueue: (service: string) => `${service}.commands.dlq`,
} as const;

/**
 * A command is worth nothing after its caller's deadline (seconds), so its dead letters are kept
 * for a week for diagnosis and then dropped; dead events are kept until an operator acts.
 */
const COMMAND_DEAD_LETTER_TTL_MS = 7 * 24 * 3600 * 1000;

/** Quorum queues redeliver a message this many times before dead-lettering it (NOTES.md). */
export const DELIVERY_LIMIT = 20;

export interface ServiceTopology {
  service: string;
  /** Routing-key patterns on `crm.events` this service consumes (its `@EventPattern`s). */
  eventBindings: string[];
  /** Plain command inputs (e.g. POS purchases): a queue of the service's own per input, bound to the publishers' exchange. */
  inputs?: readonly Pick<PlainInputContract, 'name' | 'exchange' | 'bindingKey'>[];
}

function quorumQueueArguments(queue: string): Record<string, unknown> {
  return {
    'x-queue-type': 'quorum',
    'x-delivery-limit': DELIVERY_LIMIT,
    'x-dead-letter-exchange': Topology.deadLetterExchange,
    'x-dead-letter-routing-key': queue,
    // At-least-once dead-lettering: a message is not dropped on its way to the DLQ.
    'x-dead-letter-strategy': 'at-least-once',
    'x-overflow': 'reject-publish',
    'x-max-length': 1_000_000,
  };
}

/** Exchanges shared by every service; safe to assert concurrently from every replica. */
export async function declareSharedTopology(channel: Channel): Promise<void> {
  // Unroutable events are noticed by the relay (mandatory publish → return → metric); they stay
  // in the outbox table, which is also the event feed, so nothing is lost (docs/messaging.md).
  await channel.assertExchange(Topology.eventsExchange, 'topic', { durable: true });
  await channel.assertExchange(Topology.deadLetterExchange, 'direct', { durable: true });
  await channel.assertExchange(Topology.posExchange, 'topic', { durable: true });
}

/** A domain service's own queues: commands, events and plain inputs, each with its dead-letter queue. */
export async function declareServiceTopology(channel: Channel, topology: ServiceTopology): Promise<void> {
  const { service } = topology;
  await declareSharedTopology(channel);
  const commandQueue = Topology.commandQueue(service);
  const eventQueue = Topology.eventQueue(service);
  const dlq = Topology.deadLetterQueue(service);
  const commandDlq = Topology.commandDeadLetterQueue(service);
  await channel.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(commandDlq, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-message-ttl': COMMAND_DEAD_LETTER_TTL_MS,
      'x-max-length': 100_000,
      'x-overflow': 'drop-head',
    },
  });
  for (const queue of [commandQueue, eventQueue]) {
    await channel.assertQueue(queue, { durable: true, arguments: quorumQueueArguments(queue) });
  }
  await channel.bindQueue(dlq, Topology.deadLetterExchange, eventQueue);
  await channel.bindQueue(commandDlq, Topology.deadLetterExchange, commandQueue);
  // Brokers set up by earlier versions routed dead commands to the event DLQ too.
  await channel.unbindQueue(dlq, Topology.deadLetterExchange, commandQueue);
  for (const pattern of topology.eventBindings) {
    await channel.bindQueue(eventQueue, Topology.eventsExchange, pattern);
  }
  for (const input of topology.inputs ?? []) {
    const queue = Topology.inputQueue(service, input.name);
    // Same guarantees as the event queue: quorum, delivery limit, dead letters to `<service>.dlq`.
    await channel.assertExchange(input.exchange, 'topic', { durable: true });
    await channel.assertQueue(queue, { durable: true, arguments: quorumQueueArguments(queue) });
    await channel.bindQueue(dlq, Topology.deadLetterExchange, queue);
    await channel.bindQueue(queue, input.exchange, input.bindingKey);
  }
}
