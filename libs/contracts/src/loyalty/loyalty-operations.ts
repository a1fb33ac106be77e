import type { Role } from '../caller';
import { operation } from '../operations';
import {
  CardLedgerPayload,
  CardNumberPayload,
  CreateRewardBody,
  IssueCardBody,
  ListRewardsQuery,
  QuoteBody,
  RecordPurchasePayload,
  RedeemBody,
  RegistrationsReportQuery,
} from './loyalty-inputs';
import {
  CardView,
  LedgerPage,
  PurchaseResult,
  QuoteResult,
  RecordedPurchase,
  RedemptionView,
  RegistrationsReport,
  RewardPage,
  RewardView,
} from './loyalty-results';

const service = 'loyalty';
/** API.md "Who may call what": purchases, cards, quotes, redemptions, card lookups and ledgers. */
export const LOYALTY_TILL_ROLES: readonly Role[] = ['pos', 'service', 'manager'];
/** Problems of every step on one card: unknown card, wrong step, LOY-7/LOY-8 refusals. */
const CARD_PROBLEMS = [404, 409, 422] as const;

/**
 * The loyalty domain (API.md "Loyalty", "Who may call what"), one line of truth per operation: the
 * gateway's routes and roles, the service's role checks, docs/roles.md. POS keys act only for their
 * own store (the service checks `storeId` against the key's store); card lookups are open to every POS key.
 */
export const LoyaltyOperations = {
  recordPurchase: operation<RecordPurchasePayload, RecordedPurchase>({
    service,
    pattern: 'loyalty.purchases.record',
    summary:
      'LOY-4: record a till purchase and earn 1 point per full 100.00 CNY paid — idempotent on (storeId, transactionId): a replay answers 200 with the first result, the same ids with another body 409',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-1', 'LOY-4', 'LOY-7', 'LOY-8'],
    payload: RecordPurchasePayload,
    result: [PurchaseResult],
    http: { method: 'POST', path: 'loyalty/purchases', status: 201, problems: [404, 409, 422] },
  }),
  issueCard: operation<IssueCardBody, CardView>({
    service,
    pattern: 'loyalty.cards.issue',
    summary: 'LOY-2: issue a VIP card to a shopper who qualifies (LOY-1, else 422); one card per person (409)',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-1', 'LOY-2', 'LOY-10'],
    payload: IssueCardBody,
    result: [CardView],
    http: { method: 'POST', path: 'loyalty/cards', status: 201, problems: [409, 422] },
  }),
  getCard: operation<CardNumberPayload, CardView>({
    service,
    pattern: 'loyalty.cards.get',
    summary: 'Read a card: status, expiry, balance and lifetime points',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-7', 'LOY-8', 'LOY-9'],
    payload: CardNumberPayload,
    result: [CardView],
    http: { method: 'GET', path: 'loyalty/cards/:cardNumber', status: 200, problems: [404] },
  }),
  ledger: operation<CardLedgerPayload, LedgerPage>({
    service,
    pattern: 'loyalty.cards.ledger',
    summary: "LOY-9: the card's ledger, newest first",
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-9'],
    payload: CardLedgerPayload,
    result: [LedgerPage],
    http: { method: 'GET', path: 'loyalty/cards/:cardNumber/ledger', status: 200, problems: [404] },
  }),
  reportLost: operation<CardNumberPayload, CardView>({
    service,
    pattern: 'loyalty.cards.report-lost',
    summary: 'LOY-8: the card stops working at once',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-8'],
    payload: CardNumberPayload,
    result: [CardView],
    http: { method: 'POST', path: 'loyalty/cards/:cardNumber/report-lost', status: 200, problems: CARD_PROBLEMS },
  }),
  replaceCard: operation<CardNumberPayload, CardView>({
    service,
    pattern: 'loyalty.cards.replace',
    summary: 'LOY-8: a new number with the same expiry; balance and lifetime points carried over (transfer entries)',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-7', 'LOY-8', 'LOY-9'],
    payload: CardNumberPayload,
    result: [CardView],
    http: { method: 'POST', path: 'loyalty/cards/:cardNumber/replace', status: 201, problems: CARD_PROBLEMS },
  }),
  renewCard: operation<CardNumberPayload, CardView>({
    service,
    pattern: 'loyalty.cards.renew',
    summary: 'LOY-7: a new card for an expired one (valid 2 years); its points are forfeited, not carried over',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-2', 'LOY-7', 'LOY-9'],
    payload: CardNumberPayload,
    result: [CardView],
    http: { method: 'POST', path: 'loyalty/cards/:cardNumber/renew', status: 201, problems: CARD_PROBLEMS },
  }),
  quote: operation<QuoteBody, QuoteResult>({
    service,
    pattern: 'loyalty.quotes.create',
    summary: 'LOY-3: member prices — per non-promotion line the best single discount, half-up to the fen',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-3', 'LOY-7', 'LOY-8'],
    payload: QuoteBody,
    result: [QuoteResult],
    http: { method: 'POST', path: 'loyalty/quotes', status: 200, problems: [404, 422] },
  }),
  listRewards: operation<ListRewardsQuery, RewardPage>({
    service,
    pattern: 'loyalty.rewards.list',
    summary: 'LOY-5: the reward catalogue with stock',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-5'],
    payload: ListRewardsQuery,
    result: [RewardPage],
    http: { method: 'GET', path: 'loyalty/rewards', status: 200, problems: [] },
  }),
  createReward: operation<CreateRewardBody, RewardView>({
    service,
    pattern: 'loyalty.rewards.create',
    summary: 'LOY-5: add a gift to the catalogue',
    roles: ['manager'],
    rules: ['LOY-5'],
    payload: CreateRewardBody,
    result: [RewardView],
    http: { method: 'POST', path: 'loyalty/rewards', status: 201, problems: [] },
  }),
  redeem: operation<RedeemBody, RedemptionView>({
    service,
    pattern: 'loyalty.redemptions.create',
    summary: 'LOY-5: redeem points of one card for a gift — points and stock move together; no cancellation',
    roles: LOYALTY_TILL_ROLES,
    rules: ['LOY-5', 'LOY-7', 'LOY-8', 'LOY-9'],
    payload: RedeemBody,
    result: [RedemptionView],
    http: { method: 'POST', path: 'loyalty/redemptions', status: 201, problems: [404, 422] },
  }),
  registrationsReport: operation<RegistrationsReportQuery, RegistrationsReport>({
    service,
    pattern: 'loyalty.reports.registrations',
    summary: 'LOY-10: new VIP registrations per store in a month',
    roles: ['manager', 'executive'],
    rules: ['LOY-10'],
    payload: RegistrationsReportQuery,
    result: [RegistrationsReport],
    http: { method: 'GET', path: 'loyalty/reports/registrations', status: 200, problems: [] },
  }),
};
