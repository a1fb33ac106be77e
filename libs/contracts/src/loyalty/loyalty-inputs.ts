import { Bool, BusinessDate, Instant, Int, Money, Nested, Phone, Text, Uuid } from '../formats';
import { PageQuery } from '../page';
import { MAX_LINE_QUANTITY, PosPurchaseMessage } from './pos-input';

/*
 * What callers send to the loyalty service (LOY-1..LOY-10): the HTTP bodies the gateway validates
 * and documents, and the RPC payloads (body + path card number) the service validates again with
 * the same classes. `POST /loyalty/purchases` takes `PosPurchaseMessage` (pos-input.ts), the body a
 * till also publishes to `pos.purchases`.
 */

/** API.md: card numbers are strings of 16 digits (LOY-2 adds the Luhn check digit). */
export const CARD_NUMBER_PATTERN = /^\d{16}$/;
const cardNumber = { min: 16, max: 16, pattern: CARD_NUMBER_PATTERN, patternRule: '16 digits', example: '6200000000000003' };

/** The RPC payload of `POST /loyalty/purchases` is its body (LOY-4). */
export class RecordPurchasePayload extends PosPurchaseMessage {}

/** `POST /loyalty/cards` (LOY-2): the registration form. */
export class IssueCardBody {
  @Phone() phone: string;
  @Text({ example: 'Li Wei' }) name: string;
  @BusinessDate({ example: '1990-05-17' }) birthday: string;
  @Text({ example: 'S001', description: 'The store that registers the member (LOY-10)' }) storeId: string;
}

/** A path card number (`GET /loyalty/cards/{cardNumber}`, report-lost, replace, renew). */
export class CardNumberPayload {
  @Text(cardNumber) cardNumber: string;
}

/** `GET /loyalty/cards/{cardNumber}/ledger` (LOY-9), newest first. */
export class CardLedgerQuery extends PageQuery {}
export class CardLedgerPayload extends CardLedgerQuery {
  @Text(cardNumber) cardNumber: string;
}

export class QuoteLine {
  @Text({ example: 'TEA-500G' }) sku: string;
  @Int({ min: 1, max: MAX_LINE_QUANTITY }) quantity: number;
  @Nested(() => Money) unitPrice: Money;
  @Bool({ optional: true, description: 'On promotion, special price or coupon: no member discount (LOY-3)' }) promo?: boolean;
}

/** `POST /loyalty/quotes` (LOY-3): member prices for a basket at the till. */
export class QuoteBody {
  @Text(cardNumber) cardNumber: string;
  @Text({ example: 'S001' }) storeId: string;
  @Instant({ optional: true, description: 'When the quote applies (default now): the birthday is its Asia/Shanghai date' }) at?: string;
  @Bool({ optional: true, description: "LOY-3: the till checked the member's ID (needed for the birthday discount)" }) idChecked?: boolean;
  @Nested(() => QuoteLine, { list: true, minItems: 1 })
  lines: QuoteLine[];
}

/** `POST /loyalty/rewards` (LOY-5): a gift of the catalogue. */
export class CreateRewardBody {
  @Text({ example: 'Tea cup set' }) name: string;
  @Int({ min: 1, max: 1_000_000_000, description: 'Points per piece' }) pointsCost: number;
  @Int({ min: 0, max: 1_000_000_000 }) stock: number;
}

export class ListRewardsQuery extends PageQuery {}

/** `POST /loyalty/redemptions` (LOY-5): one card, one reward, no cancellation. */
export class RedeemBody {
  @Text({ example: 'S001' }) storeId: string;
  @Text(cardNumber) cardNumber: string;
  @Uuid({ example: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' }) rewardId: string;
  @Int({ min: 1, max: 1000 }) quantity: number;
}

/** `GET /loyalty/reports/registrations?month=2026-10` (LOY-10). */
export class RegistrationsReportQuery {
  @Text({ min: 7, max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, patternRule: 'a month YYYY-MM', example: '2026-10' }) month: string;
}
