import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PrismProxy, type Violation, violationsOf } from './support/prism';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

interface Step {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  key?: ApiKey;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
}

/**
 * GW-1 / issue 6: the OpenAPI document is what integrators generate clients from and validate
 * against. Stoplight Prism 5 in proxy mode stands in front of the gateway (real customers service,
 * PostgreSQL, RabbitMQ) while a walk goes through every customers route and its error cases; every
 * answer must match the document — no response violation at all.
 */
describe('OpenAPI document versus the live answers (Prism proxy)', () => {
  let suite: Suite;
  let prism: PrismProxy;
  const walked: { step: string; status: number; violations: Violation[] }[] = [];
  const keys: Record<string, ApiKey> = {};

  beforeAll(async () => {
    suite = await startSuite('openapi_walk', ['customers']);
    for (const [name, roles, clearance] of [
      ['sales', ['sales'], 'secret'],
      ['manager', ['manager'], 'top_secret'],
      ['archivist', ['archivist'], 'confidential'],
      ['executive', ['executive'], 'top_secret'],
      ['auditor', ['auditor'], 'confidential'],
      ['pos', ['pos'], 'confidential'],
    ] as const) {
      keys[name] = await suite.createKey(`${name}-walk`, [...roles], clearance, name === 'pos' ? { storeId: 'S1' } : {});
    }
    prism = await PrismProxy.inFrontOf(suite.url);
  });

  afterAll(async () => {
    await prism?.close();
    await suite?.close();
  });

  async function step(name: string, { method, path, key, body, headers, status }: Step): Promise<request.Response> {
    let call = request(prism.url)[method](`/api/v1${path}`);
    if (key) call = call.set(key.auth);
    for (const [header, value] of Object.entries(headers ?? {})) call = call.set(header, value);
    const response = await (body === undefined ? call : call.send(body as object));
    walked.push({
      step: `${name}: ${method.toUpperCase()} ${path} → ${response.status}`,
      status: response.status,
      violations: violationsOf(response.headers),
    });
    expect({ name, status: response.status }).toEqual({ name, status });
    return response;
  }

  it('walks every customers route and its error cases without a response violation', async () => {
    const { sales, manager, archivist, executive, auditor, pos } = keys;
    const full = {
      type: 'enterprise',
      name: 'Hangzhou West Lake Trading Co., Ltd.',
      registration: {
        registrationNo: '91330100MA2',
        taxId: 'T-1',
        legalRepresentative: 'Chen Jing',
        registeredCapital: { amount: 100_000_000, currency: 'CNY' },
        registeredOn: '2015-03-02',
      },
      industry: 'tea',
      employees: 80,
      annualRevenue: { amount: 1_200_000_000, currency: 'CNY' },
      address: { label: 'head office', line: '1 Lake Road', city: 'Hangzhou', province: 'Zhejiang', postalCode: '310000', country: 'CN' },
      addresses: [{ line: '2 Tea Street' }],
      contacts: [
        { name: 'Chen Jing', title: 'CEO', phone: '(0571) 8888-6666', email: 'chen@example.cn', birthday: '1975-09-09', keyPerson: true },
      ],
      organisationNotes: 'Family firm',
      businessStatus: { salesHistorySummary: 'steady', cooperationAttitude: 'good' },
      creditInformation: {
        investigationSummary: 'clean',
        paymentBehaviour: 'on time',
        creditLimit: { amount: 50_000_000, currency: 'CNY' },
      },
      emergencyContact: { name: 'Chen Li', phone: '+86 571 1234 5678', relation: 'sister' },
      confidentiality: 'secret',
      firstContactAt: new Date(Date.now() - 2 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
      ownerRep: 'Wang Lei',
      notes: 'Met at the spring fair',
    };
    const minimal = { type: 'individual', name: 'Li Na', contacts: [] };

    // Registration, its refusals, and the idempotent replay (GW-6).
    const created = await step('register full', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: full,
      status: 201,
      headers: { 'Idempotency-Key': 'walk-1' },
    });
    const id = created.body.id as string;
    await step('register replay', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: full,
      status: 201,
      headers: { 'Idempotency-Key': 'walk-1' },
    });
    await step('register same key other body', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: minimal,
      status: 422,
      headers: { 'Idempotency-Key': 'walk-1' },
    });
    const other = (await step('register minimal', { method: 'post', path: '/customers', key: manager, body: minimal, status: 201 })).body
      .id as string;
    await step('register invalid', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: { ...minimal, contacts: [{ name: 'X', phone: 'call me' }], employees: -1 },
      status: 400,
    });
    await step('register unknown field', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: { ...minimal, status: 'active' },
      status: 400,
    });
    await step('register future first contact', {
      method: 'post',
      path: '/customers',
      key: sales,
      body: { ...minimal, firstContactAt: new Date(Date.now() + 2 * DAY).toISOString() },
      status: 400,
    });
    await step('register no key', { method: 'post', path: '/customers', body: minimal, status: 401 });
    await step('register as pos', { method: 'post', path: '/customers', key: pos, body: minimal, status: 403 });

    // Lists and reads.
    await step('list', { method: 'get', path: '/customers?limit=2', key: archivist, status: 200 });
    await step('list filtered', {
      method: 'get',
      path: '/customers?status=prospect&q=Lake&reviewOverdue=false&createdLate=false',
      key: sales,
      status: 200,
    });
    await step('list bad limit', { method: 'get', path: '/customers?limit=0x10', key: sales, status: 400 });
    await step('read full', {
      method: 'get',
      path: `/customers/${id}`,
      key: manager,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 200,
    });
    await step('read minimal', {
      method: 'get',
      path: `/customers/${other}`,
      key: sales,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 200,
    });
    await step('read without purpose', { method: 'get', path: `/customers/${id}`, key: manager, status: 400 });
    await step('read without clearance', {
      method: 'get',
      path: `/customers/${id}`,
      key: archivist,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 403,
    });
    await step('read unknown', {
      method: 'get',
      path: `/customers/${randomUUID()}`,
      key: manager,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 404,
    });
    await step('read malformed id', {
      method: 'get',
      path: '/customers/not-a-uuid',
      key: manager,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 400,
    });

    // CUS-1 update under If-Match; CUS-2 workflow; CUS-5 grading; CUS-8 review and dormancy.
    await step('update', {
      method: 'patch',
      path: `/customers/${id}`,
      key: sales,
      headers: { 'If-Match': 'W/"1"' },
      body: { industry: 'green tea', notes: null },
      status: 200,
    });
    await step('update stale', {
      method: 'patch',
      path: `/customers/${id}`,
      key: sales,
      headers: { 'If-Match': '"1"' },
      body: { industry: 'x' },
      status: 412,
    });
    await step('update without If-Match', { method: 'patch', path: `/customers/${id}`, key: sales, body: { industry: 'x' }, status: 400 });
    await step('approve a prospect', { method: 'post', path: `/customers/${id}/approve`, key: manager, body: {}, status: 409 });
    await step('submit', {
      method: 'post',
      path: `/customers/${id}/submit`,
      key: sales,
      body: { generalSurvey: 'sound', fieldSurvey: 'visited' },
      status: 200,
    });
    await step('submit again', {
      method: 'post',
      path: `/customers/${id}/submit`,
      key: sales,
      body: { generalSurvey: 'sound', fieldSurvey: 'visited' },
      status: 409,
    });
    await step('approve', { method: 'post', path: `/customers/${id}/approve`, key: manager, body: {}, status: 200 });
    await step('submit other', {
      method: 'post',
      path: `/customers/${other}/submit`,
      key: sales,
      body: { generalSurvey: 'thin', fieldSurvey: 'none' },
      status: 200,
    });
    await step('reject other', {
      method: 'post',
      path: `/customers/${other}/reject`,
      key: manager,
      body: { reason: 'survey incomplete' },
      status: 200,
    });
    await step('reject blank', { method: 'post', path: `/customers/${other}/reject`, key: manager, body: { reason: '' }, status: 400 });
    await step('grade', {
      method: 'post',
      path: `/customers/${id}/grade`,
      key: manager,
      body: { grade: 'A', creditRating: 'B', reason: 'top dealer' },
      status: 200,
    });
    await step('grade as sales', {
      method: 'post',
      path: `/customers/${id}/grade`,
      key: sales,
      body: { grade: 'A', reason: 'x' },
      status: 403,
    });
    await step('review', {
      method: 'post',
      path: `/customers/${id}/reviews`,
      key: archivist,
      body: { outcome: 'verified', notes: 'ok' },
      status: 201,
    });
    await step('read after review', {
      method: 'get',
      path: `/customers/${id}`,
      key: manager,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 200,
    });
    await step('list overdue', { method: 'get', path: '/customers?reviewOverdue=true', key: sales, status: 200 });
    await step('dormant', { method: 'post', path: `/customers/${id}/dormant`, key: archivist, body: { reason: 'no orders' }, status: 200 });

    // CUS-9 destruction: two approvals answer the status view, the third the tombstone.
    await step('destruction 1', { method: 'post', path: `/customers/${id}/destruction-approvals`, key: archivist, status: 201 });
    await step('destruction 1 again', { method: 'post', path: `/customers/${id}/destruction-approvals`, key: archivist, status: 409 });
    await step('destruction 2', { method: 'post', path: `/customers/${id}/destruction-approvals`, key: manager, status: 201 });
    const tombstone = await step('destruction 3', {
      method: 'post',
      path: `/customers/${id}/destruction-approvals`,
      key: executive,
      status: 201,
    });
    expect(tombstone.body).toMatchObject({ status: 'destroyed' });
    await step('read tombstone', {
      method: 'get',
      path: `/customers/${id}`,
      key: sales,
      headers: { 'X-Access-Purpose': 'walk' },
      status: 200,
    });
    await step('update destroyed', {
      method: 'patch',
      path: `/customers/${id}`,
      key: sales,
      headers: { 'If-Match': '9' },
      body: { industry: 'x' },
      status: 410,
    });

    // CUS-7 borrowing register.
    await step('access log', { method: 'get', path: `/customers/${id}/access-log?limit=5`, key: auditor, status: 200 });
    await step('access log as sales', { method: 'get', path: `/customers/${id}/access-log`, key: sales, status: 403 });

    // Gateway-own routes.
    const admin = { auth: suite.admin } as ApiKey;
    const issued = await step('issue key', {
      method: 'post',
      path: '/api-keys',
      key: admin,
      body: { name: 'walk till', roles: ['pos'], clearance: 'confidential', storeId: 'S9', expiresAt: '2030-01-01T00:00:00Z' },
      status: 201,
    });
    await step('issue key invalid', {
      method: 'post',
      path: '/api-keys',
      key: admin,
      body: { name: ' ', roles: [], clearance: 'x' },
      status: 400,
    });
    await step('list keys', { method: 'get', path: '/api-keys?limit=2', key: admin, status: 200 });
    await step('list keys as sales', { method: 'get', path: '/api-keys', key: sales, status: 403 });
    await step('revoke key', { method: 'delete', path: `/api-keys/${issued.body.id}`, key: admin, status: 204 });
    await step('api keys, bad key', {
      method: 'get',
      path: '/api-keys',
      key: { auth: { Authorization: 'Bearer nope' } } as ApiKey,
      status: 401,
    });
    const live = await request(prism.url).get('/health/live');
    walked.push({ step: `GET /health/live → ${live.status}`, status: live.status, violations: violationsOf(live.headers) });
    const health = await request(prism.url).get('/health/ready');
    walked.push({ step: `GET /health/ready → ${health.status}`, status: health.status, violations: violationsOf(health.headers) });

    const problems = walked.flatMap(({ step: name, violations }) =>
      violations
        .filter((violation) => violation.location[0] === 'response')
        .map((violation) => `${name}: ${violation.location.join('.')} ${violation.message}`),
    );
    console.log(`OpenAPI walk: ${walked.length} requests through Prism, ${problems.length} response violations`);
    expect(problems).toEqual([]);
    // The walk must not go unchecked: Prism did validate (requests we sent wrong are reported as such).
    expect(walked.some(({ violations }) => violations.some((violation) => violation.location[0] === 'request'))).toBe(true);
  });
});
