import { connect, type Channel, type ChannelModel } from 'amqplib';
import request from 'supertest';
import { Topology, declareSharedTopology } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { AsyncApiValidator } from './support/asyncapi';
import { PrismProxy, type Violation, violationsOf } from './support/prism';
import { startSuite, type ApiKey, type Suite } from './support/suite';

jest.setTimeout(120_000);

interface Money {
  amount: number;
  currency: string;
}
interface Envelope {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
interface VoucherData {
  voucherId: string;
  number: string;
  lines: { account: string; debit: Money; credit: Money }[];
  source: { type: string; id: string; number: string };
  total: Money;
}
interface ReceivedData {
  returnId: string;
  lines: { sku: string; receivedQuantity: number; unitPrice: Money }[];
}

/**
 * A finance system outside the suite: its own durable queue bound to `crm.events` with `returns.#`,
 * acknowledging each delivery after "booking" it. It books from the events alone — it never calls
 * the API (RET-7).
 */
class FinanceSystem {
  readonly events: Envelope[] = [];
  /** Ledger: voucher number → lines, booked once per voucher id (at-least-once delivery). */
  readonly ledger = new Map<string, VoucherData>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    readonly queue: string,
  ) {}

  static async bind(url: string, queue: string): Promise<FinanceSystem> {
    const connection = await connect(url);
    const channel = await connection.createChannel();
    await declareSharedTopology(channel);
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, Topology.eventsExchange, 'returns.#');
    const finance = new FinanceSystem(connection, channel, queue);
    await channel.consume(queue, (message) => {
      if (!message) return;
      const envelope = JSON.parse(message.content.toString('utf8')) as Envelope;
      if (!finance.events.some((seen) => seen.id === envelope.id)) {
        finance.events.push(envelope);
        if (envelope.type === 'returns.voucher.posted')
          finance.ledger.set((envelope.data as unknown as VoucherData).voucherId, envelope.data as unknown as VoucherData);
      }
      channel.ack(message);
    });
    return finance;
  }

  of(documentId: string): Envelope[] {
    return this.events.filter((event) => event.data.returnId === documentId || event.data.creditNoteId === documentId);
  }

  voucherFor(documentId: string): VoucherData | undefined {
    return [...this.ledger.values()].find((voucher) => voucher.source.id === documentId);
  }

  async close(): Promise<void> {
    await this.channel.deleteQueue(this.queue).catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}

const sum = (moneys: Money[]) => moneys.reduce((total, money) => total + money.amount, 0);

/**
 * Issue 8 acceptance: complaint → return order (CMP-10 hand-off) → approve (RET-3) → receive (RET-4)
 * → reconcile (RET-5), booked by a finance system from `returns.#` alone; then a direct order with a
 * short receipt → discrepancy, no voucher → resolution → voucher for the accepted quantity. Every
 * event matches docs/asyncapi.yaml and arrives in order per document.
 */
