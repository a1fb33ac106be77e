import { connect, type Channel, type ChannelModel, type ConsumeMessage, type Message } from 'amqplib';
import { Topology, declareSharedTopology } from '@crm/messaging';
import { testEnv } from './test-env';

/** Removes a test service's queues so nothing is left for the next run. */
export async function deleteServiceQueues(service: string, url = testEnv.amqpUrl): Promise<void> {
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    for (const queue of [
      Topology.commandQueue(service),
      Topology.eventQueue(service),
      Topology.deadLetterQueue(service),
      Topology.commandDeadLetterQueue(service),
    ]) {
      await channel.deleteQueue(queue);
    }
    await channel.close();
  } finally {
    await connection.close();
  }
}

/**
 * A throw-away exclusive queue bound to `crm.events` that collects what is published, as a
 * finance system or any other outside consumer would see it.
 */
export class EventProbe {
  readonly messages: ConsumeMessage[] = [];
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async bind(pattern: string, url = testEnv.amqpUrl, exchange: string = Topology.eventsExchange): Promise<EventProbe> {
    const connection = await connect(url);
    const channel = await connection.createChannel();
    await declareSharedTopology(channel);
    const { queue } = await channel.assertQueue('', { exclusive: true, durable: false });
    await channel.bindQueue(queue, exchange, pattern);
    const probe = new EventProbe(connection, channel);
    await channel.consume(queue, (message) => message && probe.messages.push(message), { noAck: true });
    return probe;
  }

  bodies<T = Record<string, unknown>>(): T[] {
    return this.messages.map((message) => JSON.parse(message.content.toString('utf8')) as T);
  }

  async waitFor(predicate: (messages: ConsumeMessage[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline)
        throw new Error(`EventProbe: condition not met within ${timeoutMs} ms (${this.messages.length} messages seen)`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}

/** Reads (and removes) everything in a queue, e.g. a dead-letter queue. */
export async function drainQueue(queue: string, url = testEnv.amqpUrl): Promise<Message[]> {
  const connection = await connect(url);
  const messages: Message[] = [];
  try {
    const channel = await connection.createChannel();
    for (;;) {
      const message = await channel.get(queue, { noAck: true });
      if (!message) break;
      messages.push(message);
    }
    await channel.close();
  } finally {
    await connection.close();
  }
  return messages;
}
