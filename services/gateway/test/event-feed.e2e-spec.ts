import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { Topology } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { GatewayHarness, type TestKey } from './support/gateway-harness';

jest.setTimeout(60_000);

/**
 * RET-7 event feed, the gateway side: every envelope on `crm.events` is recorded once, in the order
 * it came, whatever the redeliveries; what is not an envelope is left out; `after` and `types=` page.
 */
describe('event feed (gateway)', () => {
  let harness: GatewayHarness;
  let finance: TestKey;

  beforeAll(async () => {
    harness = await GatewayHarness.start('gw_event_feed');
    finance = await harness.createKey('finance-key', ['finance'], 'confidential');
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function publish(bodies: (object | string)[]): Promise<void> {
    const connection = await connect(harness.vhost.url);
    try {
      const channel = await connection.createConfirmChannel();
      for (const body of bodies) {
        const type = typeof body === 'string' ? 'junk.junk.junk' : (body as { type: string }).type;
        channel.publish(Topology.eventsExchange, type, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), {
          persistent: true,
        });
      }
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  const envelope = (type: string) => ({
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: type.split('.')[0],
    correlationId: randomUUID(),
    data: { n: 1 },
  });

  it('records each event once, in order, and pages with after and types=', async () => {
    const events = [
      envelope('returns.return.requested'),
      envelope('customers.customer.registered'),
      envelope('returns.voucher.posted'),
      envelope('returns.return.approved'),
    ];
    await publish([events[0], events[1], events[0], 'not json', events[2], events[1], events[3]]);
    const read = async (query: string) => (await harness.http().get(`/api/v1/events?${query}`).set(finance.auth).expect(200)).body;
    const all = await eventually(async () => {
      const page = await read('after=0&limit=200');
      expect(page.items).toHaveLength(4);
      return page;
    });
    expect(all.items.map((item: { id: string }) => item.id)).toEqual(events.map((event) => event.id));
    expect(all.items[0]).toMatchObject({ ...events[0], position: expect.any(Number) });
    expect(all.nextCursor).toBeNull();

    const first = await read('types=returns.*&limit=2');
    expect(first.items.map((item: { type: string }) => item.type)).toEqual(['returns.return.requested', 'returns.voucher.posted']);
    expect(first.nextCursor).toBe(String(first.items[1].position));
    const second = await read(`types=returns.*&limit=2&after=${first.nextCursor}`);
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([events[3].id]);
    expect(second.nextCursor).toBeNull();
    const aggregate = await read('types=returns.return.*,customers.customer.registered');
    expect(aggregate.items.map((item: { id: string }) => item.id)).toEqual([events[0].id, events[1].id, events[3].id]);

    await harness
      .http()
      .get('/api/v1/events')
      .set((await harness.createKey('sales-key', ['sales'], 'confidential')).auth)
      .expect(403);
    await harness.http().get('/api/v1/events?after=x').set(finance.auth).expect(400);
  });
});
