import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { ComplaintOperations as ops, CustomerEventType, MessageHeaders } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { Topology } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { ComplaintsHarness, caller, complaintInput } from './support/complaints-harness';

jest.setTimeout(60_000);

/**
 * CUS-2 for complaints tied to an order: the read model fed by `customers.customer.*` events
 * decides when it says `active`; otherwise the customers service is asked (here it is not running,
 * so the fallback is visibly attempted and the registration refused as unavailable, nothing written).
 */
describe('customer status for complaints (CUS-2, integration)', () => {
  let h: ComplaintsHarness;
  const service = caller(['service']);

  beforeAll(async () => {
    h = await ComplaintsHarness.start('complaints_customer_status');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function publishCustomerEvent(type: string, customerId: string, status: string, occurredAt: string): Promise<void> {
    const connection = await connect(h.vhost.url);
    try {
      const channel = await connection.createConfirmChannel();
      const id = randomUUID();
      const envelope = {
        id,
        type,
        version: 1,
        occurredAt,
        source: 'customers',
        correlationId: randomUUID(),
        data: {
          customerId,
          code: null,
          name: 'Acme',
          type: 'dealer',
          status,
          grade: null,
          creditRating: null,
          confidentiality: 'confidential',
        },
      };
      channel.publish(Topology.eventsExchange, type, Buffer.from(JSON.stringify(envelope)), {
        persistent: true,
        contentType: 'application/json',
        messageId: id,
        type,
        headers: { [MessageHeaders.correlationId]: envelope.correlationId },
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  const knownStatus = async (customerId: string) =>
    (await h.sql.query<{ status: string }>('SELECT status FROM known_customers WHERE customer_id = $1', [customerId])).rows[0]?.status;

  it('registers a complaint tied to an order of a customer the events say is active', async () => {
    const customerId = randomUUID();
    await publishCustomerEvent(CustomerEventType.Registered, customerId, 'prospect', '2026-11-01T01:00:00Z');
    await publishCustomerEvent(CustomerEventType.Approved, customerId, 'active', '2026-11-02T01:00:00Z');
    await eventually(async () => expect(await knownStatus(customerId)).toBe('active'));
    // Order-tolerant: a late, older fact does not undo the approval.
    await publishCustomerEvent(CustomerEventType.Submitted, customerId, 'pending_approval', '2026-11-01T12:00:00Z');
    await publishCustomerEvent(CustomerEventType.Dormant, randomUUID(), 'dormant', '2026-11-03T01:00:00Z');
    const complaint = await h.call<{ status: string }>(ops.register.pattern, complaintInput({ customerId }), service);
    expect(complaint.status).toBe('registered');
    expect(await knownStatus(customerId)).toBe('active');
  });

  it('asks the customers service when the model does not know the customer or says not active', async () => {
    const unknown = randomUUID();
    const before = (await h.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')).rows[0].n;
    expect(await h.failure(ops.register.pattern, complaintInput({ customerId: unknown }), service)).toMatchObject({
      kind: ErrorKind.Unavailable,
    });

    const prospect = randomUUID();
    await publishCustomerEvent(CustomerEventType.Registered, prospect, 'prospect', '2026-11-01T01:00:00Z');
    await eventually(async () => expect(await knownStatus(prospect)).toBe('prospect'));
    expect(await h.failure(ops.register.pattern, complaintInput({ customerId: prospect }), service)).toMatchObject({
      kind: ErrorKind.Unavailable,
    });
    expect((await h.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')).rows[0].n).toBe(before);
  });

  it('does not check complaints that are not tied to an order', async () => {
    const complaint = await h.call<{ status: string }>(
      ops.register.pattern,
      complaintInput({ customerId: randomUUID(), product: undefined }),
      service,
    );
    expect(complaint.status).toBe('registered');
  });
});
