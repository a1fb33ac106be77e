import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import {
  type CardView,
  type EventEnvelope,
  LoyaltyOperations as ops,
  MessageHeaders,
  type PosPurchaseMessage,
  POS_PURCHASES_EXCHANGE,
  type PurchaseResult,
  type RecordedPurchase,
  ReturnEventType,
  type ReturnReceivedEventData,
  type Role,
  posPurchaseRoutingKey,
} from '@crm/contracts';
import { Topology } from '@crm/messaging';
import { DomainServiceHarness, testCaller } from '@crm/testing';
import { loadLoyaltyConfig, type LoyaltyConfig } from '../../src/loyalty.config';
import { startLoyaltyService } from '../../src/loyalty.service';

/** The loyalty service on its own test database and vhost (`call`, `failure`, `probe` on `loyalty.#`, `sql`). */
export type LoyaltyHarness = DomainServiceHarness<LoyaltyConfig>;
export const LoyaltyHarness = {
  start: (purpose: string, env: NodeJS.ProcessEnv = {}): Promise<LoyaltyHarness> =>
    DomainServiceHarness.start({ purpose, config: loadLoyaltyConfig(env), start: startLoyaltyService }),
};

export const caller = (roles: Role[], storeId: string | null = null) => testCaller(roles, { storeId });
export const staff = () => caller(['service']);
export const cny = (amount: number) => ({ amount, currency: 'CNY' });

let phones = 0;
/** A phone no other test of the run uses (mobile numbers, 11 digits). */
export function freshPhone(): string {
  phones += 1;
  return `139${String(Date.now() % 1e5).padStart(5, '0')}${String(phones).padStart(3, '0')}`;
}

export function purchaseBody(overrides: Partial<PosPurchaseMessage> = {}): PosPurchaseMessage {
  return {
    storeId: 'S001',
    transactionId: `T-${randomUUID()}`,
    occurredAt: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    lines: [{ sku: 'TEA-500G', quantity: 2, unitPrice: cny(60_000) }],
    paid: cny(120_000),
    ...overrides,
  };
}

export async function recordPurchase(h: LoyaltyHarness, body: PosPurchaseMessage): Promise<PurchaseResult> {
  return (await h.call<RecordedPurchase>(ops.recordPurchase.pattern, body, staff())).purchase;
}

/** A qualified shopper (one purchase of 1,200.00 CNY) and their new card. */
export async function newMember(h: LoyaltyHarness, storeId = 'S001'): Promise<{ phone: string; card: CardView }> {
  const phone = freshPhone();
  await recordPurchase(h, purchaseBody({ phone, storeId }));
  const card = await h.call<CardView>(ops.issueCard.pattern, { phone, name: 'Li Wei', birthday: '1990-05-17', storeId }, staff());
  return { phone, card };
}

/** As a till does it: the raw body to `pos.purchases`, routing key `purchase.completed.<storeId>`. */
export async function publishPurchase(
  url: string,
  body: PosPurchaseMessage | string,
  options: { routingStoreId?: string; messageId?: string } = {},
): Promise<void> {
  const connection = await connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    const storeId = options.routingStoreId ?? (typeof body === 'string' ? 'S001' : body.storeId);
    channel.publish(
      POS_PURCHASES_EXCHANGE,
      posPurchaseRoutingKey(storeId),
      Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      {
        persistent: true,
        contentType: 'application/json',
        ...(options.messageId ? { messageId: options.messageId } : {}),
      },
    );
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

export interface ReturnReceipt {
  returnId: string;
  storeId: string;
  transactionId: string;
  /** The return order's cumulative refund so far, fen. */
  refunded: number;
}

/** A `returns.return.received` envelope as the returns service publishes it (RET-4, LOY-6). */
export function returnReceivedEnvelope(receipt: ReturnReceipt, id: string = randomUUID()): EventEnvelope<ReturnReceivedEventData> {
  return {
    id,
    type: ReturnEventType.ReturnReceived,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'returns',
    correlationId: randomUUID(),
    data: {
      returnId: receipt.returnId,
      number: 'RT-202612-0001',
      customerId: randomUUID(),
      complaintId: null,
      handling: 'return',
      purchaseRef: { storeId: receipt.storeId, transactionId: receipt.transactionId },
      lines: [
        { sku: 'TEA-500G', approvedQuantity: 1, receivedQuantity: 1, unitPrice: cny(receipt.refunded), refunded: cny(receipt.refunded) },
      ],
      refunded: cny(receipt.refunded),
      signedBy: 'Zhou Min',
      receivedAt: new Date().toISOString(),
    },
  };
}

/** Publishes it on `crm.events`, persistent, with publisher confirms; answers the event id. */
export async function publishReturnReceived(url: string, receipt: ReturnReceipt, eventId: string = randomUUID()): Promise<string> {
  const envelope = returnReceivedEnvelope(receipt, eventId);
  const connection = await connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish(Topology.eventsExchange, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      contentType: 'application/json',
      messageId: envelope.id,
      type: envelope.type,
      headers: { [MessageHeaders.correlationId]: envelope.correlationId },
    });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  return eventId;
}
