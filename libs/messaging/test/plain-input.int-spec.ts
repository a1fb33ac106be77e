import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Message } from 'amqplib';
import { MessageHeaders, type PosPurchaseMessage, posPurchaseRoutingKey } from '@crm/contracts';
import { DELIVERY_LIMIT, Topology } from '@crm/messaging';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, drainQueue, eventually } from '@crm/testing';
import {
  TEST_POS_EXCHANGE,
  TEST_POS_INPUT,
  type TestService,
  effectsFor,
  publishRaw,
  purchaseKey,
  queueCounts,
  startTestService,
} from './support/test-service';

/**
 * Plain command input (API.md "POS input"): a till publishes the raw `POST /loyalty/purchases`
 * body — no event envelope — to a topic exchange. The transport applies it like an event: inbox,
 * ack after commit, poison to the DLQ with the reason, transient failures retried in place. Real
 * PostgreSQL and RabbitMQ, one database and one vhost for this file.
 */
const SERVICE = 'pos_consumer';
const INPUT_QUEUE = Topology.inputQueue(SERVICE, TEST_POS_INPUT.name);
const DLQ = Topology.deadLetterQueue(SERVICE);

function purchase(overrides: Partial<PosPurchaseMessage> = {}): PosPurchaseMessage {
  return {
    storeId: 'S001',
    transactionId: `T-${randomUUID()}`,
    occurredAt: '2026-11-03T08:15:00Z',
    phone: '+86 138 0013 8000',
    lines: [{ sku: 'TEA-001', quantity: 2, unitPrice: { amount: 60_000, currency: 'CNY' }, promo: false }],
    paid: { amount: 120_000, currency: 'CNY' },
    ...overrides,
  };
}

