import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import type { Client } from 'pg';
import { POS_PURCHASES_EXCHANGE, posPurchaseRoutingKey } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { loyaltySql } from './support/loyalty';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(180_000);

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/**
 * Issue 9 "Done when": a till that retries through a network outage — 50 concurrent identical
 * purchases over HTTP and 25 over RabbitMQ at the same moment, then replays over both — earns
 * exactly once, and every HTTP answer carries the same result (201 once at most, 200 for the rest).
 * The real gateway, loyalty service, PostgreSQL and RabbitMQ.
 */
describe('LOY-4 retry storm over HTTP and RabbitMQ', () => {
  let suite: Suite;
  let pos: ApiKey;
  let sql: Client;

  beforeAll(async () => {
    suite = await startSuite('loyalty_storm', ['loyalty']);
    pos = await suite.createKey('till-S001', ['pos'], 'confidential', { storeId: 'S001', rateLimitPerSecond: 10_000 });
    sql = await loyaltySql('loyalty_storm');
  });

  afterAll(async () => {
    await sql?.end();
    await suite?.close();
  });

  async function publishAll(body: object, copies: number): Promise<void> {
    const connection = await connect(suite.vhost.url);
    try {
      const channel = await connection.createConfirmChannel();
      for (let i = 0; i < copies; i++) {
        // Half carry a message id of their own (a till's new attempt), half none (natural key).
        channel.publish(POS_PURCHASES_EXCHANGE, posPurchaseRoutingKey('S001'), Buffer.from(JSON.stringify(body)), {
          persistent: true,
          contentType: 'application/json',
          ...(i % 2 ? { messageId: randomUUID() } : {}),
        });
      }
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  it('earns exactly once and answers the same result to every HTTP attempt', async () => {
    const phone = '13912345678';
    const http = suite.http();
    await http
      .post('/api/v1/loyalty/purchases')
      .set(pos.auth)
      .send({
        storeId: 'S001',
        transactionId: `Q-${randomUUID()}`,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        phone,
        lines: [{ sku: 'TEA', quantity: 1, unitPrice: cny(150_000) }],
        paid: cny(150_000),
      })
      .expect(201);
    const card = (
      await http
        .post('/api/v1/loyalty/cards')
        .set(pos.auth)
        .send({ phone, name: 'Li Wei', birthday: '1990-05-17', storeId: 'S001' })
        .expect(201)
    ).body.cardNumber as string;

    const body = {
      storeId: 'S001',
      transactionId: `STORM-${randomUUID()}`,
      occurredAt: new Date(Date.now() - 30_000).toISOString(),
      cardNumber: card,
      lines: [{ sku: 'TEA', quantity: 3, unitPrice: cny(123_456) }],
      paid: cny(370_368),
    };
    const post = () => http.post('/api/v1/loyalty/purchases').set(pos.auth).send(body);
    const [responses] = await Promise.all([Promise.all(Array.from({ length: 50 }, post)), publishAll(body, 25)]);
    // Then the till replays after the outage, over both doors.
    await publishAll(body, 10);
    const replays = await Promise.all(Array.from({ length: 10 }, post));
    const all = [...responses, ...replays];

    expect(all.map((r) => r.status).filter((status) => status !== 200 && status !== 201)).toEqual([]);
    expect(all.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    const first = all[0].body;
    expect(first).toEqual({ purchaseId: expect.any(String), pointsEarned: 37, balance: 37, vipEligible: true });
    for (const response of all) expect(response.body).toEqual(first);

    // Every message consumed: the queue is empty and nothing went to the dead letters.
    await eventually(async () => {
      const connection = await connect(suite.vhost.url);
      try {
        const channel = await connection.createChannel();
        expect((await channel.checkQueue('loyalty.pos-purchases')).messageCount).toBe(0);
        expect((await channel.checkQueue('loyalty.dlq')).messageCount).toBe(0);
      } finally {
        await connection.close();
      }
    });
    const earns = await sql.query(
      `SELECT count(*)::int AS n, sum(points)::int AS points FROM loyalty_ledger WHERE card_number = $1 AND type = 'earn'`,
      [card],
    );
    expect(earns.rows[0]).toEqual({ n: 1, points: 37 });
    const purchases = await sql.query(`SELECT count(*)::int AS n FROM loyalty_purchases WHERE transaction_id = $1`, [body.transactionId]);
    expect(purchases.rows[0].n).toBe(1);
    const cardNow = (await http.get(`/api/v1/loyalty/cards/${card}`).set(pos.auth).expect(200)).body;
    expect(cardNow).toMatchObject({ balance: 37, lifetimePoints: 37 });
  });
});
