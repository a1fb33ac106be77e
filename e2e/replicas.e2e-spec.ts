import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { EventProbe, eventually } from '@crm/testing';
import { DEFAULT_COMPLAINT_SETTINGS } from '../services/complaints/src/complaints.config';
import { serviceSql, startSuite, type ApiKey, type Suite } from './support/suite';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Envelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Issue 11, replicas: two instances of the customers and complaints services on their one database
 * each and two gateways on theirs, all on one vhost, with a round-robin balancer in front — whatever
 * SUITE_REPLICAS says. What runs on a timer or a queue in every replica acts once: the outbox relays
 * publish each event once, the SLA scanners (every 100 ms here) record and publish each breach and
 * each 75 % warning once, the gateways' event feed records each event once; an Idempotency-Key
 * replayed on the other gateway answers the first response. The rest is proved elsewhere (README
 * "Two replicas of everything"): scanners racing (sla-scanner.int-spec), relays racing
 * (outbox.int-spec), revocation (api-key-revocation.e2e-spec), rate-limit scope
 * (rate-limit-scope.e2e-spec).
 */
describe('two replicas of everything', () => {
  const purpose = 'replicas';
  let suite: Suite;
  let probe: EventProbe;
  let complaintsSql: Client;
  let sales: ApiKey;
  let manager: ApiKey;
  let service: ApiKey;
  let finance: ApiKey;

  beforeAll(async () => {
    suite = await startSuite(purpose, ['customers', 'complaints'], {
      replicas: 2,
      complaints: { ...DEFAULT_COMPLAINT_SETTINGS, slaScanIntervalMs: 100 },
    });
    probe = await EventProbe.bind('#', suite.vhost.url);
    complaintsSql = await serviceSql(purpose, 'complaints');
    sales = await suite.createKey('replicas-sales', ['sales']);
    manager = await suite.createKey('replicas-manager', ['manager']);
    service = await suite.createKey('replicas-service', ['service']);
    finance = await suite.createKey('replicas-finance', ['finance']);
  });

  afterAll(async () => {
    await complaintsSql?.end();
    await probe?.close();
    await suite?.close();
  });

  const published = (type: string) => probe.bodies<Envelope>().filter((event) => event.type === type);

  async function registerCustomer(name: string): Promise<string> {
    return (await suite.http().post('/api/v1/customers').set(sales.auth).send({ type: 'retailer', name, contacts: [] }).expect(201)).body
      .id as string;
  }

  it('runs two gateways behind the balancer, and each committed event is published once by the two relays', async () => {
    expect(suite.urls).toHaveLength(2);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => registerCustomer(`Replica Shop ${i}`)));
    await probe.waitFor(
      () => published('customers.customer.registered').filter((event) => ids.includes(event.data.customerId as string)).length >= 12,
    );
    await sleep(500); // ten relay polls of each replica: a second publication would show up here
    const registered = published('customers.customer.registered').filter((event) => ids.includes(event.data.customerId as string));
    expect(registered.map((event) => event.data.customerId).sort()).toEqual([...ids].sort());
    expect(new Set(registered.map((event) => event.id)).size).toBe(12);
    // Both gateways answered (round robin), so both served the walk's kind of traffic.
    expect(suite.balancer?.served.every((count) => count >= 6)).toBe(true);
  });

  it('records each event once in the event feed, read through either gateway (RET-7, single active consumer)', async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, (_, i) => registerCustomer(`Feed Shop ${i}`)));
    const envelopeIds = await eventually(async () => {
      const events = published('customers.customer.registered').filter((event) => ids.includes(event.data.customerId as string));
      if (events.length < 4) throw new Error('not published yet');
      return events.map((event) => event.id);
    });
    for (const url of suite.urls) {
      const feed = await eventually(async () => {
        const page = (await request(url).get('/api/v1/events?types=customers.*&limit=200').set(finance.auth).expect(200)).body as {
          items: { id: string; position: number }[];
        };
        if (!envelopeIds.every((id) => page.items.some((item) => item.id === id))) throw new Error('not in the feed yet');
        return page.items;
      });
      const feedIds = feed.map((item) => item.id);
      expect(new Set(feedIds).size).toBe(feedIds.length);
      const positions = feed.map((item) => item.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('answers an Idempotency-Key replayed on the other gateway with the first response (GW-6), once', async () => {
    const key = randomUUID();
    const body = { type: 'retailer', name: 'Idempotent Shop', contacts: [] };
    const [first, second] = suite.urls;
    const created = await request(first).post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', key).send(body).expect(201);
    const replayed = await request(second).post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', key).send(body).expect(201);
    expect(replayed.body.id).toBe(created.body.id);
    // The same key sent to both gateways at once: one customer at most, never two.
    const raced = randomUUID();
    const answers = await Promise.all(
      suite.urls.map((url) => request(url).post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', raced).send(body)),
    );
    const made = new Set(answers.filter((answer) => answer.status === 201).map((answer) => answer.body.id as string));
    expect(made.size).toBe(1);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    await sleep(500);
    const names = published('customers.customer.registered').filter((event) => event.data.name === 'Idempotent Shop');
    expect(names).toHaveLength(2); // one for `key`, one for `raced`
  });

  it('records, escalates and publishes each SLA breach and each 75 % warning once with two scanners on timers (CMP-9)', async () => {
    const customer = await registerCustomer('SLA Shop');
    await suite
      .http()
      .post(`/api/v1/customers/${customer}/submit`)
      .set(sales.auth)
      .send({ generalSurvey: 'g', fieldSurvey: 'f' })
      .expect(200);
    await suite.http().post(`/api/v1/customers/${customer}/approve`).set(manager.auth).send({}).expect(200);
    const registration = {
      kind: 'complaint',
      channel: 'phone',
      customerId: customer,
      complainant: { name: 'Wang Fang', phone: '+86 138 0013 8000' },
      subject: 'Leaking tea tins',
      description: 'Three of twenty tins arrived with broken seals.',
      category: 'quality',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      demand: 'Compensation',
      product: { orderNo: 'SO-1001', sku: 'TEA-500G', batchNo: 'B-7', shippedAt: '2026-10-30', quantity: 20, defectiveQuantity: 3 },
    };
    const complaints: { id: string; escalationLevel: string }[] = [];
    for (let i = 0; i < 4; i++) {
      complaints.push((await suite.http().post('/api/v1/complaints').set(service.auth).send(registration).expect(201)).body);
    }
    const ids = complaints.map((complaint) => complaint.id);
    // Two missed due times per record, and the resolution's 75 % warning due (its due time ahead).
    await complaintsSql.query(
      `UPDATE complaints SET acknowledge_due_at = now() - interval '2 hours', first_proposal_due_at = now() - interval '1 hour',
         resolution_warn_at = now() - interval '1 minute', resolution_due_at = now() + interval '1 day' WHERE id = ANY($1)`,
      [ids],
    );
    const ofThese = (type: string) =>
      published(type)
        .filter((event) => ids.includes(event.data.complaintId as string))
        .map((event) => `${event.data.complaintId as string}:${event.data.deadline as string}`)
        .sort();
    await probe.waitFor(
      () => ofThese('complaints.complaint.sla-breached').length >= 8 && ofThese('complaints.complaint.sla-warning').length >= 4,
      20_000,
    );
    await sleep(1000); // ten more rounds of each scanner
    expect(ofThese('complaints.complaint.sla-breached')).toEqual(ids.flatMap((id) => [`${id}:acknowledge`, `${id}:firstProposal`]).sort());
    expect(ofThese('complaints.complaint.sla-warning')).toEqual(ids.map((id) => `${id}:resolution`).sort());
    const rows = await complaintsSql.query<{ breaches: number; warnings: number }>(
      `SELECT (SELECT count(*)::int FROM complaint_sla_breaches WHERE complaint_id = ANY($1)) AS breaches,
              (SELECT count(*)::int FROM complaint_sla_warnings WHERE complaint_id = ANY($1)) AS warnings`,
      [ids],
    );
    expect(rows.rows[0]).toEqual({ breaches: 8, warnings: 4 });
    // One escalation step per breach, not per replica: two breaches from the registered level.
    for (const complaint of complaints) {
      const view = (await suite.http().get(`/api/v1/complaints/${complaint.id}`).set(service.auth).expect(200)).body;
      expect(view).toMatchObject({ overdue: true, escalationLevel: 'executive' });
    }
  });
});
