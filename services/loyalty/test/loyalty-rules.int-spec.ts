import { randomUUID } from 'node:crypto';
import { type CardView, type LedgerPage, LoyaltyEventType, LoyaltyOperations as ops, type RecordedPurchase } from '@crm/contracts';
import { eventually } from '@crm/testing';
import {
  LoyaltyHarness,
  caller,
  cny,
  freshPhone,
  newMember,
  publishReturnReceived,
  purchaseBody,
  recordPurchase,
  staff,
} from './support/loyalty-harness';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;
const instant = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * LOY-1..LOY-10 on the real loyalty service (PostgreSQL + RabbitMQ, own database and vhost), called
 * as the gateway calls it. Each test makes its own shoppers and cards.
 */
describe('loyalty rules (integration)', () => {
  let h: LoyaltyHarness;

  beforeAll(async () => {
    h = await LoyaltyHarness.start('loyalty_rules');
  });
  afterAll(async () => {
    await h?.close();
  });

  const card = (cardNumber: string) => h.call<CardView>(ops.getCard.pattern, { cardNumber }, staff());
  const ledger = (cardNumber: string) => h.call<LedgerPage>(ops.ledger.pattern, { cardNumber, limit: 200 }, staff());
  const issue = (phone: string, storeId = 'S001') =>
    h.call<CardView>(ops.issueCard.pattern, { phone, name: 'Li Wei', birthday: '1990-05-17', storeId }, staff());
  const expire = (cardNumber: string) =>
    h.sql.query(`UPDATE loyalty_cards SET expires_at = now() - interval '1 second' WHERE number = $1`, [cardNumber]);

  describe('LOY-1 qualification and LOY-2 cards', () => {
    it('refuses a card naming LOY-1 until the shopper qualifies, by the amount paid within 183 days', async () => {
      const phone = freshPhone();
      expect(await h.failure(ops.issueCard.pattern, { phone, name: 'Li', birthday: '1990-05-17', storeId: 'S001' }, staff())).toMatchObject(
        {
          kind: 'rule_violation',
          rule: 'LOY-1',
        },
      );
      // 1,500.00 of lines but 999.99 paid: paid is what counts.
      const first = await recordPurchase(
        h,
        purchaseBody({ phone, lines: [{ sku: 'a', quantity: 1, unitPrice: cny(150_000) }], paid: cny(99_999) }),
      );
      expect(first).toMatchObject({ pointsEarned: 0, vipEligible: false });
      expect(first.balance).toBeUndefined();
      // 1,500.00 paid 184 days ago does not count.
      await recordPurchase(h, purchaseBody({ phone, occurredAt: instant(new Date(Date.now() - 184 * DAY)), paid: cny(150_000) }));
      expect(await h.failure(ops.issueCard.pattern, { phone, name: 'Li', birthday: '1990-05-17', storeId: 'S001' }, staff())).toMatchObject(
        {
          rule: 'LOY-1',
        },
      );
      // 1,000.01 more within the window: 1,999.99 + … ≥ 2,000.00 in total.
      const second = await recordPurchase(h, purchaseBody({ phone: `+86 ${phone}`, paid: cny(100_001) }));
      expect(second.vipEligible).toBe(true);
      const issued = await issue(phone);
      expect(issued).toMatchObject({ status: 'active', balance: 0, lifetimePoints: 0, storeId: 'S001', replaces: null });
      expect(issued.cardNumber).toMatch(/^\d{16}$/);
      expect(new Date(issued.expiresAt).getUTCFullYear() - new Date(issued.issuedAt).getUTCFullYear()).toBe(2);
    });

    it('gives one card per person: the same phone, however typed, is refused (409)', async () => {
      const { phone } = await newMember(h);
      expect(
        await h.failure(ops.issueCard.pattern, { phone: `+86 ${phone}`, name: 'X', birthday: '1990-01-01', storeId: 'S002' }, staff()),
      ).toMatchObject({
        kind: 'conflict',
        rule: 'LOY-2',
      });
    });

    it('answers 404 for a number that fails the Luhn check or does not exist', async () => {
      const { card: issued } = await newMember(h);
      const wrongCheck = `${issued.cardNumber.slice(0, 15)}${(Number(issued.cardNumber[15]) + 1) % 10}`;
      expect(await h.failure(ops.getCard.pattern, { cardNumber: wrongCheck }, staff())).toMatchObject({ kind: 'not_found' });
      expect(await h.failure(ops.getCard.pattern, { cardNumber: '0000000000000000' }, staff())).toMatchObject({ kind: 'not_found' });
      expect(await h.failure(ops.getCard.pattern, { cardNumber: '123' }, staff())).toMatchObject({ kind: 'invalid' });
    });
  });

  describe('LOY-4 earning', () => {
    it('earns floor(paid/100.00) once; a replay answers the first result; another body under the same ids is 409', async () => {
      const { card: issued } = await newMember(h);
      const body = purchaseBody({ cardNumber: issued.cardNumber, paid: cny(129_999) });
      const first = await h.call<RecordedPurchase>(ops.recordPurchase.pattern, body, staff());
      expect(first).toEqual({
        purchase: { purchaseId: expect.any(String), pointsEarned: 12, balance: 12, vipEligible: true },
        replayed: false,
      });
      const again = await h.call<RecordedPurchase>(ops.recordPurchase.pattern, { ...body, lines: [...body.lines] }, staff());
      expect(again).toEqual({ purchase: first.purchase, replayed: true });
      expect(await h.failure(ops.recordPurchase.pattern, { ...body, paid: cny(130_000) }, staff())).toMatchObject({
        kind: 'conflict',
        rule: 'LOY-4',
      });
      expect(await card(issued.cardNumber)).toMatchObject({ balance: 12, lifetimePoints: 12 });
      const earned = h.probe
        .bodies<{ type: string; data: Record<string, unknown> }>()
        .filter((e) => e.type === LoyaltyEventType.PointsEarned);
      await eventually(async () =>
        expect(
          h.probe.bodies<{ type: string; data: { purchaseId: string } }>().filter((e) => e.data.purchaseId === first.purchase.purchaseId),
        ).toHaveLength(1),
      );
      expect(earned.every((e) => !('phone' in e.data) && !('name' in e.data))).toBe(true);
    });

    it('lets a POS key act only for its own store (403), also with a valid body', async () => {
      const body = purchaseBody({ storeId: 'S002' });
      expect(await h.failure(ops.recordPurchase.pattern, body, caller(['pos'], 'S001'))).toMatchObject({ kind: 'forbidden' });
      expect(await h.failure(ops.recordPurchase.pattern, body, caller(['pos'], null))).toMatchObject({ kind: 'forbidden' });
      const own = await h.call<RecordedPurchase>(ops.recordPurchase.pattern, body, caller(['pos'], 'S002'));
      expect(own.replayed).toBe(false);
      expect(await h.failure(ops.recordPurchase.pattern, body, caller(['warehouse']))).toMatchObject({ kind: 'forbidden' });
    });

    it('refuses a purchase with an expired card naming LOY-7 and a lost one naming LOY-8, recording nothing', async () => {
      const expired = (await newMember(h)).card;
      await expire(expired.cardNumber);
      const body = purchaseBody({ cardNumber: expired.cardNumber, paid: cny(500_000) });
      expect(await h.failure(ops.recordPurchase.pattern, body, staff())).toMatchObject({ rule: 'LOY-7' });
      const lost = (await newMember(h)).card;
      await h.call(ops.reportLost.pattern, { cardNumber: lost.cardNumber }, staff());
      expect(await h.failure(ops.recordPurchase.pattern, purchaseBody({ cardNumber: lost.cardNumber }), staff())).toMatchObject({
        rule: 'LOY-8',
      });
      const rows = await h.sql.query('SELECT 1 FROM loyalty_purchases WHERE store_id = $1 AND transaction_id = $2', [
        body.storeId,
        body.transactionId,
      ]);
      expect(rows.rowCount).toBe(0);
      // The till sends it again without the card: it is recorded (and counts for LOY-1).
      expect((await recordPurchase(h, { ...body, cardNumber: undefined })).pointsEarned).toBe(0);
    });

    it('keeps the natural key unique in the database, whatever code runs', async () => {
      const body = purchaseBody();
      await recordPurchase(h, body);
      await expect(
        h.sql.query(
          `INSERT INTO loyalty_purchases (id, store_id, transaction_id, body_hash, occurred_at, paid, points_earned, created_at)
           VALUES ($1, $2, $3, repeat('0', 64), now(), 0, 0, now())`,
          [randomUUID(), body.storeId, body.transactionId],
        ),
      ).rejects.toThrow(/loyalty_purchases_natural_key/);
    });
  });

  describe('LOY-3 quotes', () => {
    it('prices from the card: VIP 90 %, from 30 lifetime points 85 %; promotion lines untouched; refused for lost/expired cards', async () => {
      const { card: issued } = await newMember(h);
      const body = {
        cardNumber: issued.cardNumber,
        storeId: 'S001',
        lines: [
          { sku: 'a', quantity: 3, unitPrice: cny(3_335) },
          { sku: 'p', quantity: 1, unitPrice: cny(1_000), promo: true },
        ],
      };
      expect(await h.call(ops.quote.pattern, body, caller(['pos'], 'S001'))).toEqual({
        lines: [
          { sku: 'a', discountRate: '0.10', discount: cny(1_000), total: cny(9_005), reason: 'vip' },
          { sku: 'p', discountRate: '0.00', discount: cny(0), total: cny(1_000), reason: 'promotion' },
        ],
        total: cny(10_005),
      });
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(300_000) }));
      expect(await h.call(ops.quote.pattern, body, staff())).toMatchObject({
        lines: [{ reason: 'points_tier', total: cny(8_504), discount: cny(1_501) }, {}],
      });
      expect(await h.failure(ops.quote.pattern, { ...body, storeId: 'S009' }, caller(['pos'], 'S001'))).toMatchObject({
        kind: 'forbidden',
      });
      await h.call(ops.reportLost.pattern, { cardNumber: issued.cardNumber }, staff());
      expect(await h.failure(ops.quote.pattern, body, staff())).toMatchObject({ rule: 'LOY-8' });
      const other = (await newMember(h)).card;
      await expire(other.cardNumber);
      expect(await h.failure(ops.quote.pattern, { ...body, cardNumber: other.cardNumber }, staff())).toMatchObject({ rule: 'LOY-7' });
    });

    it('gives the birthday price on the member’s Shanghai birthday only with the ID checked', async () => {
      const phone = freshPhone();
      await recordPurchase(h, purchaseBody({ phone }));
      const issued = await h.call<CardView>(ops.issueCard.pattern, { phone, name: 'Li', birthday: '1990-05-17', storeId: 'S001' }, staff());
      const body = {
        cardNumber: issued.cardNumber,
        storeId: 'S001',
        at: '2027-05-16T16:30:00Z',
        lines: [{ sku: 'a', quantity: 1, unitPrice: cny(10_000) }],
      };
      expect(await h.call(ops.quote.pattern, { ...body, idChecked: true }, staff())).toMatchObject({
        lines: [{ reason: 'birthday', total: cny(6_000) }],
      });
      expect(await h.call(ops.quote.pattern, body, staff())).toMatchObject({ lines: [{ reason: 'vip', total: cny(9_000) }] });
    });
  });

  describe('LOY-5 redemption', () => {
    async function reward(pointsCost: number, stock: number): Promise<string> {
      return (await h.call<{ id: string }>(ops.createReward.pattern, { name: 'Tea cup set', pointsCost, stock }, caller(['manager']))).id;
    }

    it('takes points and stock together; too few points or no stock refuses and changes neither', async () => {
      const { card: issued } = await newMember(h);
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(250_000) })); // 25 points
      const cup = await reward(10, 1);
      const redeemed = await h.call(
        ops.redeem.pattern,
        { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: cup, quantity: 1 },
        staff(),
      );
      expect(redeemed).toMatchObject({ points: 10, balance: 15, quantity: 1 });
      expect(
        await h.failure(ops.redeem.pattern, { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: cup, quantity: 1 }, staff()),
      ).toMatchObject({ rule: 'LOY-5' });
      const pricey = await reward(16, 5);
      expect(
        await h.failure(ops.redeem.pattern, { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: pricey, quantity: 1 }, staff()),
      ).toMatchObject({ rule: 'LOY-5' });
      expect(await card(issued.cardNumber)).toMatchObject({ balance: 15 });
      const stock = await h.sql.query('SELECT stock FROM loyalty_rewards WHERE id = ANY($1) ORDER BY stock', [[cup, pricey]]);
      expect(stock.rows.map((row) => Number(row.stock))).toEqual([0, 5]);
      expect(await h.failure(ops.createReward.pattern, { name: 'x', pointsCost: 1, stock: 1 }, caller(['pos'], 'S001'))).toMatchObject({
        kind: 'forbidden',
      });
    });

    it('under concurrency never oversells stock nor overdraws points', async () => {
      const members = await Promise.all([newMember(h), newMember(h), newMember(h)]);
      for (const { card: issued } of members) await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(300_000) }));
      const mug = await reward(10, 4); // 3 cards × 30 points could buy 9; only 4 in stock
      const attempts = members.flatMap(({ card: issued }) =>
        Array.from({ length: 4 }, () =>
          h.call(ops.redeem.pattern, { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: mug, quantity: 1 }, staff()).then(
            () => 'ok',
            () => 'refused',
          ),
        ),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(4);
      const [{ stock }] = (await h.sql.query('SELECT stock FROM loyalty_rewards WHERE id = $1', [mug])).rows;
      expect(Number(stock)).toBe(0);
      const balances = await Promise.all(members.map(({ card: issued }) => card(issued.cardNumber)));
      expect(balances.reduce((sum, c) => sum + c.balance, 0)).toBe(90 - 40);
      expect(balances.every((c) => c.balance >= 0)).toBe(true);
    });
  });

  describe('LOY-6 clawback from returns.return.received', () => {
    it('takes back what the refunds earned, once per receipt, across partial returns, never more than earned; a negative balance blocks redemption', async () => {
      const { card: issued } = await newMember(h);
      const body = purchaseBody({ cardNumber: issued.cardNumber, paid: cny(125_000) }); // 12 points
      await recordPurchase(h, body);
      const cup = (await h.call<{ id: string }>(ops.createReward.pattern, { name: 'Cup', pointsCost: 10, stock: 5 }, caller(['manager'])))
        .id;
      await h.call(ops.redeem.pattern, { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: cup, quantity: 1 }, staff()); // 2 left
      const ref = { storeId: body.storeId, transactionId: body.transactionId };
      const returnA = randomUUID();
      const returnB = randomUUID();
      const clawed = async () => (await ledger(issued.cardNumber)).items.filter((e) => e.type === 'clawback').map((e) => e.points);

      const first = await publishReturnReceived(h.vhost.url, { ...ref, returnId: returnA, refunded: 30_000 }); // → 3
      await eventually(async () => expect(await clawed()).toEqual([-3]));
      await publishReturnReceived(h.vhost.url, { ...ref, returnId: returnA, refunded: 30_000 }, first); // the same delivery again
      await publishReturnReceived(h.vhost.url, { ...ref, returnId: returnA, refunded: 30_000 }); // the same figure, another event
      await publishReturnReceived(h.vhost.url, { ...ref, returnId: returnA, refunded: 60_000 }); // second receipt: → 3 more
      await eventually(async () => expect(await clawed()).toEqual([-3, -3]));
      await publishReturnReceived(h.vhost.url, { ...ref, returnId: returnB, refunded: 500_000 }); // capped: 12 in total
      await eventually(async () => expect(await clawed()).toEqual([-6, -3, -3]));
      expect(await card(issued.cardNumber)).toMatchObject({ balance: 2 - 12, lifetimePoints: 0 });
      expect(
        await h.failure(ops.redeem.pattern, { storeId: 'S001', cardNumber: issued.cardNumber, rewardId: cup, quantity: 1 }, staff()),
      ).toMatchObject({ rule: 'LOY-6' });
      const [{ clawed_back: clawedBack }] = (
        await h.sql.query('SELECT clawed_back FROM loyalty_purchases WHERE transaction_id = $1', [ref.transactionId])
      ).rows;
      expect(clawedBack).toBe(12);
      await h.probe.waitFor((messages) => messages.filter((m) => m.properties.type === LoyaltyEventType.PointsClawedBack).length >= 3);
    });

    it('claws back from the replacement of a replaced card', async () => {
      const { card: issued } = await newMember(h);
      const body = purchaseBody({ cardNumber: issued.cardNumber, paid: cny(200_000) });
      await recordPurchase(h, body);
      await h.call(ops.reportLost.pattern, { cardNumber: issued.cardNumber }, staff());
      const replacement = await h.call<CardView>(ops.replaceCard.pattern, { cardNumber: issued.cardNumber }, staff());
      await publishReturnReceived(h.vhost.url, {
        storeId: body.storeId,
        transactionId: body.transactionId,
        returnId: randomUUID(),
        refunded: 200_000,
      });
      await eventually(async () => expect(await card(replacement.cardNumber)).toMatchObject({ balance: 0, lifetimePoints: 0 }));
      expect(await card(issued.cardNumber)).toMatchObject({ balance: 0, status: 'replaced' });
    });
  });

  describe('LOY-7 expiry and renewal, LOY-8 lost and replaced', () => {
    it('replaces a lost card with a new number, the same expiry, balance and lifetime carried by transfer entries', async () => {
      const { card: issued } = await newMember(h);
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(456_700) })); // 45
      const lost = await h.call<CardView>(ops.reportLost.pattern, { cardNumber: issued.cardNumber }, caller(['pos'], 'S777'));
      expect(lost.status).toBe('lost');
      expect((await h.call<CardView>(ops.reportLost.pattern, { cardNumber: issued.cardNumber }, staff())).version).toBe(lost.version);
      const replacement = await h.call<CardView>(ops.replaceCard.pattern, { cardNumber: issued.cardNumber }, staff());
      expect(replacement).toMatchObject({
        status: 'active',
        balance: 45,
        lifetimePoints: 45,
        expiresAt: issued.expiresAt,
        replaces: issued.cardNumber,
      });
      expect(replacement.cardNumber).not.toBe(issued.cardNumber);
      expect(await card(issued.cardNumber)).toMatchObject({
        status: 'replaced',
        balance: 0,
        lifetimePoints: 0,
        succeededBy: replacement.cardNumber,
      });
      expect((await ledger(replacement.cardNumber)).items).toEqual([expect.objectContaining({ type: 'transfer', points: 45 })]);
      expect((await ledger(issued.cardNumber)).items.map((e) => [e.type, e.points])).toEqual([
        ['transfer', -45],
        ['earn', 45],
      ]);
      expect(await h.failure(ops.replaceCard.pattern, { cardNumber: issued.cardNumber }, staff())).toMatchObject({ rule: 'LOY-8' });
      expect(await h.failure(ops.renewCard.pattern, { cardNumber: issued.cardNumber }, staff())).toMatchObject({ rule: 'LOY-8' });
    });

    it('renews only an expired card: a new number valid 2 years, the old points forfeited', async () => {
      const { card: issued } = await newMember(h);
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(300_000) }));
      expect(await h.failure(ops.renewCard.pattern, { cardNumber: issued.cardNumber }, staff())).toMatchObject({ rule: 'LOY-7' });
      await expire(issued.cardNumber);
      expect(await card(issued.cardNumber)).toMatchObject({ status: 'expired', balance: 30 });
      const renewed = await h.call<CardView>(ops.renewCard.pattern, { cardNumber: issued.cardNumber }, staff());
      expect(renewed).toMatchObject({ status: 'active', balance: 0, lifetimePoints: 0, replaces: issued.cardNumber });
      expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 700 * DAY);
      expect(await card(issued.cardNumber)).toMatchObject({ status: 'expired', balance: 0, succeededBy: renewed.cardNumber });
      expect((await ledger(issued.cardNumber)).items[0]).toMatchObject({ type: 'forfeit', points: -30 });
      expect(await h.failure(ops.renewCard.pattern, { cardNumber: issued.cardNumber }, staff())).toMatchObject({ kind: 'conflict' });
    });
  });

  describe('LOY-9 ledger', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of entries and any balance change but through an entry', async () => {
      const { card: issued } = await newMember(h);
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(100_000) }));
      await expect(h.sql.query(`UPDATE loyalty_ledger SET points = 1000 WHERE card_number = $1`, [issued.cardNumber])).rejects.toThrow(
        /LOY-9: the points ledger is append-only \(UPDATE refused\)/,
      );
      await expect(h.sql.query(`DELETE FROM loyalty_ledger WHERE card_number = $1`, [issued.cardNumber])).rejects.toThrow(/DELETE refused/);
      await expect(h.sql.query(`TRUNCATE loyalty_ledger CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
      await expect(h.sql.query(`UPDATE loyalty_cards SET balance = 1000 WHERE number = $1`, [issued.cardNumber])).rejects.toThrow(
        /LOY-9: a balance changes only through a ledger entry/,
      );
      expect(await card(issued.cardNumber)).toMatchObject({ balance: 10, lifetimePoints: 10 });
    });
  });

  describe('LOY-10 registrations report and personal data', () => {
    it('counts new registrations per store in the Shanghai month; managers and executives only', async () => {
      const before = await h.call<{ stores: { storeId: string; registrations: number }[] }>(
        ops.registrationsReport.pattern,
        { month: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7) },
        caller(['manager']),
      );
      const count = (report: typeof before, storeId: string) => report.stores.find((s) => s.storeId === storeId)?.registrations ?? 0;
      await newMember(h, 'S-REPORT');
      await newMember(h, 'S-REPORT');
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      const after = await h.call<typeof before & { final: boolean; total: number }>(
        ops.registrationsReport.pattern,
        { month },
        caller(['executive']),
      );
      expect(count(after, 'S-REPORT') - count(before, 'S-REPORT')).toBe(2);
      expect(after.final).toBe(false);
      expect(await h.call(ops.registrationsReport.pattern, { month: '2020-01' }, caller(['manager']))).toEqual({
        month: '2020-01',
        final: true,
        stores: [],
        total: 0,
      });
      expect(await h.failure(ops.registrationsReport.pattern, { month }, caller(['pos'], 'S001'))).toMatchObject({ kind: 'forbidden' });
    });

    it('publishes events with ids only: no phone, name or birthday anywhere in them', async () => {
      const phone = freshPhone();
      await recordPurchase(h, purchaseBody({ phone, paid: cny(100_000) }));
      const issued = await h.call<CardView>(
        ops.issueCard.pattern,
        { phone, name: 'Zhang Xiuying', birthday: '1985-03-09', storeId: 'S001' },
        staff(),
      );
      await recordPurchase(h, purchaseBody({ cardNumber: issued.cardNumber, paid: cny(100_000) }));
      await h.call(ops.reportLost.pattern, { cardNumber: issued.cardNumber }, staff());
      await h.call(ops.replaceCard.pattern, { cardNumber: issued.cardNumber }, staff());
      await h.probe.waitFor((messages) =>
        messages.some((m) => m.properties.type === LoyaltyEventType.CardReplaced && m.content.includes(issued.cardNumber)),
      );
      const published = h.probe.messages.map((m) => m.content.toString('utf8')).join('\n');
      for (const secret of [phone, 'Zhang Xiuying', '1985-03-09']) expect(published).not.toContain(secret);
      const types = new Set(h.probe.messages.map((m) => m.properties.type as string));
      for (const type of [
        LoyaltyEventType.CardIssued,
        LoyaltyEventType.CardLost,
        LoyaltyEventType.CardReplaced,
        LoyaltyEventType.PointsEarned,
      ]) {
        expect(types).toContain(type);
      }
    });
  });
});
