import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { EventProbe, eventually } from '@crm/testing';
import { PrismProxy, PrismWalk } from './support/prism';
import { loyaltySql, publishReturnReceived } from './support/loyalty';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(180_000);

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Issue 9, the acceptance walk of VIP loyalty through the gateway (real loyalty service, PostgreSQL,
 * RabbitMQ) with Stoplight Prism in proxy mode in front: every answer must match the OpenAPI
 * document (GW-1). A store sale makes a VIP (LOY-1/2), member prices (LOY-3), earning and its
 * replay (LOY-4), a reward (LOY-5), a return claws points back (LOY-6), the card lost and replaced
 * (LOY-8), another card expires and is renewed (LOY-7), the ledger (LOY-9), the report (LOY-10).
 */
describe('loyalty walk through the gateway (Prism proxy)', () => {
  let suite: Suite;
  let prism: PrismProxy;
  let probe: EventProbe;
  let sql: Client;
  let walk: PrismWalk;
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('loyalty_walk', ['loyalty']);
    keys.till = await suite.createKey('till-S001', ['pos'], 'confidential', { storeId: 'S001' });
    keys.otherTill = await suite.createKey('till-S002', ['pos'], 'confidential', { storeId: 'S002' });
    for (const role of ['service', 'manager', 'executive', 'warehouse'] as const)
      keys[role] = await suite.createKey(`${role}-loyalty`, [role]);
    probe = await EventProbe.bind('loyalty.#', suite.vhost.url);
    sql = await loyaltySql('loyalty_walk');
    prism = await PrismProxy.inFrontOf(suite.url);
    walk = new PrismWalk(prism.url);
  });

  afterAll(async () => {
    await sql?.end();
    await probe?.close();
    await prism?.close();
    await suite?.close();
  });

  const step: PrismWalk['step'] = (name, spec) => walk.step(name, spec);

  it('walks a member from the first sale to clawback, loss, renewal and the report, with zero response violations', async () => {
    const { till, otherTill, service, manager, executive, warehouse } = keys;
    const phone = '+86 137 1234 5678';
    const sale = {
      storeId: 'S001',
      transactionId: `T-${randomUUID()}`,
      occurredAt: ago(3600_000),
      phone,
      lines: [{ sku: 'TEA-GIFT', quantity: 1, unitPrice: cny(128_000) }],
      paid: cny(120_000),
    };
    // LOY-1: a sale of 1,200.00 paid makes the shopper eligible.
    const first = (await step('store sale', { method: 'post', path: '/loyalty/purchases', key: till, body: sale, status: 201 })).body;
    expect(first).toEqual({ purchaseId: expect.any(String), pointsEarned: 0, vipEligible: true });
    expect((await step('sale replayed', { method: 'post', path: '/loyalty/purchases', key: till, body: sale, status: 200 })).body).toEqual(
      first,
    );
    const conflict = await step('same ids, other body', {
      method: 'post',
      path: '/loyalty/purchases',
      key: till,
      body: { ...sale, paid: cny(1) },
      status: 409,
    });
    expect(conflict.body).toMatchObject({ rule: 'LOY-4' });
    await step('other store’s till', { method: 'post', path: '/loyalty/purchases', key: otherTill, body: sale, status: 403 });
    await step('warehouse key', { method: 'post', path: '/loyalty/purchases', key: warehouse, body: sale, status: 403 });
    await step('invalid sale', { method: 'post', path: '/loyalty/purchases', key: till, body: { ...sale, lines: [] }, status: 400 });

    // LOY-2
    const form = { phone: '13712345678', name: 'Chen Jing', birthday: '1988-04-12', storeId: 'S001' };
    const refused = await step('card for a shopper who does not qualify', {
      method: 'post',
      path: '/loyalty/cards',
      key: till,
      body: { ...form, phone: '13700000000' },
      status: 422,
    });
    expect(refused.body).toMatchObject({ rule: 'LOY-1' });
    const card = (await step('card issued', { method: 'post', path: '/loyalty/cards', key: till, body: form, status: 201 })).body;
    expect(card).toMatchObject({ status: 'active', balance: 0 });
    const number = card.cardNumber as string;
    expect((await step('second card', { method: 'post', path: '/loyalty/cards', key: till, body: form, status: 409 })).body).toMatchObject({
      rule: 'LOY-2',
    });
    await step('card read by another store’s till', { method: 'get', path: `/loyalty/cards/${number}`, key: otherTill, status: 200 });
    await step('malformed card number', { method: 'get', path: '/loyalty/cards/12345', key: till, status: 400 });
    await step('unknown card', { method: 'get', path: '/loyalty/cards/0000000000000000', key: till, status: 404 });

    // LOY-3 then LOY-4
    const basket = {
      cardNumber: number,
      storeId: 'S001',
      lines: [
        { sku: 'TEA', quantity: 2, unitPrice: cny(19_999) },
        { sku: 'CUP', quantity: 1, unitPrice: cny(5_000), promo: true },
      ],
    };
    const vip = (await step('quote as VIP', { method: 'post', path: '/loyalty/quotes', key: till, body: basket, status: 200 })).body;
    expect(vip).toEqual({
      lines: [
        { sku: 'TEA', discountRate: '0.10', discount: cny(4_000), total: cny(35_998), reason: 'vip' },
        { sku: 'CUP', discountRate: '0.00', discount: cny(0), total: cny(5_000), reason: 'promotion' },
      ],
      total: cny(40_998),
    });
    const cardSale = { ...sale, transactionId: `T-${randomUUID()}`, phone: undefined, cardNumber: number, paid: cny(345_600) };
    const earned = (
      await step('sale with the card', { method: 'post', path: '/loyalty/purchases', key: till, body: cardSale, status: 201 })
    ).body;
    expect(earned).toMatchObject({ pointsEarned: 34, balance: 34, vipEligible: true });
    const tier = (await step('quote at 34 points', { method: 'post', path: '/loyalty/quotes', key: till, body: basket, status: 200 })).body;
    expect(tier.lines[0]).toMatchObject({ reason: 'points_tier', total: cny(33_998) });

    // LOY-5
    await step('reward by a till', {
      method: 'post',
      path: '/loyalty/rewards',
      key: till,
      body: { name: 'Cup', pointsCost: 10, stock: 3 },
      status: 403,
    });
    const reward = (
      await step('reward', {
        method: 'post',
        path: '/loyalty/rewards',
        key: manager,
        body: { name: 'Tea cup', pointsCost: 10, stock: 3 },
        status: 201,
      })
    ).body;
    await step('rewards', { method: 'get', path: '/loyalty/rewards', key: till, status: 200 });
    const redemption = (
      await step('redeem', {
        method: 'post',
        path: '/loyalty/redemptions',
        key: till,
        body: { storeId: 'S001', cardNumber: number, rewardId: reward.id, quantity: 2 },
        status: 201,
      })
    ).body;
    expect(redemption).toMatchObject({ points: 20, balance: 14 });
    const short = await step('redeem beyond the balance', {
      method: 'post',
      path: '/loyalty/redemptions',
      key: till,
      body: { storeId: 'S001', cardNumber: number, rewardId: reward.id, quantity: 1 + 1 },
      status: 422,
    });
    expect(short.body).toMatchObject({ rule: 'LOY-5' });

    // LOY-6: the returns service received 1,500.00 of the card sale back → 15 points back; the balance goes negative.
    await publishReturnReceived(suite.vhost.url, {
      returnId: randomUUID(),
      storeId: 'S001',
      transactionId: cardSale.transactionId,
      refunded: 150_000,
    });
    await eventually(
      async () =>
        expect((await suite.http().get(`/api/v1/loyalty/cards/${number}`).set(till.auth)).body).toMatchObject({
          balance: -1,
          lifetimePoints: 19,
        }),
      30_000,
    );
    const blocked = await step('redeem with a negative balance', {
      method: 'post',
      path: '/loyalty/redemptions',
      key: till,
      body: { storeId: 'S001', cardNumber: number, rewardId: reward.id, quantity: 1 },
      status: 422,
    });
    expect(blocked.body).toMatchObject({ rule: 'LOY-6' });

    // LOY-8
    await step('report lost', { method: 'post', path: `/loyalty/cards/${number}/report-lost`, key: otherTill, body: {}, status: 200 });
    const lostSale = await step('sale with the lost card', {
      method: 'post',
      path: '/loyalty/purchases',
      key: till,
      body: { ...cardSale, transactionId: `T-${randomUUID()}` },
      status: 422,
    });
    expect(lostSale.body).toMatchObject({ rule: 'LOY-8' });
    expect(
      (await step('quote with the lost card', { method: 'post', path: '/loyalty/quotes', key: till, body: basket, status: 422 })).body,
    ).toMatchObject({ rule: 'LOY-8' });
    const replacement = (
      await step('replace', { method: 'post', path: `/loyalty/cards/${number}/replace`, key: till, body: {}, status: 201 })
    ).body;
    expect(replacement).toMatchObject({ status: 'active', balance: -1, lifetimePoints: 19, expiresAt: card.expiresAt, replaces: number });
    const ledger = (
      await step('ledger of the old card', { method: 'get', path: `/loyalty/cards/${number}/ledger`, key: service, status: 200 })
    ).body;
    expect(ledger.items.map((entry: { type: string; points: number }) => [entry.type, entry.points])).toEqual([
      ['transfer', 1],
      ['clawback', -15],
      ['redeem', -20],
      ['earn', 34],
    ]);
    await step('ledger of the new card', {
      method: 'get',
      path: `/loyalty/cards/${replacement.cardNumber}/ledger?limit=1`,
      key: till,
      status: 200,
    });

    // LOY-7: another member's card expires; it earns nothing and is renewed without its points.
    const other = { ...form, phone: '13811112222', name: 'Wu Lei' };
    await step('second shopper’s sale', {
      method: 'post',
      path: '/loyalty/purchases',
      key: till,
      body: { ...sale, transactionId: `T-${randomUUID()}`, phone: other.phone },
      status: 201,
    });
    const otherCard = (await step('second card', { method: 'post', path: '/loyalty/cards', key: till, body: other, status: 201 })).body
      .cardNumber as string;
    await step('renew an active card', { method: 'post', path: `/loyalty/cards/${otherCard}/renew`, key: till, body: {}, status: 422 });
    await sql.query(`UPDATE loyalty_cards SET expires_at = now() - interval '1 day' WHERE number = $1`, [otherCard]);
    const expiredSale = await step('sale with an expired card', {
      method: 'post',
      path: '/loyalty/purchases',
      key: till,
      body: { ...cardSale, transactionId: `T-${randomUUID()}`, cardNumber: otherCard },
      status: 422,
    });
    expect(expiredSale.body).toMatchObject({ rule: 'LOY-7' });
    const renewed = (await step('renew', { method: 'post', path: `/loyalty/cards/${otherCard}/renew`, key: till, body: {}, status: 201 }))
      .body;
    expect(renewed).toMatchObject({ status: 'active', replaces: otherCard });

    // LOY-10
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const report = (
      await step('registrations report', {
        method: 'get',
        path: `/loyalty/reports/registrations?month=${month}`,
        key: executive,
        status: 200,
      })
    ).body;
    expect(report).toEqual({ month, final: false, stores: [{ storeId: 'S001', registrations: 2 }], total: 2 });
    await step('report by a till', { method: 'get', path: `/loyalty/reports/registrations?month=${month}`, key: till, status: 403 });
    await step('report, bad month', { method: 'get', path: '/loyalty/reports/registrations?month=2026-13', key: manager, status: 400 });

    const types = ['card.issued', 'card.lost', 'card.replaced', 'points.earned', 'points.redeemed', 'points.clawed-back'].map(
      (t) => `loyalty.${t}`,
    );
    await probe.waitFor(() => types.every((type) => probe.bodies<{ type: string }>().some((event) => event.type === type)));

    const problems = walk.responseViolations();
    console.log(`Loyalty walk: ${walk.walked.length} requests through Prism, ${problems.length} response violations`);
    expect(problems).toEqual([]);
    expect(walk.sawRequestViolation()).toBe(true);
  });
});
