import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { CustomerEventType, MessageHeaders, type Role } from '@crm/contracts';
import { Topology } from '@crm/messaging';
import { DomainServiceHarness, eventually, testCaller } from '@crm/testing';
import { loadReturnsConfig, type ReturnsConfig } from '../../src/returns.config';
import { startReturnsService } from '../../src/returns.service';

/** The returns service on its own test database and vhost (`call`, `failure`, `probe` on `returns.#`, `sql`). */
export type ReturnsHarness = DomainServiceHarness<ReturnsConfig>;
export const ReturnsHarness = {
  start: (purpose: string, env: NodeJS.ProcessEnv = {}): Promise<ReturnsHarness> =>
    DomainServiceHarness.start({ purpose, config: loadReturnsConfig(env), start: startReturnsService }),
};

export const caller = (roles: Role[]) => testCaller(roles);

/** Publishes an event envelope to `crm.events` as its owning service's relay would (same id → a redelivery). */
export async function publishEvent(url: string, type: string, data: Record<string, unknown>, id: string = randomUUID()): Promise<string> {
  const connection = await connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    const envelope = {
      id,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      source: type.split('.')[0],
      correlationId: randomUUID(),
      data,
    };
    channel.publish(Topology.eventsExchange, type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      contentType: 'application/json',
      messageId: id,
      type,
      headers: { [MessageHeaders.correlationId]: envelope.correlationId },
    });
    await channel.waitForConfirms();
    return id;
  } finally {
    await connection.close();
  }
}

/** A customer the CUS-2 read model knows as active (from a `customers.customer.approved` event). */
export async function activeCustomer(h: ReturnsHarness): Promise<string> {
  const customerId = randomUUID();
  await publishEvent(h.vhost.url, CustomerEventType.Approved, {
    customerId,
    code: 'C2026000001',
    name: 'Acme Tea',
    type: 'dealer',
    status: 'active',
    grade: null,
    creditRating: null,
    confidentiality: 'confidential',
  });
  await eventually(async () => {
    const { rows } = await h.sql.query<{ status: string }>('SELECT status FROM known_customers WHERE customer_id = $1', [customerId]);
    expect(rows[0]?.status).toBe('active');
  });
  return customerId;
}

/** A valid `POST /returns` body shipped `daysAgo` days ago; `overrides` replace fields. */
export function returnInput(customerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId,
    reason: 'Wrong colour delivered',
    handling: 'return',
    lines: [
      {
        sku: 'TEA-500G',
        batchNo: 'B-7',
        quantity: 10,
        unitPrice: { amount: 1999, currency: 'CNY' },
        shippedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      },
      {
        sku: 'CUP-01',
        quantity: 2,
        unitPrice: { amount: 12_550, currency: 'CNY' },
        shippedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      },
    ],
    ...overrides,
  };
}
