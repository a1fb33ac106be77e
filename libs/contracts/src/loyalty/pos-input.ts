import { Bool, Instant, Int, Money, Nested, Phone, Text } from '../formats';
import { definePlainInput } from '../message-contracts';

/** API.md "POS input": tills publish here (durable topic exchange) instead of calling HTTP. */
export const POS_PURCHASES_EXCHANGE = 'pos.purchases';

/** API.md: the routing key a till publishes a purchase with. */
export function posPurchaseRoutingKey(storeId: string): string {
  return `purchase.completed.${storeId}`;
}

/** Upper bound of a line's quantity, so that quantity × unit price stays a sane integer. */
export const MAX_LINE_QUANTITY = 1_000_000;

export class PosPurchaseLine {
  @Text() sku: string;
  @Int({ min: 1, max: MAX_LINE_QUANTITY }) quantity: number;
  @Nested(() => Money) unitPrice: Money;
  @Bool({ optional: true }) promo?: boolean;
}

/**
 * The body of `POST /loyalty/purchases`, which is also the body a till publishes to
 * `pos.purchases` (API.md). A purchase is identified by (storeId, transactionId) — LOY-4.
 */
export class PosPurchaseMessage {
  @Text() storeId: string;
  @Text() transactionId: string;
  @Instant() occurredAt: string;
  @Phone({ optional: true }) phone?: string;
  /** API.md: card numbers are strings of 16 digits. */
  @Text({ optional: true, min: 16, max: 16, pattern: /^\d{16}$/, patternRule: '16 digits', example: '6200000000000003' })
  cardNumber?: string;
  @Nested(() => PosPurchaseLine, { list: true, minItems: 1 })
  lines: PosPurchaseLine[];
  /** LOY-1/LOY-4: the amount actually paid, after all discounts. */
  @Nested(() => Money) paid: Money;
}

/**
 * The POS input as the loyalty service consumes it: its queue `loyalty.pos-purchases` is bound
 * to `pos.purchases` for every store. A message without `message_id` is identified by
 * (storeId, transactionId), so a till's republished copy is applied once.
 */
export const PosPurchaseInput = definePlainInput({
  name: 'pos-purchases',
  exchange: POS_PURCHASES_EXCHANGE,
  bindingKey: posPurchaseRoutingKey('#'),
  pattern: 'loyalty.pos.purchase-completed',
  payload: PosPurchaseMessage,
  naturalKey: ['storeId', 'transactionId'],
});
