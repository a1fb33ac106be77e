import { EventProbe } from '@crm/testing';
import { startSuite, type Suite, type ApiKey } from './support/suite';

const DAY = 24 * 3600 * 1000;

/**
 * Issue 3 "Done when": the whole archive lifecycle through the gateway on the real servers —
 * create → submit → approve → read with and without clearance → register shows both → grade →
 * review → dormant → three destruction approvals → tombstone (CUS-1..CUS-10).
 */
describe('customer archive lifecycle through the gateway', () => {
  let suite: Suite;
  let probe: EventProbe;
  let sales: ApiKey;
  let manager: ApiKey;
  let clerk: ApiKey;
  let auditor: ApiKey;
  let archivist: ApiKey;
  let executive: ApiKey;

  beforeAll(async () => {
    suite = await startSuite('e2e_lifecycle', ['customers']);
    probe = await EventProbe.bind('customers.#', suite.vhost.url);
    sales = await suite.createKey('sales-rep', ['sales'], 'confidential');
    manager = await suite.createKey('cs-manager', ['manager'], 'secret');
    clerk = await suite.createKey('service-clerk', ['service'], 'confidential');
    auditor = await suite.createKey('auditor', ['auditor'], 'confidential');
    archivist = await suite.createKey('archivist', ['archivist'], 'confidential');
    executive = await suite.createKey('general-manager', ['executive'], 'top_secret');
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('walks an archive from first contact to its tombstone', async () => {
    const http = () => suite.http();
    const firstContactAt = new Date(Date.now() - 10 * DAY).toISOString();

    // CUS-1, CUS-3, CUS-6: a secret archive created 10 days after first contact.
    const created = await http()
      .post('/api/v1/customers')
      .set(sales.auth)
      .send({
        type: 'dealer',
        name: 'Suzhou Canal Dealers Ltd.',
        industry: 'home appliances',
        employees: 120,
        annualRevenue: { amount: 5_000_000_00, currency: 'CNY' },
        contacts: [
          {
            name: 'Zhang Min',
            title: 'Purchasing director',
            phone: '+86 512 6666 8888',
            email: 'zhang@example.cn',
            birthday: '1980-05-17',
            keyPerson: true,
          },
        ],
        confidentiality: 'secret',
        firstContactAt,
        notes: "Robert'); DROP TABLE customers;-- <script>alert(1)</script>",
      })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({ status: 'prospect', confidentiality: 'secret', createdLate: true, code: null });

    // CUS-3: the list can filter archives created late.
    const late = await http().get('/api/v1/customers').query({ createdLate: true }).set(sales.auth).expect(200);
    expect(late.body.items.map((item: { id: string }) => item.id)).toContain(id);

    // CUS-2: submit with the surveys; sales may not approve; a manager does and the code appears (CUS-4).
    await http()
      .post(`/api/v1/customers/${id}/submit`)
      .set(sales.auth)
      .send({ generalSurvey: 'Sound dealer network', fieldSurvey: 'Warehouse visited' })
      .expect(200);
    await http().post(`/api/v1/customers/${id}/approve`).set(sales.auth).send({}).expect(403);
    const approved = await http().post(`/api/v1/customers/${id}/approve`).set(manager.auth).send({}).expect(200);
    expect(approved.body.status).toBe('active');
    expect(approved.body.code).toMatch(/^C\d{4}\d{6}$/);
    // A wrong step is a conflict.
    await http().post(`/api/v1/customers/${id}/approve`).set(manager.auth).send({}).expect(409);

    // CUS-6 / CUS-7: a purpose is required; the clerk's clearance is too low; the manager's is enough.
    await http().get(`/api/v1/customers/${id}`).set(manager.auth).expect(400);
    const denied = await http().get(`/api/v1/customers/${id}`).set(clerk.auth).set('X-Access-Purpose', 'complaint follow-up').expect(403);
    // A till key has no archive access at all; its attempt is refused and recorded as well.
    const till = await suite.createKey('till-7', ['pos'], 'top_secret', { storeId: 'store-7' });
    await http().get(`/api/v1/customers/${id}`).set(till.auth).set('X-Access-Purpose', 'curious').expect(403);
    expect(denied.body.status).toBe(403);
    const full = await http().get(`/api/v1/customers/${id}`).set(manager.auth).set('X-Access-Purpose', 'annual credit review').expect(200);
    expect(full.body.contacts[0]).toMatchObject({ name: 'Zhang Min', keyPerson: true });
    expect(full.body.notes).toBe("Robert'); DROP TABLE customers;-- <script>alert(1)</script>");
    // Everyone with a staff role sees the summary.
    const summaries = await http().get('/api/v1/customers').query({ q: 'canal dealers' }).set(clerk.auth).expect(200);
    expect(summaries.body.items).toEqual([
      {
        id,
        code: approved.body.code,
        name: 'Suzhou Canal Dealers Ltd.',
        type: 'dealer',
        grade: null,
        creditRating: null,
        status: 'active',
        confidentiality: 'secret',
      },
    ]);

    // CUS-7: the register shows the refused and the granted read; only auditors (and admins) read it.
    await http().get(`/api/v1/customers/${id}/access-log`).set(manager.auth).expect(403);
    const register = await http().get(`/api/v1/customers/${id}/access-log`).set(auditor.auth).expect(200);
    const outcomes = register.body.items.map((entry: { outcome: string; purpose: string }) => [entry.outcome, entry.purpose]);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        ['denied', 'complaint follow-up'],
        ['denied', 'curious'],
        ['granted', 'annual credit review'],
      ]),
    );

    // CUS-1: optimistic concurrency on PATCH.
    const version: number = full.body.version;
    const patched = await http()
      .patch(`/api/v1/customers/${id}`)
      .set(sales.auth)
      .set('If-Match', `W/"${version}"`)
      .send({ industry: 'kitchen appliances' })
      .expect(200);
    expect(patched.body.version).toBeGreaterThan(version);
    await http().patch(`/api/v1/customers/${id}`).set(sales.auth).set('If-Match', String(version)).send({ industry: 'stale' }).expect(412);

    // CUS-5: grade and credit rating by a manager, with history.
    await http().post(`/api/v1/customers/${id}/grade`).set(sales.auth).send({ grade: 'A', reason: 'try' }).expect(403);
    await http()
      .post(`/api/v1/customers/${id}/grade`)
      .set(manager.auth)
      .send({ grade: 'A', creditRating: 'B', reason: 'Top-10 dealer, pays in 45 days' })
      .expect(200);

    // CUS-8: a review moves the next due date three months on.
    const reviewed = await http()
      .post(`/api/v1/customers/${id}/reviews`)
      .set(archivist.auth)
      .send({ outcome: 'verified', notes: 'All details confirmed' })
      .expect(201);
    const lastReviewedAt = Date.parse(reviewed.body.lastReviewedAt);
    const nextDue = Date.parse(reviewed.body.nextReviewDueAt);
    expect(nextDue - lastReviewedAt).toBeGreaterThanOrEqual(89 * DAY);
    expect(nextDue - lastReviewedAt).toBeLessThanOrEqual(92 * DAY);

    const afterGrade = await http().get(`/api/v1/customers/${id}`).set(manager.auth).set('X-Access-Purpose', 'check grade').expect(200);
    expect(afterGrade.body).toMatchObject({ grade: 'A', creditRating: 'B' });
    expect(afterGrade.body.gradeHistory).toHaveLength(1);
    expect(afterGrade.body.gradeHistory[0]).toMatchObject({ reason: 'Top-10 dealer, pays in 45 days', grade: 'A', creditRating: 'B' });

    // CUS-9: only a dormant archive may be destroyed, after three distinct approvals.
    await http().post(`/api/v1/customers/${id}/destruction-approvals`).set(archivist.auth).send({}).expect(409);
    await http().post(`/api/v1/customers/${id}/dormant`).set(manager.auth).send({ reason: 'No orders for two years' }).expect(200);
    await http().post(`/api/v1/customers/${id}/destruction-approvals`).set(archivist.auth).send({}).expect(201);
    await http().post(`/api/v1/customers/${id}/destruction-approvals`).set(archivist.auth).send({}).expect(409);
    await http().post(`/api/v1/customers/${id}/destruction-approvals`).set(manager.auth).send({}).expect(201);
    await http().post(`/api/v1/customers/${id}/destruction-approvals`).set(executive.auth).send({}).expect(201);

    // The old data is gone for good; the read answers the tombstone (200, no ETag).
    const gone = await http().get(`/api/v1/customers/${id}`).set(executive.auth).set('X-Access-Purpose', 'after destruction').expect(200);
    expect(Object.keys(gone.body).sort()).toEqual(['approvers', 'code', 'destroyedAt', 'id', 'status']);
    expect(gone.headers.etag).toBeUndefined();
    expect(gone.body).toMatchObject({ id, code: approved.body.code, status: 'destroyed' });
    expect(gone.body.approvers.map((approver: { role: string }) => approver.role).sort()).toEqual(['archivist', 'executive', 'manager']);

    // CUS-10: events through the outbox, with nothing above the confidential level.
    await probe.waitFor((messages) => messages.some((message) => message.properties.type === 'customers.customer.destroyed'));
    const types = probe.messages.map((message) => message.properties.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'customers.customer.registered',
        'customers.customer.approved',
        'customers.customer.graded',
        'customers.customer.destroyed',
      ]),
    );
    const everything = probe.messages.map((message) => message.content.toString('utf8')).join('\n');
    for (const secret of ['Zhang Min', 'zhang@example.cn', '6666 8888', 'Warehouse visited', 'DROP TABLE'])
      expect(everything).not.toContain(secret);
  });
});
