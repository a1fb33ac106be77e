import type { Channel } from 'amqplib';

/**
 * Every name on the broker, in one place. Declared by code at start-up (idempotent asserts),
 * by every replica, so a fresh broker needs no manual set-up.
 */
export const Topology = {
  /** API.md: one durable topic exchange; routing key = event type. */
  eventsExchange: 'crm.events',
  /** Alternate exchange of `crm.events`: events no queue was bound for are kept, not lost. */
  unroutedExchange: 'crm.events.unrouted',
  unroutedQueue: 'crm.events.unrouted',
  /** Dead-letter exchange; routing key = the queue the message died in. */
  deadLetterExchange: 'crm.dlx',
  /** API.md: POS tills may publish purchases here instead of calling HTTP. */
  posExchange: 'pos.purchases',
  commandQueue: (service: string) => `${service}.commands`,
  eventQueue: (service: string) => `${service}.events`,
  deadLetterQueue: (service: string) => `${service}.dlq`,
} as const;

/** Quorum queues redeliver a message this many times before dead-lettering it (NOTES.md). */
export const DELIVERY_LIMIT = 20;

export interface ServiceTopology {
  service: string;
  /** Routing-key patterns on `crm.events` this service consumes (its `@EventPattern`s). */
  eventBindings: string[];
  /** Extra bindings onto the service's event queue from other exchanges (e.g. POS purchases). */
  extraBindings?: { exchange: string; pattern: string }[];
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
  await channel.assertExchange(Topology.unroutedExchange, 'fanout', { durable: true });
  await channel.assertQueue(Topology.unroutedQueue, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum', 'x-max-length': 100_000, 'x-overflow': 'drop-head' },
  });
  await channel.bindQueue(Topology.unroutedQueue, Topology.unroutedExchange, '');
  await channel.assertExchange(Topology.eventsExchange, 'topic', {
    durable: true,
    alternateExchange: Topology.unroutedExchange,
  });
  await channel.assertExchange(Topology.deadLetterExchange, 'direct', { durable: true });
  await channel.assertExchange(Topology.posExchange, 'topic', { durable: true });
}

/** A domain service's own queues: commands, events, and the dead-letter queue behind both. */
export async function declareServiceTopology(channel: Channel, topology: ServiceTopology): Promise<void> {
  const { service } = topology;
  await declareSharedTopology(channel);
  const dlq = Topology.deadLetterQueue(service);
  await channel.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (const queue of [Topology.commandQueue(service), Topology.eventQueue(service)]) {
    await channel.assertQueue(queue, { durable: true, arguments: quorumQueueArguments(queue) });
    await channel.bindQueue(dlq, Topology.deadLetterExchange, queue);
  }
  const eventQueue = Topology.eventQueue(service);
  for (const pattern of topology.eventBindings) {
    await channel.bindQueue(eventQueue, Topology.eventsExchange, pattern);
  }
  for (const binding of topology.extraBindings ?? []) {
    await channel.bindQueue(eventQueue, binding.exchange, binding.pattern);
  }
}