describe('a finance system books returns from the events alone', () => {
  let suite: Suite;
  let finance: FinanceSystem;
  let prism: PrismProxy;
  const walked: { step: string; violations: Violation[] }[] = [];
  const asyncapi = AsyncApiValidator.load();
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('finance_booking', ['customers', 'complaints', 'returns']);
    for (const role of ['service', 'sales', 'manager', 'warehouse', 'finance'] as const) {
      keys[role] = await suite.createKey(`${role}-finance`, [role], 'confidential');
    }
    finance = await FinanceSystem.bind(suite.vhost.url, 'finance-system.bookings');
    prism = await PrismProxy.inFrontOf(suite.url);
  });

  afterAll(async () => {
    await finance?.close();
    await prism?.close();
    await suite?.close();
  });

  /** Every call goes through Prism (proxy mode): the answers must match the OpenAPI document (GW-1). */
  const through = (name: string, call: () => request.Test) => ({
    expect: async (status: number): Promise<request.Response> => {
      const response = await call();
      walked.push({ step: `${name} → ${response.status}`, violations: violationsOf(response.headers) });
      expect({ name, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({
        name,
        status,
        body: undefined,
      });
      return response;
    },
  });
  const post = (path: string, key: ApiKey, body?: object) =>
    through(`POST ${path}`, () => {
      const call = request(prism.url).post(`/api/v1${path}`).set(key.auth);
      return body === undefined ? call : call.send(body);
    });
  const get = (path: string, key: ApiKey) => through(`GET ${path}`, () => request(prism.url).get(`/api/v1${path}`).set(key.auth));

  async function activeCustomer(): Promise<string> {
    const { sales, manager } = keys;
    const id = (await post('/customers', sales, { type: 'retailer', name: 'Tea House', contacts: [] }).expect(201)).body.id as string;
    await post(`/customers/${id}/submit`, sales, { generalSurvey: 'g', fieldSurvey: 'f' }).expect(200);
    await post(`/customers/${id}/approve`, manager).expect(200);
    return id;
  }

  function expectInOrder(documentId: string, types: string[]): void {
    expect(finance.of(documentId).map((event) => event.type)).toEqual(types);
  }

  it('complaint → return order → approve → receive → reconcile: the voucher is booked from the events, balanced', async () => {
    const { service, sales, manager, warehouse } = keys;
    const customerId = await activeCustomer();
    const complaint = (
      await post('/complaints', service, {
        kind: 'complaint',
        channel: 'phone',
        customerId,
        complainant: { name: 'Wang Fang', phone: '+86 138 0013 8000' },
        subject: 'Leaking tea tins',
        description: 'Three of twenty tins arrived with broken seals.',
        category: 'quality',
        product: { orderNo: 'SO-1001', sku: 'TEA-500G', batchNo: 'B-7', shippedAt: '2026-10-01', quantity: 20, defectiveQuantity: 3 },
      }).expect(201)
    ).body;
    await post(`/complaints/${complaint.id}/accept`, service, { severity: 'general' }).expect(200);
    await post(`/complaints/${complaint.id}/assign`, service, { department: 'packing', assignee: 'Zhao Lei' }).expect(200);
    await post(`/complaints/${complaint.id}/findings`, service, {
      rootCause: 'Seal machine mis-set on batch B-7',
      ourFault: true,
      responsibleDepartment: 'packing',
      responsiblePerson: 'Zhao Lei',
      penalty: { amount: { amount: 50_000, currency: 'CNY' }, kpiPoints: 1 },
    }).expect(200);
    await post(`/complaints/${complaint.id}/proposal`, sales, {
      resolution: 'return',
      lines: [{ sku: 'TEA-500G', batchNo: 'B-7', quantity: 3, unitPrice: { amount: 1999, currency: 'CNY' } }],
      purchaseRef: { storeId: 'S-01', transactionId: 'T-1001' },
    }).expect(200);
    await post(`/complaints/${complaint.id}/approve`, manager).expect(200);

    // CMP-10 → RET-1: the order appears, requested, linked to the complaint.
    const order = await eventually(async () => {
      const page = (await get(`/returns?customerId=${customerId}`, sales).expect(200)).body as {
        items: { id: string; complaintId: string; status: string }[];
      };
      expect(page.items).toHaveLength(1);
      return page.items[0];
    }, 20_000);
    expect(order).toMatchObject({ complaintId: complaint.id, status: 'requested' });

    await post(`/returns/${order.id}/approve`, manager).expect(200);
    await post(`/returns/${order.id}/receive`, warehouse, {
      lines: [{ sku: 'TEA-500G', receivedQuantity: 3 }],
      signedBy: 'Zhao Lei',
    }).expect(200);
    const reconciled = (await post(`/returns/${order.id}/reconcile`, keys.finance).expect(200)).body;
    expect(reconciled.status).toBe('reconciled');

    await eventually(() => expect(finance.voucherFor(order.id)).toBeDefined(), 15_000);
    await eventually(() => expect(finance.of(order.id)).toHaveLength(4), 15_000);
    expectInOrder(order.id, [
      'returns.return.requested',
      'returns.return.approved',
      'returns.return.received',
      'returns.return.reconciled',
    ]);

    // Booked from the events alone: debits = credits = Σ received quantity × unit price.
    const voucher = finance.voucherFor(order.id)!;
    const received = finance.of(order.id).find((event) => event.type === 'returns.return.received')!.data as unknown as ReceivedData;
    const expected = sum(received.lines.map((line) => ({ amount: line.receivedQuantity * line.unitPrice.amount, currency: 'CNY' })));
    expect(expected).toBe(3 * 1999);
    expect(sum(voucher.lines.map((line) => line.debit))).toBe(expected);
    expect(sum(voucher.lines.map((line) => line.credit))).toBe(expected);
    expect(voucher.total.amount).toBe(expected);
    expect(voucher.lines.find((line) => line.credit.amount > 0)?.account).toBe('cash'); // a paid POS sale
    expect(voucher).toMatchObject({ number: reconciled.voucherNumber, source: { type: 'return', id: order.id } });
    const reconciledEvent = finance.of(order.id).at(-1)!;
    expect(reconciledEvent.data).toMatchObject({
      complaintId: complaint.id,
      voucherId: voucher.voucherId,
      purchaseRef: { storeId: 'S-01', transactionId: 'T-1001' },
    });
    // The same voucher through the API (finance) equals the booked one.
    const fromApi = (await get(`/vouchers/${voucher.voucherId}`, keys.finance).expect(200)).body;
    expect({ ...fromApi, id: undefined }).toEqual({ ...voucher, voucherId: undefined, id: undefined });
  });

  it('a short receipt ends in discrepancy without a voucher; the resolution books the accepted quantity', async () => {
    const { sales, manager, warehouse } = keys;
    const customerId = await activeCustomer();
    const shippedAt = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const order = (
      await post('/returns', sales, {
        customerId,
        reason: 'Wrong colour delivered',
        handling: 'exchange',
        lines: [
          { sku: 'CUP-RED', quantity: 10, unitPrice: { amount: 1250, currency: 'CNY' }, shippedAt },
          { sku: 'POT-01', quantity: 1, unitPrice: { amount: 8800, currency: 'CNY' }, shippedAt },
        ],
      }).expect(201)
    ).body;
    expect(order.number).toMatch(/^RT-\d{6}-\d{4}$/);
    // CUS-2: a prospect (not yet approved) gets no return order and no credit note.
    const prospect = (await post('/customers', sales, { type: 'retailer', name: 'New Shop', contacts: [] }).expect(201)).body.id as string;
    const refusedReturn = await post('/returns', sales, {
      customerId: prospect,
      reason: 'Wrong colour delivered',
      handling: 'return',
      lines: [{ sku: 'CUP-RED', quantity: 1, unitPrice: { amount: 1250, currency: 'CNY' }, shippedAt }],
    }).expect(422);
    expect(refusedReturn.body).toMatchObject({ rule: 'CUS-2' });
    const refusedNote = await post('/credit-notes', sales, {
      customerId: prospect,
      kind: 'discount',
      amount: { amount: 100, currency: 'CNY' },
      reason: 'Price adjustment',
    }).expect(422);
    expect(refusedNote.body).toMatchObject({ rule: 'CUS-2' });
    await post(`/returns/${order.id}/approve`, manager).expect(200);
    await post(`/returns/${order.id}/receive`, warehouse, {
      lines: [{ sku: 'CUP-RED', receivedQuantity: 6 }],
      signedBy: 'Zhao Lei',
    }).expect(200);
    await post(`/returns/${order.id}/receive`, warehouse, {
      lines: [
        { sku: 'CUP-RED', receivedQuantity: 2 },
        { sku: 'POT-01', receivedQuantity: 1 },
      ],
      signedBy: 'Qian Yu',
    }).expect(200);
    const discrepancy = (await post(`/returns/${order.id}/reconcile`, keys.finance).expect(200)).body;
    expect(discrepancy).toMatchObject({ status: 'discrepancy', voucherId: null });
    await eventually(() => expect(finance.of(order.id).map((event) => event.type)).toContain('returns.return.discrepancy'), 15_000);
    expect(finance.voucherFor(order.id)).toBeUndefined();

    const refused = await post(`/returns/${order.id}/resolve-discrepancy`, keys.finance, {
      lines: [
        { sku: 'CUP-RED', acceptedQuantity: 10 },
        { sku: 'POT-01', acceptedQuantity: 1 },
      ],
      note: 'accept all',
    }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'RET-5' });
    const resolved = (
      await post(`/returns/${order.id}/resolve-discrepancy`, keys.finance, {
        lines: [
          { sku: 'CUP-RED', acceptedQuantity: 7 },
          { sku: 'POT-01', acceptedQuantity: 1 },
        ],
        note: 'one cup arrived broken; not credited',
      }).expect(200)
    ).body;
    expect(resolved.status).toBe('reconciled');

    await eventually(() => expect(finance.voucherFor(order.id)).toBeDefined(), 15_000);
    await eventually(() => expect(finance.of(order.id)).toHaveLength(6), 15_000);
    expectInOrder(order.id, [
      'returns.return.requested',
      'returns.return.approved',
      'returns.return.received',
      'returns.return.received',
      'returns.return.discrepancy',
      'returns.return.reconciled',
    ]);
    const voucher = finance.voucherFor(order.id)!;
    const accepted = 7 * 1250 + 1 * 8800;
    expect(sum(voucher.lines.map((line) => line.debit))).toBe(accepted);
    expect(sum(voucher.lines.map((line) => line.credit))).toBe(accepted);
    expect(voucher.lines.find((line) => line.credit.amount > 0)?.account).toBe('accounts_receivable');
  });

  it('reading the feed from position 0 gives the same events with the same ids, in the same order', async () => {
    async function readFeed(types?: string): Promise<{ position: number; id: string; type: string }[]> {
      const items: { position: number; id: string; type: string }[] = [];
      let after = 0;
      for (;;) {
        const query = `/events?after=${after}&limit=7${types ? `&types=${types}` : ''}`;
        const page = (await get(query, keys.finance).expect(200)).body as { items: typeof items; nextCursor: string | null };
        items.push(...page.items);
        if (page.nextCursor === null) return items;
        after = Number(page.nextCursor);
      }
    }
    const returnsFeed = await eventually(async () => {
      const feed = await readFeed('returns.*');
      expect(feed).toHaveLength(finance.events.length);
      return feed;
    }, 15_000);
    expect(returnsFeed.map((item) => item.id)).toEqual(finance.events.map((event) => event.id));
    const everything = await readFeed();
    expect(everything.some((item) => item.type.startsWith('complaints.'))).toBe(true);
    const positions = everything.map((item) => item.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(everything.filter((item) => item.type.startsWith('returns.')).map((item) => item.id)).toEqual(
      returnsFeed.map((item) => item.id),
    );
    await get('/events?types=returns.*', keys.sales).expect(403);
    await get('/events?types=returns;1', keys.finance).expect(400);
  });

  it('every answer matched the OpenAPI document (no response violation in Prism)', () => {
    expect(walked.length).toBeGreaterThan(20);
    const responseViolations = walked.flatMap(({ step, violations }) =>
      violations.filter((violation) => violation.location[0] !== 'request').map((violation) => ({ step, ...violation })),
    );
    expect(responseViolations).toEqual([]);
    // The invalid requests sent on purpose were seen as invalid by the document too.
    expect(walked.some(({ violations }) => violations.some((violation) => violation.location[0] === 'request'))).toBe(true);
  });

  it('every event matches its message in docs/asyncapi.yaml', () => {
    expect(finance.events.length).toBeGreaterThanOrEqual(12);
    expect(finance.events.flatMap((event) => asyncapi.errors(event))).toEqual([]);
    // … and the check can fail: a voucher without its total, an unknown type.
    const voucher = finance.events.find((event) => event.type === 'returns.voucher.posted')!;
    expect(asyncapi.errors({ ...voucher, data: { ...voucher.data, total: undefined } })).not.toEqual([]);
    expect(asyncapi.errors({ ...voucher, type: 'returns.voucher.changed' })).not.toEqual([]);
  });
});
