// class-transformer's @Type reads decorator metadata: whoever imports the contracts first needs the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant, MAX_LIST, MAX_STRING, MoneyData } from '../contract-fields';
import { PHONE_PATTERN, PHONE_RULE } from '../formats';
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
  @IsString()
  @Length(1, MAX_STRING)
  sku: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @IsObject()
  @ValidateNested()
  @Type(() => MoneyData)
  unitPrice: MoneyData;

  @IsOptional()
  @IsBoolean()
  promo?: boolean;
}

/**
 * The body of `POST /loyalty/purchases`, which is also the body a till publishes to
 * `pos.purchases` (API.md). A purchase is identified by (storeId, transactionId) — LOY-4.
 */
export class PosPurchaseMessage {
  @IsString()
  @Length(1, MAX_STRING)
  storeId: string;

  @IsString()
  @Length(1, MAX_STRING)
  transactionId: string;

  @IsInstant()
  occurredAt: string;

  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: `phone must be ${PHONE_RULE}` })
  phone?: string;

  /** API.md: card numbers are strings of 16 digits. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{16}$/, { message: 'cardNumber must be 16 digits' })
  cardNumber?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => PosPurchaseLine)
  lines: PosPurchaseLine[];

  /** LOY-1/LOY-4: the amount actually paid, after all discounts. */
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyData)
  paid: MoneyData;
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
