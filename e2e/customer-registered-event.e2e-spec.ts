import { randomUUID } from 'node:crypto';
import { EventProbe, drainQueue } from '@crm/testing';
import { startSuite, type Suite } from './support/suite';

/**
 * Issue 2 "Done when": through the gateway a customer is created, read back and listed, and a
 * consumer bound to `crm.events` with `customers.#` receives `customers.customer.registered`
 * with the API.md envelope and message properties.
 */
describe('customers vertical slice through the gateway', () => {
  let suite: Suite;
  let probe: EventProbe;

  beforeAll(async () => {
    suite = await startSuite('e2e_slice', ['customers']);
    probe = await EventProbe.bind('customers.#', suite.vhost.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('creates, reads back and lists a customer, and publishes customers.customer.registered once', async () => {
    const sales = await suite.createKey('slice-sales', ['sales']);
    const requestId = `req-${randomUUID()}`;
    const created = await suite
      .http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .set('X-Request-Id', requestId)
      .send({ type: 'enterprise', name: 'Hangzhou Lake Trading Co.', contacts: [{ name: 'Li Wei', keyPerson: true }] })
      .expect(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    expect(created.body).toMatchObject({ name: 'Hangzhou Lake Trading Co.', status: 'prospect', version: expect.any(Number) });
    const id: string = created.body.id;

    const read = await suite.http().get(`/api/v1/customers/${id}`).set(sales.auth).set('X-Access-Purpose', 'e2e check').expect(200);
    expect(read.body).toMatchObject({ id, name: 'Hangzhou Lake Trading Co.', contacts: [{ name: 'Li Wei', keyPerson: true }] });

    const list = await suite.http().get('/api/v1/customers').query({ q: 'lake trading' }).set(sales.auth).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(list.body).toHaveProperty('nextCursor', null);

    await probe.waitFor((messages) => messages.some((message) => message.properties.type === 'customers.customer.registered'));
    const registered = probe.messages.filter((message) => message.properties.type === 'customers.customer.registered');
    expect(registered).toHaveLength(1);
    const [message] = registered;
    const envelope = JSON.parse(message.content.toString('utf8'));
    expect(envelope).toEqual({
      id: expect.any(String),
      type: 'customers.customer.registered',
      version: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
      source: 'customers',
      correlationId: requestId,
      causationId: expect.any(String),
      data: expect.objectContaining({ customerId: id }),
    });
    expect(message.properties.messageId).toBe(envelope.id);
    expect(message.properties.deliveryMode).toBe(2);
    expect(message.properties.contentType).toBe('application/json');
    expect(message.properties.headers?.['x-correlation-id']).toBe(requestId);
  });

  it('answers 400 problem+json for invalid input, 401 without a key and 404 for an unknown id', async () => {
    const sales = await suite.createKey('slice-sales-2', ['sales']);
    const invalid = await suite.http().post('/api/v1/customers').set(sales.auth).send({ type: 'martian', name: '' }).expect(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['type', 'name']));

    const anonymous = await suite.http().get('/api/v1/customers').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);

    const missing = await suite
      .http()
      .get(`/api/v1/customers/${randomUUID()}`)
      .set(sales.auth)
      .set('X-Access-Purpose', 'check')
      .expect(404);
    expect(missing.body).toMatchObject({ status: 404, title: expect.any(String) });
  });

  it('leaves nothing in the dead-letter queue', async () => {
    expect(await drainQueue('customers.dlq', suite.vhost.url)).toHaveLength(0);
  });
});
