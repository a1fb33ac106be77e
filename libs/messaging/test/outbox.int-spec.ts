import { randomUUID } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@crm/contracts';
import { AmqpConnection, OutboxRelay, OutboxWriter, sleep } from '@crm/messaging';
import { metrics, runInContext } from '@crm/observability';
import { EventProbe, type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, eventually } from '@crm/testing';
import { openDataSource, startRpcClient, startTestService, testLogger, type TestService } from './support/test-service';

/**
 * SPEC "Fixed architecture" / STYLE rule 5: an event exists if and only if its transaction
 * committed, and the relay publishes it with publisher confirms, exactly as API.md "Events"
 * describes the message. Real PostgreSQL and RabbitMQ, one database and one vhost for this file.
 */
const SERVICE = 'outboxsvc';
const ENVELOPE_KEYS = ['correlationId', 'data', 'id', 'occurredAt', 'source', 'type', 'version'];

describe('Outbox writer and relay', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let dataSource: DataSource;
  let probe: EventProbe;

  const withId = (id: string) => (m: ConsumeMessage) => m.properties.messageId === id;

  /** A relay of its own (own pool, own broker connection), as another replica would have. */
  async function startRelay(name: string, writer: OutboxWriter, batchSize = 200) {
    const logger = testLogger(name);
    const relayDataSource = await openDataSource(db.name, name);
    const connection = new AmqpConnection({ url: vhost.url, connectionName: name, logger, initialMaxRetries: 2 });
    await connection.connect();
    const relay = new OutboxRelay({ dataSource: relayDataSource, connection, writer, logger, service: SERVICE, pollMs: 10, batchSize });
    relay.start();
    return {
      relay,
      stop: async () => {
        await relay.stop();
        await connection.close();
        await relayDataSource.destroy();
      },
    };
  }

  async function outboxRow(id: string): Promise<{ published_at: Date | null; position: string | null } | undefined> {
    const [row] = await dataSource.query('SELECT published_at, position FROM outbox_messages WHERE id = $1', [id]);
    return row;
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_outbox');
    vhost = await createTestVhost('messaging_outbox');
    dataSource = await openDataSource(db.name, 'outbox-test');
    probe = await EventProbe.bind('test.#', vhost.url);
  });

  afterAll(async () => {
    await probe?.close();
    await dataSource?.destroy();
    await vhost?.delete();
    await db?.drop();
  });

  it('publishes as soon as the writing transaction commits, without waiting for a poll', async () => {
    const writer = new OutboxWriter(SERVICE);
    const logger = testLogger('relay-wake');
    const connection = new AmqpConnection({ url: vhost.url, connectionName: 'relay-wake', logger, initialMaxRetries: 2 });
    await connection.connect();
    // A poll interval far longer than the test: only the after-commit wake can publish in time.
    const relay = new OutboxRelay({ dataSource, connection, writer, logger, service: SERVICE, pollMs: 60_000 });
    relay.start();
    try {
      await sleep(100);
      const envelope = await dataSource.transaction((manager) =>
        writer.record(manager, { type: 'test.order.placed', aggregateId: 'order-wake', data: { orderId: 'order-wake' } }),
      );
      await probe.waitFor((messages) => messages.some(withId(envelope.id)), 2000);
    } finally {
      await relay.stop();
      await connection.close();
    }
  });

  it('notices an event no queue is bound for (mandatory publish) and still marks it published', async () => {
    const unroutable = async () =>
      (await metrics.outboxUnroutable.get()).values.find((v) => v.labels.type === 'nobody.listens.here')?.value ?? 0;
    const before = await unroutable();
    const writer = new OutboxWriter(SERVICE);
    const relay = await startRelay('relay-unroutable', writer);
    try {
      const envelope = await dataSource.transaction((manager) =>
        writer.record(manager, { type: 'nobody.listens.here', aggregateId: 'lonely-1', data: { id: 'lonely-1' } }),
      );
      await eventually(async () => expect((await outboxRow(envelope.id))?.published_at).not.toBeNull());
      await eventually(async () => expect(await unroutable()).toBe(before + 1));
    } finally {
      await relay.stop();
    }
  });

  it('publishes a committed event exactly once, in the API.md envelope and message format', async () => {
    const writer = new OutboxWriter(SERVICE);
    const relay = await startRelay('relay-a', writer);
    try {
      const correlationId = `corr-${randomUUID()}`;
      const envelope = await runInContext({ correlationId }, () =>
        dataSource.transaction((manager) =>
          writer.record(manager, { type: 'test.order.placed', aggregateId: 'order-1', data: { orderId: 'order-1', amount: 120000 } }),
        ),
      );

      await probe.waitFor((messages) => messages.some(withId(envelope.id)));
      // Give the relay several more polls and a forced drain to publish it again if it were going to.
      await relay.relay.drain();
      await sleep(200);
      const received = probe.messages.filter(withId(envelope.id));
      expect(received).toHaveLength(1);
      const [message] = received;

      const body = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
      expect(Object.keys(body).sort()).toEqual(ENVELOPE_KEYS);
      expect(body).toEqual({
        id: envelope.id,
        type: 'test.order.placed',
        version: 1,
        occurredAt: envelope.occurredAt,
        source: SERVICE,
        correlationId,
        data: { orderId: 'order-1', amount: 120000 },
      });
      expect(new Date(body.occurredAt).toISOString()).toBe(body.occurredAt);
      expect(message.fields.exchange).toBe('crm.events');
      expect(message.fields.routingKey).toBe('test.order.placed');
      expect(message.properties.deliveryMode).toBe(2);
      expect(message.properties.contentType).toBe('application/json');
      expect(message.properties.messageId).toBe(envelope.id);
      expect(message.properties.type).toBe('test.order.placed');
      expect(message.properties.headers?.['x-correlation-id']).toBe(correlationId);

      const row = await outboxRow(envelope.id);
      expect(row?.published_at).toBeInstanceOf(Date);
      expect(row?.position).not.toBeNull();
    } finally {
      await relay.stop();
    }
  });

  it('publishes nothing, and keeps no outbox row, for a rolled-back write', async () => {
    const writer = new OutboxWriter(SERVICE);
    const relay = await startRelay('relay-b', writer);
    try {
      let rolledBackId = '';
      await expect(
        dataSource.transaction(async (manager) => {
          rolledBackId = (await writer.record(manager, { type: 'test.order.placed', aggregateId: 'order-2', data: { orderId: 'order-2' } }))
            .id;
          throw new Error('business rule refused the change');
        }),
      ).rejects.toThrow('business rule refused the change');
      // A later committed event is the barrier: once it is out, the relay has been past the other.
      const marker = await dataSource.transaction((manager) =>
        writer.record(manager, { type: 'test.order.placed', aggregateId: 'order-3', data: { orderId: 'order-3' } }),
      );
      await probe.waitFor((messages) => messages.some(withId(marker.id)));
      await relay.relay.drain();
      await sleep(100);

      expect(rolledBackId).not.toBe('');
      expect(probe.messages.filter(withId(rolledBackId))).toEqual([]);
      expect(await outboxRow(rolledBackId)).toBeUndefined();
    } finally {
      await relay.stop();
    }
  });

  it('carries the RPC command’s correlation id to the event its handler records, and rolls back with a refused command', async () => {
    const service: TestService = await startTestService({
      service: SERVICE,
      name: 'svc',
      database: db.name,
      amqpUrl: vhost.url,
      relay: { pollMs: 20 },
    });
    const { client, connection } = await startRpcClient(vhost.url);
    try {
      const correlationId = `corr-${randomUUID()}`;
      const key = `thing-${randomUUID()}`;
      const { eventId } = await client.send<{ eventId: string }>(SERVICE, 'test.thing.create', { key }, { correlationId });
      await probe.waitFor((messages) => messages.some(withId(eventId)));
      const message = probe.messages.find(withId(eventId))!;
      expect(message.properties.headers?.['x-correlation-id']).toBe(correlationId);
      const body = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
      expect(body.correlationId).toBe(correlationId);
      expect(body.data).toEqual({ key });
      expect(typeof body.causationId).toBe('string');

      const refusedKey = `refused-${randomUUID()}`;
      await expect(client.send(SERVICE, 'test.thing.create', { key: refusedKey, fail: true }, { correlationId })).rejects.toMatchObject({
        payload: { kind: 'rule_violation', code: 'TEST_REFUSED', rule: 'TST-1' },
      });
      await service.relay!.drain();
      expect(await dataSource.query('SELECT 1 FROM test_effects WHERE key = $1', [refusedKey])).toEqual([]);
      expect(await dataSource.query(`SELECT 1 FROM outbox_messages WHERE aggregate_id = $1`, [refusedKey])).toEqual([]);
    } finally {
      await client.close();
      await connection.close();
      await service.close();
    }
  });

  it('publishes every event exactly once and in order per aggregate with two relays on one database', async () => {
    const writerA = new OutboxWriter(SERVICE);
    const writerB = new OutboxWriter(SERVICE);
    // Small batches so both relays keep competing for the advisory lock while events arrive.
    const relays = [await startRelay('relay-1', writerA, 3), await startRelay('relay-2', writerB, 3)];
    const aggregates = [`agg-${randomUUID()}`, `agg-${randomUUID()}`];
    const perAggregate = 30;
    try {
      const written: string[] = [];
      for (let n = 0; n < perAggregate; n++) {
        for (const [i, aggregateId] of aggregates.entries()) {
          const writer = n % 2 === 0 ? writerA : writerB;
          const envelope = await dataSource.transaction((manager) =>
            writer.record(manager, { type: 'test.counter.incremented', aggregateId, data: { aggregateId, n } }),
          );
          written.push(envelope.id);
          if (i === 0 && n % 5 === 0) await sleep(5);
        }
      }
      const ours = () => probe.messages.filter((m) => written.includes(m.properties.messageId as string));
      await probe.waitFor(() => ours().length >= written.length, 15_000);
      await Promise.all(relays.map((r) => r.relay.drain()));
      await sleep(200);

      const ids = ours().map((m) => m.properties.messageId as string);
      expect(ids).toHaveLength(written.length);
      expect(new Set(ids).size).toBe(written.length);
      for (const aggregateId of aggregates) {
        const sequence = ours()
          .map((m) => JSON.parse(m.content.toString('utf8')) as EventEnvelope<{ aggregateId: string; n: number }>)
          .filter((e) => e.data.aggregateId === aggregateId)
          .map((e) => e.data.n);
        expect(sequence).toEqual([...Array(perAggregate).keys()]);
      }
      // The event feed's cursor: positions strictly increase in write order.
      const rows: { position: string | null }[] = await dataSource.query(
        'SELECT position FROM outbox_messages WHERE id = ANY($1) ORDER BY seq',
        [written],
      );
      const positions = rows.map((r) => Number(r.position));
      expect(positions.every((p, i) => Number.isInteger(p) && (i === 0 || p > positions[i - 1]))).toBe(true);
    } finally {
      for (const relay of relays) await relay.stop();
    }
  });
});
