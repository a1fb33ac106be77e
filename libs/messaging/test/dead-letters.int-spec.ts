import { randomUUID } from 'node:crypto';
import { DeadLetterDesk, Topology } from '@crm/messaging';
import { metrics } from '@crm/observability';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, eventually } from '@crm/testing';
import {
  TestException,
  type TestService,
  effectsFor,
  publishEnvelope,
  publishRaw,
  queueCounts,
  startTestService,
  thingEnvelope,
} from './support/test-service';

/**
 * Dead letters are operable (issue 11; docs/messaging.md "Dead letters"): depth per queue, each
 * letter inspected without being lost, and replayed after a fix to the queue it died in — applied
 * once, even when replayed twice. Real PostgreSQL and RabbitMQ.
 */
jest.setTimeout(60_000);

const SERVICE = 'desk';
const DLQ = Topology.deadLetterQueue(SERVICE);

async function deadLetterGauge(): Promise<number | undefined> {
  const { values } = await metrics.deadLetterDepth.get();
  return values.find((value) => value.labels.queue === DLQ)?.value;
}

describe('DeadLetterDesk (list, inspect, replay)', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let service: TestService;
  let broken = true;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_dead_letters');
    vhost = await createTestVhost('messaging_dead_letters');
    service = await startTestService({
      service: SERVICE,
      name: 'a',
      database: db.name,
      amqpUrl: vhost.url,
      server: { deadLetterGaugeMs: 100 },
      behaviour: {
        beforeApply: (envelope) => {
          if (broken && envelope.data.key.startsWith('needs-fix')) throw new TestException(`not yet: ${envelope.data.key}`);
        },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await vhost?.delete();
    await db?.drop();
  });

  it('lists, inspects without losing, and replays after the fix — once, even replayed twice', async () => {
    const desk = new DeadLetterDesk(vhost.url);
    const first = thingEnvelope({ key: `needs-fix-${randomUUID()}` });
    const second = thingEnvelope({ key: `needs-fix-${randomUUID()}` });
    const garbage = randomUUID();
    await publishEnvelope(vhost.url, first);
    await publishEnvelope(vhost.url, second);
    await publishRaw(vhost.url, { exchange: '', routingKey: Topology.eventQueue(SERVICE) }, '{"not json', { messageId: garbage });
    await eventually(async () => expect(await queueCounts(vhost.url, DLQ)).toMatchObject({ messages: 3 }));

    // OPS-1 metrics: the service samples its dead-letter depth.
    await eventually(async () => expect(await deadLetterGauge()).toBe(3));
    expect(await desk.depths([SERVICE])).toEqual([
      { queue: DLQ, messages: 3 },
      { queue: Topology.commandDeadLetterQueue(SERVICE), messages: 0 },
    ]);
    for (let look = 0; look < 3; look++) {
      const letters = await desk.inspect(DLQ);
      expect(Object.fromEntries(letters.map((letter) => [letter.messageId, letter.reason]))).toEqual({
        [first.id]: `TEST_REFUSED: not yet: ${first.data.key}`,
        [second.id]: `TEST_REFUSED: not yet: ${second.data.key}`,
        [garbage]: 'malformed JSON',
      });
      expect(letters.every((letter) => letter.source === Topology.eventQueue(SERVICE) && letter.by === 'consumer')).toBe(true);
    }
    expect(await desk.inspect(DLQ, 1)).toHaveLength(1);
    expect(await queueCounts(vhost.url, DLQ)).toMatchObject({ messages: 3 }); // looking loses nothing

    broken = false; // the fix
    const one = await desk.replay(DLQ, { messageIds: [first.id] });
    expect(one.replayed.map((letter) => letter.messageId)).toEqual([first.id]);
    expect(one.kept).toBe(2);
    await eventually(async () => expect(await effectsFor(service.dataSource, first.data.key)).toHaveLength(1));

    const all = await desk.replay(DLQ, 'all');
    expect(all.replayed.map((letter) => letter.messageId).sort()).toEqual([second.id, garbage].sort());
    await eventually(async () => expect(await effectsFor(service.dataSource, second.data.key)).toHaveLength(1));
    // Still garbage: it dies again, with its reason; the applied ones are not there.
    await eventually(async () => expect((await desk.inspect(DLQ)).map((letter) => letter.messageId)).toEqual([garbage]));

    await eventually(async () => expect(await deadLetterGauge()).toBe(1));

    // A replay of something already applied (e.g. two operators) changes nothing: the inbox.
    await publishEnvelope(vhost.url, first);
    await eventually(async () => expect(await queueCounts(vhost.url, Topology.eventQueue(SERVICE))).toMatchObject({ messages: 0 }));
    expect(await effectsFor(service.dataSource, first.data.key)).toHaveLength(1);
  });
});
