import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { type CardView, LoyaltyOperations as ops, type PosPurchaseMessage, type RecordedPurchase } from '@crm/contracts';
import { ClawbackHandler } from '../src/points/clawback/clawback.handler';
import { LoyaltyHarness, caller, cny, newMember, purchaseBody, returnReceivedEnvelope, staff } from './support/loyalty-harness';

jest.setTimeout(300_000);

type Step =
  | { kind: 'earn'; paid: number }
  | { kind: 'replay'; pick: number }
  | { kind: 'conflict'; pick: number }
  | { kind: 'redeem'; quantity: number }
  | { kind: 'clawback'; pick: number; returnSlot: number; refunded: number }
  | { kind: 'loss' }
  | { kind: 'replacement' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('earn' as const), paid: fc.integer({ min: 0, max: 2_000_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('conflict' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeem' as const), quantity: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('clawback' as const),
      pick: fc.nat(),
      returnSlot: fc.integer({ min: 0, max: 2 }),
      refunded: fc.integer({ min: 0, max: 2_000_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('loss' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replacement' as const) }) },
);

interface ModelPurchase {
  body: PosPurchaseMessage;
  first: RecordedPurchase['purchase'];
  earned: number;
  paid: number;
  returns: Map<string, number>;
  returnIds: string[];
}

/**
 * LOY-9 as a property, on the real loyalty service and database: random sequences of earn, replay
 * (same body), conflicting replay (409), redeem, clawback (partial returns, repeated receipts), loss
 * and replacement. After every sequence: each card's balance and lifetime points equal the sums of
 * its ledger; the member's total equals an independent model of earned − redeemed − clawed back;
 * no purchase earned twice, none lost more than it earned; every replay answered the first result.
 */
describe('LOY-9 ledger invariant (fast-check, real database)', () => {
  let h: LoyaltyHarness;
  let clawback: ClawbackHandler;
  let dataSource: DataSource;
  let rewardId: string;
  const COST = 3;

  beforeAll(async () => {
    h = await LoyaltyHarness.start('loyalty_ledger_property');
    clawback = h.service.app.get(ClawbackHandler);
    dataSource = h.service.app.get(DataSource);
    rewardId = (
      await h.call<{ id: string }>(ops.createReward.pattern, { name: 'Pen', pointsCost: COST, stock: 1_000_000 }, caller(['manager']))
    ).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The clawback consumer's handler in a transaction of its own, as the inbox runs it. */
  const receive = (purchase: ModelPurchase, returnId: string, refunded: number) =>
    dataSource.transaction((manager) =>
      clawback.execute(
        manager,
        returnReceivedEnvelope({ returnId, refunded, storeId: purchase.body.storeId, transactionId: purchase.body.transactionId }),
      ),
    );

  it('keeps balance = Σ ledger and earns each purchase once, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const { card: first } = await newMember(h);
        const cards = [first.cardNumber];
        let current = first.cardNumber;
        let currentLost = false;
        let balance = 0;
        const purchases: ModelPurchase[] = [];

        for (const s of steps) {
          switch (s.kind) {
            case 'earn': {
              const body = purchaseBody({
                cardNumber: current,
                paid: cny(s.paid),
                lines: [{ sku: 'x', quantity: 1, unitPrice: cny(s.paid) }],
              });
              if (currentLost) {
                expect(await h.failure(ops.recordPurchase.pattern, body, staff())).toMatchObject({ rule: 'LOY-8' });
                break;
              }
              const answer = await h.call<RecordedPurchase>(ops.recordPurchase.pattern, body, staff());
              const earned = Math.floor(s.paid / 10_000);
              balance += earned;
              expect(answer).toEqual({
                purchase: { purchaseId: expect.any(String), pointsEarned: earned, balance, vipEligible: expect.any(Boolean) },
                replayed: false,
              });
              purchases.push({
                body,
                first: answer.purchase,
                earned,
                paid: s.paid,
                returns: new Map(),
                returnIds: [randomUUID(), randomUUID(), randomUUID()],
              });
              break;
            }
            case 'replay': {
              if (!purchases.length) break;
              const purchase = purchases[s.pick % purchases.length];
              // Replays answer the first result even after the card was lost or replaced.
              expect(await h.call<RecordedPurchase>(ops.recordPurchase.pattern, purchase.body, staff())).toEqual({
                purchase: purchase.first,
                replayed: true,
              });
              break;
            }
            case 'conflict': {
              if (!purchases.length) break;
              const purchase = purchases[s.pick % purchases.length];
              const changed = { ...purchase.body, paid: cny(purchase.paid + 1) };
              expect(await h.failure(ops.recordPurchase.pattern, changed, staff())).toMatchObject({ kind: 'conflict', rule: 'LOY-4' });
              break;
            }
            case 'redeem': {
              const body = { storeId: 'S001', cardNumber: current, rewardId, quantity: s.quantity };
              const cost = COST * s.quantity;
              if (currentLost) {
                expect(await h.failure(ops.redeem.pattern, body, staff())).toMatchObject({ rule: 'LOY-8' });
              } else if (balance < cost) {
                expect(await h.failure(ops.redeem.pattern, body, staff())).toMatchObject({ rule: balance < 0 ? 'LOY-6' : 'LOY-5' });
              } else {
                balance -= cost;
                expect(await h.call(ops.redeem.pattern, body, staff())).toMatchObject({ balance, points: cost });
              }
              break;
            }
            case 'clawback': {
              if (!purchases.length) break;
              const purchase = purchases[s.pick % purchases.length];
              const returnId = purchase.returnIds[s.returnSlot];
              const before = targetOf(purchase);
              purchase.returns.set(returnId, Math.max(purchase.returns.get(returnId) ?? 0, s.refunded));
              balance -= targetOf(purchase) - before;
              await receive(purchase, returnId, s.refunded);
              break;
            }
            case 'loss': {
              if (currentLost) break;
              await h.call(ops.reportLost.pattern, { cardNumber: current }, staff());
              currentLost = true;
              break;
            }
            case 'replacement': {
              const next = await h.call<CardView>(ops.replaceCard.pattern, { cardNumber: current }, staff());
              expect(next.balance).toBe(balance);
              current = next.cardNumber;
              cards.push(current);
              currentLost = false;
              break;
            }
          }
        }

        const rows = (
          await h.sql.query(
            `SELECT c.number, c.balance, c.lifetime_points,
                    coalesce(sum(l.points), 0) AS ledger_balance, coalesce(sum(l.lifetime_delta), 0) AS ledger_lifetime
             FROM loyalty_cards c LEFT JOIN loyalty_ledger l ON l.card_number = c.number
             WHERE c.number = ANY($1) GROUP BY c.number`,
            [cards],
          )
        ).rows;
        for (const row of rows) {
          expect({ card: row.number, balance: row.balance, lifetime: row.lifetime_points }).toEqual({
            card: row.number,
            balance: row.ledger_balance,
            lifetime: row.ledger_lifetime,
          });
        }
        expect(rows.reduce((sum, row) => sum + Number(row.balance), 0)).toBe(balance);
        const current_ = rows.find((row) => row.number === current)!;
        expect(Number(current_.balance)).toBe(balance);
        if (purchases.length) {
          const perPurchase = (
            await h.sql.query(
              `SELECT p.transaction_id, p.points_earned, p.clawed_back,
                      count(*) FILTER (WHERE l.type = 'earn') AS earns,
                      coalesce(sum(l.points) FILTER (WHERE l.type = 'clawback'), 0) AS clawed
               FROM loyalty_purchases p LEFT JOIN loyalty_ledger l ON l.purchase_id = p.id
               WHERE p.transaction_id = ANY($1) GROUP BY p.id`,
              [purchases.map((p) => p.body.transactionId)],
            )
          ).rows;
          expect(perPurchase).toHaveLength(purchases.length);
          for (const row of perPurchase) {
            const model = purchases.find((p) => p.body.transactionId === row.transaction_id)!;
            expect(Number(row.earns)).toBe(model.earned > 0 ? 1 : 0);
            expect(row.points_earned).toBe(model.earned);
            expect(Math.abs(Number(row.clawed))).toBe(row.clawed_back);
            expect(row.clawed_back).toBe(targetOf(model));
            expect(row.clawed_back).toBeLessThanOrEqual(row.points_earned);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** The model's LOY-6 target, written out independently of the service's policy. */
function targetOf(purchase: ModelPurchase): number {
  let refunded = 0;
  for (const amount of purchase.returns.values()) refunded += amount;
  refunded = Math.min(refunded, purchase.paid);
  return Math.min(purchase.earned, Math.floor(purchase.paid / 10_000) - Math.floor((purchase.paid - refunded) / 10_000));
}
