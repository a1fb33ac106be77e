import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AmqpConnection, Topology, declareSharedTopology } from '@crm/messaging';
import { LOGGER } from '../gateway.tokens';
import { feedColumnsOf } from './event-feed.policy';

/** The gateway's durable queue for the feed: every event (`#`), one active consumer across replicas. */
export const EVENT_FEED_QUEUE = 'gateway.event-feed';
const PREFETCH = 200;
const MAX_BACKOFF_MS = 30_000;

/**
 * RET-7 event feed, the writing side: consumes every event on `crm.events` from one durable queue with
 * `x-single-active-consumer`, so however many gateway replicas run, exactly one records at a time and
 * in the broker's order. Each envelope is inserted once (unique event id; a redelivery changes
 * nothing) and acknowledged after its insert committed; deliveries are applied one after the other,
 * and a failing insert (database down) is retried in place with back-off, so a later event never
 * overtakes an earlier one. A message that is not an event envelope is logged and dropped from the
 * feed (it was never an event of the suite).
 */
@Injectable()
export class EventFeedRecorder implements OnModuleInit, OnModuleDestroy {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): Promise<void> {
    return this.connection.addSetup((model) => this.setup(model));
  }

  /** Stops retrying; what is not acknowledged yet is redelivered to the next consumer (and recorded once). */
  onModuleDestroy(): void {
    this.stopped = true;
  }

  private async setup(model: ChannelModel): Promise<void> {
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'event feed channel error'));
    await declareSharedTopology(channel);
    await channel.assertQueue(EVENT_FEED_QUEUE, { durable: true, arguments: { 'x-single-active-consumer': true } });
    await channel.bindQueue(EVENT_FEED_QUEUE, Topology.eventsExchange, '#');
    await channel.prefetch(PREFETCH);
    await channel.consume(EVENT_FEED_QUEUE, (message) => {
      if (message) this.chain = this.chain.then(() => this.record(channel, message));
    });
  }

  private async record(channel: Channel, message: ConsumeMessage): Promise<void> {
    let envelope: unknown;
    try {
      envelope = JSON.parse(message.content.toString('utf8'));
    } catch {
      envelope = undefined;
    }
    const columns = feedColumnsOf(envelope);
    if (!columns) {
      this.logger.warn({ messageId: message.properties.messageId }, 'event feed: not an event envelope, not recorded');
      return this.ack(channel, message);
    }
    for (let backoff = 250; !this.stopped; backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)) {
      try {
        await this.dataSource.query(
          `INSERT INTO event_feed (id, type, service, aggregate, envelope) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
          [columns.id, columns.type, columns.service, columns.aggregate, columns.envelope],
        );
        return this.ack(channel, message);
      } catch (error) {
        this.logger.warn({ err: (error as Error).message, backoff }, 'event feed: insert failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  private ack(channel: Channel, message: ConsumeMessage): void {
    try {
      channel.ack(message);
    } catch (error) {
      // The channel closed: the broker redelivers, and the unique id makes the retry harmless.
      this.logger.warn({ err: (error as Error).message }, 'event feed: ack on a closed channel');
    }
  }
}
