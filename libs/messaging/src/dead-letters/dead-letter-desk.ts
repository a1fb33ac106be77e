import { type Channel, type ConfirmChannel, type GetMessage, connect, type MessagePropertyHeaders } from 'amqplib';
import { MessageHeaders } from '@crm/contracts';
import { Topology } from '../amqp/topology';

/** One dead letter as an operator sees it (`npm run dlq -- show <queue>`). */
export interface DeadLetter {
  messageId: string | null;
  type: string | null;
  /** Why it died: the consumer's reason (`x-dead-letter-reason`), or the broker's (`delivery_limit`, `expired`, …). */
  reason: string;
  /** The queue it died in, where a replay sends it back. */
  source: string | null;
  /** Who dead-lettered it: our consumer (poison, contract breach, domain refusal) or the broker (delivery limit, TTL). */
  by: 'consumer' | 'broker';
  bytes: number;
  /** The first 300 characters of the body, as text. */
  preview: string;
}

export interface DeadLetterQueueDepth {
  queue: string;
  /** `null` when the queue does not exist (the service never started on this broker). */
  messages: number | null;
}

/** What a replay did: the letters sent back to their queue, and how many stayed in the dead-letter queue. */
export interface ReplayOutcome {
  replayed: DeadLetter[];
  kept: number;
}

/** Headers our dead-lettering or the broker's added; a replayed message leaves without them. */
const DEAD_LETTER_HEADERS = [
  MessageHeaders.deadLetterReason,
  MessageHeaders.deadLetterSource,
  'x-original-exchange',
  'x-original-routing-key',
  'x-death',
  'x-first-death-exchange',
  'x-first-death-queue',
  'x-first-death-reason',
  'x-last-death-exchange',
  'x-last-death-queue',
  'x-last-death-reason',
];

export function describeDeadLetter(message: Pick<GetMessage, 'content' | 'properties'>): DeadLetter {
  const headers: MessagePropertyHeaders = message.properties.headers ?? {};
  const ours = headers[MessageHeaders.deadLetterReason];
  const text = message.content.toString('utf8');
  return {
    messageId: (message.properties.messageId as string | undefined) ?? null,
    type: (message.properties.type as string | undefined) ?? null,
    reason: ours !== undefined ? String(ours) : `broker: ${String(headers['x-first-death-reason'] ?? 'unknown')}`,
    source: String(headers[MessageHeaders.deadLetterSource] ?? headers['x-first-death-queue'] ?? '') || null,
    by: ours !== undefined ? 'consumer' : 'broker',
    bytes: message.content.length,
    preview: text.length > 300 ? `${text.slice(0, 300)}…` : text,
  };
}

/**
 * Dead letters are operable (docs/messaging.md "Dead letters"): their depth per queue, each one
 * inspected, and — after the cause is fixed — replayed to the queue it died in, where the inbox
 * makes a replay of something already applied harmless.
 *
 * Reading a quorum queue without consuming would requeue, which counts against a delivery limit;
 * so every pass takes each letter once, publishes it (to the tail of its dead-letter queue when it
 * stays, to its source queue when it is replayed) with a publisher confirm, and only then acks it.
 * A crash in between leaves a duplicate letter, never a lost one. A pass visits the letters that
 * were there when it began, once each; the order within the dead-letter queue is not kept.
 */
export class DeadLetterDesk {
  constructor(private readonly amqpUrl: string) {}

  /** The dead-letter queues of the given services (`<service>.dlq`, `<service>.commands.dlq`) and their depth. */
  async depths(services: readonly string[]): Promise<DeadLetterQueueDepth[]> {
    const depths: DeadLetterQueueDepth[] = [];
    for (const service of services) {
      for (const queue of [Topology.deadLetterQueue(service), Topology.commandDeadLetterQueue(service)]) {
        // A missing queue closes the channel (404): one channel per check.
        const messages = await this.withChannel((channel) => channel.checkQueue(queue)).then(
          ({ messageCount }) => messageCount,
          (error: { code?: number }) => {
            if (error.code === 404) return null;
            throw error;
          },
        );
        depths.push({ queue, messages });
      }
    }
    return depths;
  }

  /** Up to `limit` letters of a dead-letter queue, left in it. */
  async inspect(queue: string, limit = 20): Promise<DeadLetter[]> {
    const seen: DeadLetter[] = [];
    await this.pass(queue, limit, async (message, channel) => {
      seen.push(describeDeadLetter(message));
      await this.publishConfirmed(channel, queue, message, message.properties.headers ?? {});
    });
    return seen;
  }

  /**
   * Sends the selected letters (by message id, or all) back to the queue they died in, without
   * their dead-letter headers; the others stay. A letter without a source queue stays too.
   */
  async replay(queue: string, select: { messageIds: readonly string[] } | 'all'): Promise<ReplayOutcome> {
    const outcome: ReplayOutcome = { replayed: [], kept: 0 };
    await this.pass(queue, Number.POSITIVE_INFINITY, async (message, channel) => {
      const letter = describeDeadLetter(message);
      const chosen = select === 'all' || (letter.messageId !== null && select.messageIds.includes(letter.messageId));
      if (chosen && letter.source) {
        const headers = { ...(message.properties.headers ?? {}) };
        for (const header of DEAD_LETTER_HEADERS) delete headers[header];
        await this.publishConfirmed(channel, letter.source, message, headers);
        outcome.replayed.push(letter);
      } else {
        await this.publishConfirmed(channel, queue, message, message.properties.headers ?? {});
        outcome.kept += 1;
      }
    });
    return outcome;
  }

  /**
   * Takes each letter present at the start once (at most `max`), hands it to `visit`, and acks it
   * after `visit` published it somewhere. A failing `visit` closes the channel: the letter is
   * returned to its queue unacked.
   */
  private pass(queue: string, max: number, visit: (message: GetMessage, channel: ConfirmChannel) => Promise<void>): Promise<void> {
    return this.withChannel(async (channel) => {
      const { messageCount } = await channel.checkQueue(queue);
      for (let taken = 0; taken < Math.min(messageCount, max); taken++) {
        const message = await channel.get(queue, { noAck: false });
        if (!message) return;
        await visit(message, channel);
        channel.ack(message);
      }
    });
  }

  private async publishConfirmed(
    channel: ConfirmChannel,
    queue: string,
    message: GetMessage,
    headers: MessagePropertyHeaders,
  ): Promise<void> {
    channel.sendToQueue(queue, message.content, { ...message.properties, headers, persistent: true });
    await channel.waitForConfirms();
  }

  private async withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const model = await connect(this.amqpUrl, { clientProperties: { connection_name: 'dead-letter-desk' } });
    model.on('error', () => undefined); // the failing call rejects with the same error
    try {
      const channel = await model.createConfirmChannel();
      channel.on('error', () => undefined);
      try {
        return await work(channel);
      } finally {
        await closeQuietly(channel);
      }
    } finally {
      await model.close();
    }
  }
}

async function closeQuietly(channel: Channel): Promise<void> {
  await channel.close().catch(() => undefined);
}
