import { randomUUID } from 'node:crypto';
import type { Message } from 'amqplib';
import { type CardView, LoyaltyOperations as ops, MessageHeaders, PosPurchaseInput, type RecordedPurchase } from '@crm/contracts';
import { Topology } from '@crm/messaging';
import { drainQueue, eventually } from '@crm/testing';
import { LoyaltyHarness, cny, newMember, publishPurchase, purchaseBody, staff } from './support/loyalty-harness';

jest.setTimeout(120_000);

/**
 * API.md "POS input": tills publish the `POST /loyalty/purchases` body to `pos.purchases`, routing key
 * `purchase.completed.<storeId>`. The same LOY-4 handler as the RPC route: same validation, same
 * idempotency on (storeId, transactionId) in the loyalty database — across both doors.
 */
describe('POS purchases over RabbitMQ (integration)', () => {
  let h: LoyaltyHarness;
  const DLQ = Topology.deadLetterQueue('loyalty');
  const dead: Message[] = [];

  beforeAll(async () => {
    h = await LoyaltyHarness.start('loyalty_pos_input');
  });
  afterAll(async () => {
    await h?.close();
  });

  const card = (cardNumber: string) => h.call<CardView>(ops.getCard.pattern, { cardNumber }, staff());
  const purchaseRows = (storeId: string, transactionId: string) =>
    h.sql.query('SELECT points_earned, result FROM loyalty_purchases WHERE store_id = $1 AND transaction_id = $2', [
      storeId,
      transactionId,
    ]);
  async function deadReasons(count: number): Promise<Record<string, string>> {
    await eventually(async () => {
      dead.push(...(await drainQueue(DLQ, h.vhost.url)));
      expect(dead.length).toBeGreaterThanOrEqual(count);
    });
    return Object.fromEntries(
      dead.map((m) => [m.properties.messageId as string, String(m.properties.headers?.[MessageHeaders.deadLetterReason])]),
    );
  }

  it('earns once for a purchase published again and again, and answers the same result when the till then calls HTTP', async () => {
    const { card: issued } = await newMember(h, 'S010');
    const body = purchaseBody({ storeId: 'S010', cardNumber: issued.cardNumber, paid: cny(345_600) });
    await publishPurchase(h.vhost.url, body);
    await publishPurchase(h.vhost.url, body, { messageId: randomUUID() });
    await publishPurchase(h.vhost.url, JSON.stringify(Object.fromEntries(Object.entries(body).reverse())), {
      messageId: randomUUID(),
      routingStoreId: 'S010',
    });
    await eventually(async () => expect((await purchaseRows(body.storeId, body.transactionId)).rowCount).toBe(1));
    await eventually(async () => expect(await card(issued.cardNumber)).toMatchObject({ balance: 34 }));
    const viaHttp = await h.call<RecordedPurchase>(ops.recordPurchase.pattern, body, staff());
    expect(viaHttp.replayed).toBe(true);
    expect(viaHttp.purchase).toEqual((await purchaseRows(body.storeId, body.transactionId)).rows[0].result);
    expect(viaHttp.purchase).toMatchObject({ pointsEarned: 34, balance: 34 });
    const entries = await h.sql.query(`SELECT count(*)::int AS n FROM loyalty_ledger WHERE card_number = $1 AND type = 'earn'`, [
      issued.cardNumber,
    ]);
    expect(entries.rows[0].n).toBe(1);
  });

  it('dead-letters malformed purchases, a store that is not the routing key’s, a conflicting body and a lost card, each with its reason', async () => {
    const { card: issued } = await newMember(h, 'S011');
    const ids = { notJson: randomUUID(), invalid: randomUUID(), otherStore: randomUUID(), conflict: randomUUID(), lost: randomUUID() };
    await publishPurchase(h.vhost.url, '{"storeId": "S011", "transact', { messageId: ids.notJson, routingStoreId: 'S011' });
    await publishPurchase(
      h.vhost.url,
      JSON.stringify({ ...purchaseBody({ storeId: 'S011' }), paid: { amount: -5, currency: 'CNY' }, coupon: 'X' }),
      {
        messageId: ids.invalid,
        routingStoreId: 'S011',
      },
    );
    await publishPurchase(h.vhost.url, purchaseBody({ storeId: 'S012' }), { messageId: ids.otherStore, routingStoreId: 'S011' });
    const original = purchaseBody({ storeId: 'S011', cardNumber: issued.cardNumber });
    await publishPurchase(h.vhost.url, original);
    await eventually(async () => expect((await purchaseRows(original.storeId, original.transactionId)).rowCount).toBe(1));
    await publishPurchase(h.vhost.url, { ...original, paid: cny(999_900) }, { messageId: ids.conflict });
    const lostCard = (await newMember(h, 'S011')).card;
    await h.call(ops.reportLost.pattern, { cardNumber: lostCard.cardNumber }, staff());
    await publishPurchase(h.vhost.url, purchaseBody({ storeId: 'S011', cardNumber: lostCard.cardNumber }), { messageId: ids.lost });

    const reasons = await deadReasons(5);
    expect(reasons[ids.notJson]).toBe('malformed JSON');
    expect(reasons[ids.invalid]).toMatch(/^VALIDATION_FAILED: /);
    expect(reasons[ids.invalid]).toContain('paid.amount: amount must not be less than 0');
    expect(reasons[ids.invalid]).toContain('coupon: property coupon should not exist');
    expect(reasons[ids.otherStore]).toMatch(/^LOYALTY_INVALID_INPUT: storeId: storeId does not match the routing key/);
    expect(reasons[ids.conflict]).toMatch(/^LOYALTY_PURCHASE_CONFLICT: LOY-4: /);
    expect(reasons[ids.lost]).toMatch(/^LOYALTY_RULE_VIOLATION: LOY-8: /);
    for (const message of dead)
      expect(message.properties.headers?.[MessageHeaders.deadLetterSource]).toBe(Topology.inputQueue('loyalty', PosPurchaseInput.name));
    // Nothing of the refused ones was written; the original earned its points once.
    expect(await card(issued.cardNumber)).toMatchObject({ balance: 12 });
    const strays = await h.sql.query(`SELECT count(*)::int AS n FROM loyalty_purchases WHERE store_id = 'S012'`);
    expect(strays.rows[0].n).toBe(0);
  });
});