describe('AmqpServer plain command input (POS purchases on a bound exchange)', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  const services: TestService[] = [];

  async function start(name: string, extra: Partial<Parameters<typeof startTestService>[0]> = {}): Promise<TestService> {
    const service = await startTestService({ service: SERVICE, name, database: db.name, amqpUrl: vhost.url, ...extra });
    services.push(service);
    return service;
  }

  /** As a till does it: to the exchange, routing key `purchase.completed.<storeId>`. */
  function publishPurchase(body: PosPurchaseMessage | string, properties: { messageId?: string; headers?: Record<string, string> } = {}) {
    const storeId = typeof body === 'string' ? 'S001' : body.storeId;
    const content = typeof body === 'string' ? body : JSON.stringify(body);
    return publishRaw(vhost.url, { exchange: TEST_POS_EXCHANGE, routingKey: posPurchaseRoutingKey(storeId) }, content, {
      contentType: 'application/json',
      ...properties,
    });
  }

  async function inboxRows(service: TestService, messageId: string): Promise<{ consumer: string; type: string }[]> {
    return service.dataSource.query('SELECT consumer, type FROM inbox_messages WHERE message_id = $1', [messageId]);
  }

  /** What the broker itself says (rabbitmqctl), not what our code believes it declared. */
  async function brokerList<T>(what: 'queues' | 'bindings', columns: string[]): Promise<T[]> {
    const { stdout } = await promisify(execFile)('rabbitmqctl', [`list_${what}`, '-p', vhost.name, ...columns, '--formatter', 'json'], {
      timeout: 30_000,
    });
    return JSON.parse(stdout) as T[];
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_plain_input');
    vhost = await createTestVhost('messaging_plain_input');
  });

  afterEach(async () => {
    for (const service of services.splice(0)) await service.close();
  });

  afterAll(async () => {
    await vhost?.delete();
    await db?.drop();
  });

  it('declares the input queue like the event queue: quorum, delivery limit, dead letters to the service DLQ', async () => {
    await start('a');
    const queues = await brokerList<{ name: string; type: string; durable: boolean; arguments: unknown }>('queues', [
      'name',
      'type',
      'durable',
      'arguments',
    ]);
    const queue = queues.find((q) => q.name === INPUT_QUEUE);
    expect(queue).toMatchObject({ type: 'quorum', durable: true });
    // rabbitmqctl lists arguments as [name, AMQP type, value] triples.
    const args = Array.isArray(queue!.arguments)
      ? Object.fromEntries((queue!.arguments as [string, string, unknown][]).map(([name, , value]) => [name, value]))
      : queue!.arguments;
    expect(args).toMatchObject({
      'x-queue-type': 'quorum',
      'x-delivery-limit': DELIVERY_LIMIT,
      'x-dead-letter-exchange': Topology.deadLetterExchange,
      'x-dead-letter-routing-key': INPUT_QUEUE,
      'x-dead-letter-strategy': 'at-least-once',
    });
    const bindings = await brokerList<{ source_name: string; destination_name: string; routing_key: string }>('bindings', [
      'source_name',
      'destination_name',
      'routing_key',
    ]);
    expect(bindings).toEqual(
      expect.arrayContaining([
        { source_name: TEST_POS_EXCHANGE, destination_name: INPUT_QUEUE, routing_key: TEST_POS_INPUT.bindingKey },
        { source_name: Topology.deadLetterExchange, destination_name: DLQ, routing_key: INPUT_QUEUE },
      ]),
    );
    // The input's pattern is not an event type: nothing binds it to crm.events.
    expect(bindings.filter((b) => b.source_name === Topology.eventsExchange).map((b) => b.routing_key)).not.toContain(
      TEST_POS_INPUT.pattern,
    );
  });

  it('applies a purchase once when published twice with the same message_id, and once by its natural key without one', async () => {
    const service = await start('a');
    const withId = purchase();
    const messageId = randomUUID();
    const correlationId = randomUUID();

    await publishPurchase(withId, { messageId, headers: { [MessageHeaders.correlationId]: correlationId } });
    await publishPurchase(withId, { messageId });
    const withoutId = purchase({ storeId: 'S002' });
    await publishPurchase(withoutId);
    await publishPurchase(withoutId);
    // A marker published last: once it is applied, every earlier copy has been consumed too.
    const marker = purchase();
    await publishPurchase(marker);

    await eventually(async () => expect(await effectsFor(service.dataSource, purchaseKey(marker))).toHaveLength(1));
    await eventually(async () => expect(await queueCounts(vhost.url, INPUT_QUEUE)).toMatchObject({ messages: 0 }));
    expect(await effectsFor(service.dataSource, purchaseKey(withId))).toEqual([
      { event_id: messageId, applied_by: 'a', correlation_id: correlationId },
    ]);
    const naturalKey = `key:${JSON.stringify([withoutId.storeId, withoutId.transactionId])}`;
    // Without a correlation header the message's own id follows the work.
    expect(await effectsFor(service.dataSource, purchaseKey(withoutId))).toEqual([
      { event_id: naturalKey, applied_by: 'a', correlation_id: naturalKey },
    ]);
    expect(await inboxRows(service, messageId)).toEqual([{ consumer: INPUT_QUEUE, type: TEST_POS_INPUT.pattern }]);
    expect(await inboxRows(service, naturalKey)).toEqual([{ consumer: INPUT_QUEUE, type: TEST_POS_INPUT.pattern }]);
    expect(await drainQueue(DLQ, vhost.url)).toEqual([]);
  });

  it('dead-letters malformed purchases with their reason without calling the handler, and keeps flowing', async () => {
    const called: string[] = [];
    const service = await start('a', { behaviour: { beforeInput: (body) => void called.push(body.transactionId) } });
    const notJson = randomUUID();
    const notObject = randomUUID();
    const invalid = randomUUID();
    const unknownField = randomUUID();
    const badPhone = randomUUID();
    const good = purchase();

    await publishPurchase('{"storeId": "S001", "transactionId', { messageId: notJson });
    await publishPurchase('[1, 2]', { messageId: notObject });
    await publishPurchase(
      purchase({
        transactionId: '',
        occurredAt: '2026-11-03 08:15',
        lines: [{ sku: 'TEA-001', quantity: 0, unitPrice: { amount: 1.5, currency: 'CNY' } }],
        paid: { amount: 1_000_000_000_001, currency: 'cny' },
      }),
      { messageId: invalid },
    );
    await publishPurchase(JSON.stringify({ ...purchase(), coupon: 'FREE' }), { messageId: unknownField });
    await publishPurchase(purchase({ phone: '12-34' }), { messageId: badPhone });
    await publishPurchase(good);

    await eventually(async () => expect(await effectsFor(service.dataSource, purchaseKey(good))).toHaveLength(1));
    const dead: Message[] = [];
    await eventually(async () => {
      dead.push(...(await drainQueue(DLQ, vhost.url)));
      expect(dead).toHaveLength(5);
    });
    const reasons = Object.fromEntries(
      dead.map((m) => [m.properties.messageId as string, String(m.properties.headers?.[MessageHeaders.deadLetterReason])]),
    );
    expect(reasons[notJson]).toBe('malformed JSON');
    expect(reasons[notObject]).toBe('body is not a JSON object');
    expect(reasons[invalid]).toMatch(/^VALIDATION_FAILED: /);
    for (const field of ['transactionId', 'occurredAt', 'lines.0.quantity', 'lines.0.unitPrice.amount', 'paid.amount', 'paid.currency']) {
      expect(reasons[invalid]).toContain(`${field}: `);
    }
    expect(reasons[unknownField]).toBe('VALIDATION_FAILED: coupon: property coupon should not exist');
    expect(reasons[badPhone]).toMatch(/^VALIDATION_FAILED: phone: phone must be /);
    for (const message of dead) {
      expect(message.properties.headers?.[MessageHeaders.deadLetterSource]).toBe(INPUT_QUEUE);
      expect(message.properties.headers?.['x-original-exchange']).toBe(TEST_POS_EXCHANGE);
      expect(message.properties.deliveryMode).toBe(2);
    }
    // The original bytes are kept, so an operator can fix and replay them.
    expect(dead.find((m) => m.properties.messageId === notJson)!.content.toString()).toBe('{"storeId": "S001", "transactionId');
    expect(called).toEqual([good.transactionId]);
    for (const id of [notJson, notObject, invalid, unknownField, badPhone]) expect(await inboxRows(service, id)).toEqual([]);
    expect(await queueCounts(vhost.url, INPUT_QUEUE)).toMatchObject({ messages: 0 });
  });

  it('retries a transient failure in place and applies the purchase once, without dead-lettering', async () => {
    let attempts = 0;
    const service = await start('a', {
      behaviour: {
        beforeInput: () => {
          attempts += 1;
          // SQLSTATE 57P01 (admin shutdown): the database is restarting — try again.
          if (attempts <= 2) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        },
      },
    });
    const body = purchase();
    await publishPurchase(body);

    await eventually(async () => expect(await effectsFor(service.dataSource, purchaseKey(body))).toHaveLength(1));
    expect(attempts).toBe(3);
    expect(await drainQueue(DLQ, vhost.url)).toEqual([]);
    expect(await queueCounts(vhost.url, INPUT_QUEUE)).toMatchObject({ messages: 0 });
  });

  it('does not let an envelope on the event queue reach the input handler', async () => {
    const called: string[] = [];
    const service = await start('a', { behaviour: { beforeInput: (body) => void called.push(body.transactionId) } });
    const body = purchase();
    const id = randomUUID();
    const envelope = {
      id,
      type: TEST_POS_INPUT.pattern,
      version: 1,
      occurredAt: body.occurredAt,
      source: 'x',
      correlationId: id,
      data: body,
    };
    await publishRaw(vhost.url, { exchange: '', routingKey: Topology.eventQueue(SERVICE) }, JSON.stringify(envelope), { messageId: id });

    const dead: Message[] = [];
    await eventually(async () => {
      dead.push(...(await drainQueue(DLQ, vhost.url)));
      expect(dead).toHaveLength(1);
    });
    expect(String(dead[0].properties.headers?.[MessageHeaders.deadLetterReason])).toBe(`No handler for "${TEST_POS_INPUT.pattern}"`);
    expect(called).toEqual([]);
    expect(await effectsFor(service.dataSource, purchaseKey(body))).toEqual([]);
  });
});
