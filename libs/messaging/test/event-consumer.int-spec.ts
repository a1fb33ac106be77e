import { randomUUID } from 'node:crypto';
import type { Message } from 'amqplib';
import { MessageHeaders } from '@crm/contracts';
import { Topology } from '@crm/messaging';
import { metrics } from '@crm/observability';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, drainQueue, eventually } from '@crm/testing';
import {
  type TestService,
  effectsFor,
  gate,
  publishEnvelope,
  publishRaw,
  queueCounts,
  startTestService,
  THING_UNCONTRACTED,
  thingEnvelope,
} from './support/test-service';

/**
 * SPEC "Fixed architecture": every consumer is idempotent (inbox), a consumer that dies before
 * committing gets the message again, and a message that keeps failing goes to the dead-letter
 * queue — never dropped, never retried forever, never blocking the queue. Real PostgreSQL and
 * RabbitMQ, one database and one vhost for this file.
 */
const SERVICE = 'consumer';
const EVENTS_QUEUE = Topology.eventQueue(SERVICE);
const DLQ = Topology.deadLetterQueue(SERVICE);

describe('AmqpServer event consumer (inbox, redelivery, dead-letter)', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  const services: TestService[] = [];

  async function start(name: string, extra: Partial<Parameters<typeof startTestService>[0]> = {}): Promise<TestService> {
    const service = await startTestService({ service: SERVICE, name, database: db.name, amqpUrl: vhost.url, ...extra });
    services.push(service);
    return service;
  }

  async function redeliveries(): Promise<number> {
    const { values } = await metrics.messagesRedelivered.get();
    return values.filter((v) => v.labels.queue === EVENTS_QUEUE).reduce((sum, v) => sum + v.value, 0);
  }

  async function outcomeCount(outcome: string): Promise<number> {
    const { values } = await metrics.eventsConsumed.get();
    return values.filter((v) => v.labels.outcome === outcome).reduce((sum, v) => sum + v.value, 0);
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_consumer');
    vhost = await createTestVhost('messaging_consumer');
  });

  afterEach(async () => {
    for (const service of services.splice(0)) await service.close();
  });

  afterAll(async () => {
    await vhost?.delete();
    await db?.drop();
  });

  it('applies an event once when the same event id is delivered twice (inbox)', async () => {
    const service = await start('a');
    const envelope = thingEnvelope({ key: `dup-${randomUUID()}` });
    const duplicatesBefore = await outcomeCount('duplicate');

    await publishEnvelope(vhost.url, envelope);
    await eventually(async () => expect(await effectsFor(service.dataSource, envelope.data.key)).toHaveLength(1));
    await publishEnvelope(vhost.url, { ...envelope, occurredAt: new Date().toISOString() });
    await eventually(async () => expect(await outcomeCount('duplicate')).toBe(duplicatesBefore + 1));

    const effects = await effectsFor(service.dataSource, envelope.data.key);
    expect(effects).toEqual([{ event_id: envelope.id, applied_by: 'a', correlation_id: envelope.correlationId }]);
    const inbox = await service.dataSource.query('SELECT consumer, type FROM inbox_messages WHERE message_id = $1', [envelope.id]);
    expect(inbox).toEqual([{ consumer: SERVICE, type: envelope.type }]);
    expect(await queueCounts(vhost.url, EVENTS_QUEUE)).toMatchObject({ messages: 0 });
  });

  it('redelivers to another replica when the consumer dies before committing, and applies once', async () => {
    const blocked = gate();
    const entered = gate();
    const a = await start('a', {
      behaviour: {
        beforeApply: async () => {
          entered.open();
          await blocked.wait;
        },
      },
    });
    const envelope = thingEnvelope({ key: `crash-${randomUUID()}` });
    const redeliveredBefore = await redeliveries();
    await publishEnvelope(vhost.url, envelope);
    await entered.wait;

    // A second replica joins while `a` holds the delivery unacked (and its inbox row uncommitted).
    const b = await start('b');
    // `a` dies: its broker connection goes away without an ack, then its transaction rolls back.
    await a.connection.close();
    blocked.fail(new Error('process died'));

    await eventually(async () => expect(await effectsFor(b.dataSource, envelope.data.key)).toHaveLength(1));
    await eventually(async () => expect(await queueCounts(vhost.url, EVENTS_QUEUE)).toMatchObject({ messages: 0 }));
    const effects = await effectsFor(b.dataSource, envelope.data.key);
    expect(effects).toEqual([{ event_id: envelope.id, applied_by: 'b', correlation_id: envelope.correlationId }]);
    const [{ count }] = await b.dataSource.query('SELECT count(*)::int AS count FROM inbox_messages WHERE message_id = $1', [envelope.id]);
    expect(count).toBe(1);
    // The dying replica must not have dead-lettered a message it could no longer ack.
    expect(await drainQueue(DLQ, vhost.url)).toEqual([]);
    // OPS-1 metrics: the broker's second delivery is counted as a redelivery.
    expect(await redeliveries()).toBeGreaterThan(redeliveredBefore);
  });

  it('dead-letters poison messages with a reason and keeps the queue flowing', async () => {
    const service = await start('a');
    const direct = { exchange: '', routingKey: EVENTS_QUEUE };
    const notJson = randomUUID();
    const notEnvelope = randomUUID();
    const noHandler = thingEnvelope({ key: `nohandler-${randomUUID()}` }, { type: 'test.nobody.listens' });
    const refused = thingEnvelope({ key: `poison-${randomUUID()}`, poison: true });
    const good = thingEnvelope({ key: `good-${randomUUID()}` });

    await publishRaw(vhost.url, direct, '{"id": "oops', { messageId: notJson });
    await publishRaw(vhost.url, direct, JSON.stringify({ hello: 'world' }), { messageId: notEnvelope });
    await publishRaw(vhost.url, direct, JSON.stringify(noHandler), { messageId: noHandler.id, type: noHandler.type });
    await publishEnvelope(vhost.url, refused);
    await publishEnvelope(vhost.url, good);

    await eventually(async () => expect(await effectsFor(service.dataSource, good.data.key)).toHaveLength(1));
    const dead: Message[] = [];
    await eventually(async () => {
      dead.push(...(await drainQueue(DLQ, vhost.url)));
      expect(dead).toHaveLength(4);
    });
    const reasons = Object.fromEntries(
      dead.map((m) => [m.properties.messageId as string, String(m.properties.headers?.[MessageHeaders.deadLetterReason])]),
    );
    expect(reasons).toEqual({
      [notJson]: 'malformed JSON',
      [notEnvelope]: 'not an event envelope (id, type and data are required)',
      [noHandler.id]: 'No handler for "test.nobody.listens"',
      [refused.id]: `TEST_REFUSED: poison ${refused.data.key}`,
    });
    for (const message of dead) {
      expect(message.properties.headers?.[MessageHeaders.deadLetterSource]).toBe(EVENTS_QUEUE);
      expect(message.properties.deliveryMode).toBe(2);
    }
    // The original bytes are kept, so an operator can fix and replay them.
    expect(dead.find((m) => m.properties.messageId === notJson)!.content.toString()).toBe('{"id": "oops');
    // The refused event's effect and inbox row rolled back together: a replay after a fix applies it.
    expect(await effectsFor(service.dataSource, refused.data.key)).toEqual([]);
    expect(await service.dataSource.query('SELECT 1 FROM inbox_messages WHERE message_id = $1', [refused.id])).toEqual([]);
    expect(await queueCounts(vhost.url, EVENTS_QUEUE)).toMatchObject({ messages: 0 });
  });

  it("validates data against its type's contract before the handler: a breach is dead-lettered naming the field", async () => {
    const seen: string[] = [];
    const service = await start('a', { behaviour: { beforeApply: (envelope) => void seen.push(envelope.id) } });
    const tooLong = thingEnvelope({ key: 'k'.repeat(201) });
    const wrongTypes = thingEnvelope({ key: 42, poison: 'yes' } as unknown as { key: string });
    const uncontracted = thingEnvelope({ key: `uncontracted-${randomUUID()}` }, { type: THING_UNCONTRACTED });
    const extra = thingEnvelope({ key: `extra-${randomUUID()}`, addedLater: 'v2 field' } as unknown as { key: string });
    const good = thingEnvelope({ key: `valid-${randomUUID()}` });

    for (const envelope of [tooLong, wrongTypes, uncontracted, extra, good]) await publishEnvelope(vhost.url, envelope);

    await eventually(async () => expect(await effectsFor(service.dataSource, good.data.key)).toHaveLength(1));
    const dead: Message[] = [];
    await eventually(async () => {
      dead.push(...(await drainQueue(DLQ, vhost.url)));
      expect(dead).toHaveLength(3);
    });
    const reasons = Object.fromEntries(
      dead.map((m) => [m.properties.messageId as string, String(m.properties.headers?.[MessageHeaders.deadLetterReason])]),
    );
    expect(reasons).toEqual({
      [tooLong.id]: 'VALIDATION_FAILED: data.key: key must be shorter than or equal to 200 characters',
      [wrongTypes.id]: expect.stringMatching(/^VALIDATION_FAILED: /),
      [uncontracted.id]: `no data contract for event type "${THING_UNCONTRACTED}" (libs/contracts)`,
    });
    expect(reasons[wrongTypes.id]).toContain('data.key: key must be a string');
    expect(reasons[wrongTypes.id]).toContain('data.poison: poison must be a boolean value');
    // Dead-lettered as published, for an operator to fix and replay.
    expect(JSON.parse(dead.find((m) => m.properties.messageId === wrongTypes.id)!.content.toString())).toEqual(wrongTypes);
    // The handler never saw a breach, and nothing of them reached the inbox.
    expect(seen.sort()).toEqual([extra.id, good.id].sort());
    for (const envelope of [tooLong, wrongTypes, uncontracted]) {
      expect(await service.dataSource.query('SELECT 1 FROM inbox_messages WHERE message_id = $1', [envelope.id])).toEqual([]);
    }
    expect(await effectsFor(service.dataSource, uncontracted.data.key)).toEqual([]);
    // A field the contract does not know (a producer added it, API.md) is stripped, not refused.
    await eventually(async () => expect(await effectsFor(service.dataSource, extra.data.key)).toHaveLength(1));
    expect(await queueCounts(vhost.url, EVENTS_QUEUE)).toMatchObject({ messages: 0 });
  });

  it('retries a transient failure with back-off and applies it once, without dead-lettering', async () => {
    const failures = 3;
    const attempts: number[] = [];
    const service = await start('a', {
      server: { retryBaseMs: 40, retryMaxMs: 1000 },
      behaviour: {
        beforeApply: (envelope) => {
          if (!envelope.data.key.startsWith('transient-')) return;
          attempts.push(Date.now());
          // SQLSTATE 40001 (serialization failure): isTransientDatabaseError says "try again".
          if (attempts.length <= failures) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
        },
      },
    });
    const envelope = thingEnvelope({ key: `transient-${randomUUID()}` });
    await publishEnvelope(vhost.url, envelope);

    await eventually(async () => expect(await effectsFor(service.dataSource, envelope.data.key)).toHaveLength(1));
    expect(attempts).toHaveLength(failures + 1);
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]);
    // 40, 80, 160 ms: each wait at least the back-off (timers never fire early), and growing.
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    expect(await effectsFor(service.dataSource, envelope.data.key)).toHaveLength(1);
    expect(await drainQueue(DLQ, vhost.url)).toEqual([]);
    expect(await queueCounts(vhost.url, EVENTS_QUEUE)).toMatchObject({ messages: 0 });
  });
});
