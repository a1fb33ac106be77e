import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { OPERATION_TABLES, ROLES, type Role, openApiPath } from '@crm/contracts';
import { ApiKeysController } from '../services/gateway/src/auth/api-keys.controller';
import { PUBLIC_KEY, ROLES_KEY } from '../services/gateway/src/auth/roles.decorator';
import { EventFeedController } from '../services/gateway/src/event-feed/event-feed.controller';
import { HealthController } from '../services/gateway/src/health/health.controller';
import { type RouteCase, type RouteSample, callRoute, routeCases } from '../services/gateway/test/support/roles-matrix';
import { leakedInternals } from '../services/gateway/test/support/leaks';
import { ROUTE_SAMPLES } from '../services/gateway/test/support/route-samples';
import { startSuite, type Suite, type ApiKey } from './support/suite';

jest.setTimeout(180_000);

const PROBLEM = /^application\/problem\+json/;
const CONCURRENCY = 6;

type MatrixCase = RouteCase & { domain: string; public?: boolean };

/**
 * The gateway's own routes (not in the domain tables): their method, path and roles (or `@Public`)
 * read from the controllers' decorators, so that a new one joins the matrix with only a sample.
 */
const GATEWAY_CONTROLLERS: Type[] = [ApiKeysController, EventFeedController, HealthController];
const GATEWAY_SAMPLES: Record<string, RouteSample> = {
  'POST api-keys': { body: { name: 'matrix-made', roles: ['auditor'], clearance: 'confidential' } },
  'GET api-keys': {},
  'DELETE api-keys/:id': {},
  'GET events': {},
  'GET health/live': {},
  'GET health/ready': {},
  'GET metrics': {},
};

function gatewayRoutes(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const controller of GATEWAY_CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (sub === undefined || method === undefined) continue;
      const path = [base, sub].filter((part) => part && part !== '/').join('/');
      const verb = RequestMethod[method];
      const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) === true;
      const declared = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? []) as Role[];
      const roles = isPublic ? ROLES : declared.filter((role) => role !== 'admin');
      const sample = GATEWAY_SAMPLES[`${verb} ${path}`];
      if (!sample) throw new Error(`no sample for the gateway route ${verb} ${path}: add one to GATEWAY_SAMPLES`);
      cases.push({
        domain: 'gateway',
        name: `${controller.name}.${name}`,
        ...sample,
        method: verb.toLowerCase() as RouteCase['method'],
        path: (id: string) => `/api/v1/${path.replace(/:[A-Za-z]+/g, id)}`,
        roles,
        allowed: roles,
        pattern: `${verb} ${path}`,
        public: isPublic,
      });
    }
  }
  return cases;
}

/** `GET /customers/{id}` of every operation of the tables and every gateway-own route. */
const documented = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${openApiPath(route.path)}`;

/** Runs `work` over `items` with at most `limit` at a time. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * GW-3 for the whole API against the real suite (all four domain services): every route of every
 * domain — generated from the operation tables in libs/contracts, the same tables the gateway's
 * guard, the services' own role checks and docs/roles.md read — called with a key of every role,
 * without a key and with a revoked key. An admitted role is never refused (401/403; 404, 422 … are
 * the domain answering; a 400 would mean the sample never reached the service), a role the table does not admit gets a 403 problem, no key and a revoked
 * key 401. Unlike the per-domain route tests (services/gateway/test/*-routes, stand-in services),
 * the operations the service refuses itself (CUS-7) are checked here with the service's refusal.
 */
describe('roles matrix of the whole API (GW-2, GW-3)', () => {
  let suite: Suite;
  const keys = new Map<Role, ApiKey>();
  let revoked: ApiKey;

  beforeAll(async () => {
    suite = await startSuite('roles_matrix');
    for (const role of ROLES) {
      keys.set(role, await suite.createKey(`matrix-${role}`, [role], 'confidential', role === 'pos' ? { storeId: 'S1' } : {}));
    }
    revoked = await suite.createKey('matrix-revoked', ['manager', 'sales', 'finance']);
    await suite.http().delete(`/api/v1/api-keys/${revoked.id}`).set(suite.admin).expect(204);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const domainCases = (): MatrixCase[] =>
    Object.entries(OPERATION_TABLES).flatMap(([domain, table]) => {
      const samples = ROUTE_SAMPLES[domain] ?? {};
      const missing = Object.keys(table).filter((name) => !samples[name]);
      if (missing.length) throw new Error(`no route sample for ${domain}: ${missing.join(', ')}`);
      return routeCases(table, samples).map((route) => ({ ...route, domain }));
    });

  it('admits every role the tables admit, refuses the others with 403, and keyless or revoked callers with 401', async () => {
    const cases = [...domainCases(), ...gatewayRoutes()];
    const callers: (Role | 'no key' | 'revoked key')[] = [...ROLES, 'no key', 'revoked key'];
    const calls = cases.flatMap((route) => callers.map((caller) => ({ route, caller })));
    const mismatches: string[] = [];
    const exercised = new Set<string>();
    const admittedStatuses: Record<number, number> = {};
    const started = Date.now();

    await pooled(calls, CONCURRENCY, async ({ route, caller }) => {
      const key = caller === 'no key' ? { auth: {} } : caller === 'revoked key' ? revoked : keys.get(caller)!;
      const response = await callRoute(suite, route, key as ApiKey);
      exercised.add(`${route.domain}.${route.name}`);
      const where = `${route.method.toUpperCase()} ${route.path(':id')} as ${caller}: ${response.status} ${response.body?.code ?? ''}`;
      const problem = PROBLEM.test(String(response.headers['content-type'])) && response.body?.status === response.status;
      // GW-5: no answer of the real services — 404, 409, 422 … — names a stack frame or SQL.
      if (response.status >= 400 && leakedInternals(response.text).length)
        mismatches.push(`${where} leaks ${leakedInternals(response.text).join(', ')}`);
      if (route.public) {
        if (response.status === 401 || response.status === 403) mismatches.push(`${where} (public)`);
      } else if (caller === 'no key' || caller === 'revoked key') {
        if (response.status !== 401 || !problem) mismatches.push(`${where} (expected a 401 problem)`);
      } else if (caller === 'admin' || route.allowed.includes(caller)) {
        admittedStatuses[response.status] = (admittedStatuses[response.status] ?? 0) + 1;
        if (response.status === 401 || response.status === 403 || response.status >= 500) mismatches.push(`${where} (admitted)`);
        // A 400 would mean the sample never reached the service, whose own role check would go untested.
        if (response.status === 400) mismatches.push(`${where} (admitted, but the sample is invalid: fix route-samples.ts)`);
      } else if (response.status !== 403 || !problem) {
        mismatches.push(`${where} (expected a 403 problem)`);
      }
    });

    const routes = cases.length;
    // The count the report cites: routes × (roles + no key + revoked key).
    console.log(
      `roles matrix: ${calls.length} requests = ${routes} routes × ${callers.length} callers in ${Date.now() - started} ms; admitted answers by status ${JSON.stringify(admittedStatuses)}`,
    );
    expect(mismatches).toEqual([]);
    // Every operation of every table was called — derived from the tables, not from the cases.
    const declared = Object.entries(OPERATION_TABLES).flatMap(([domain, table]) => Object.keys(table).map((name) => `${domain}.${name}`));
    expect(declared.filter((name) => !exercised.has(name))).toEqual([]);
    expect(calls.length).toBe(routes * (ROLES.length + 2));
  });

  /**
   * LOY-4 / API.md "Loyalty": a POS key acts only for its store, on every route that names one
   * (purchases, cards, quotes, redemptions) — refused with a 403 problem and without effect. The
   * RabbitMQ door (a till message whose body names another store than its routing key) is tested in
   * services/loyalty/test/pos-purchases.int-spec.ts: dead-lettered with the reason, nothing written.
   */
  it('lets a POS key act only for its own store, with a 403 problem and no effect (LOY-4)', async () => {
    const tillA = await suite.createKey('till-A', ['pos'], 'confidential', { storeId: 'STORE-A' });
    const tillB = await suite.createKey('till-B', ['pos'], 'confidential', { storeId: 'STORE-B' });
    const manager = keys.get('manager')!;
    const post = (key: ApiKey, path: string, body: object) => suite.http().post(`/api/v1/loyalty/${path}`).set(key.auth).send(body);
    const refusedAsOtherStore = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) => {
      expect({ status: response.status, type: response.headers['content-type'], rule: response.body.rule }).toEqual({
        status: 403,
        type: expect.stringMatching(PROBLEM),
        rule: 'LOY-4',
      });
    };
    const money = (amount: number) => ({ amount, currency: 'CNY' });
    const phone = '13912340077';
    const sale = {
      storeId: 'STORE-B',
      transactionId: `T-${Date.now()}`,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      phone,
      lines: [{ sku: 'TEA', quantity: 1, unitPrice: money(100_000) }],
      paid: money(100_000),
    };

    refusedAsOtherStore(await post(tillA, 'purchases', sale));
    // Nothing was recorded: store B's first post of the same sale is a first (201), not a replay (200).
    expect((await post(tillB, 'purchases', sale)).status).toBe(201);

    const form = { phone, name: 'Matrix Member', birthday: '1990-01-01', storeId: 'STORE-B' };
    refusedAsOtherStore(await post(tillA, 'cards', form));
    const card = await post(tillB, 'cards', form);
    expect(card.status).toBe(201);
    const cardNumber = card.body.cardNumber as string;
    expect((await post(tillB, 'purchases', { ...sale, transactionId: `${sale.transactionId}-2`, cardNumber })).status).toBe(201);
    const balance = async () => (await suite.http().get(`/api/v1/loyalty/cards/${cardNumber}`).set(tillB.auth).expect(200)).body.balance;
    const earned = await balance();
    expect(earned).toBeGreaterThan(0);

    refusedAsOtherStore(await post(tillA, 'quotes', { cardNumber, storeId: 'STORE-B', lines: sale.lines }));
    expect((await post(tillB, 'quotes', { cardNumber, storeId: 'STORE-B', lines: sale.lines })).status).toBe(200);

    const reward = await post(manager, 'rewards', { name: 'Matrix cup', pointsCost: 1, stock: 5 }).expect(201);
    const redemption = { storeId: 'STORE-B', cardNumber, rewardId: reward.body.id, quantity: 1 };
    refusedAsOtherStore(await post(tillA, 'redemptions', redemption));
    expect(await balance()).toBe(earned);
    expect((await post(tillB, 'redemptions', redemption)).status).toBe(201);
    expect(await balance()).toBe(earned - 1);
  });

  it('documents exactly the routes of the tables and the gateway’s own routes in /api/docs-json (GW-1)', async () => {
    const document = (await suite.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const served = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
          served.add(`${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`);
      }
    }
    const tables = Object.values(OPERATION_TABLES).flatMap((table) => Object.values(table).map((operation) => documented(operation.http)));
    const own = gatewayRoutes().map((route) =>
      route.pattern.replace(/^(\w+) (.*)$/, (_, method: string, path: string) => documented({ method, path })),
    );
    const expected = new Set([...tables, ...own]);
    expect(tables.length).toBe(new Set(tables).size);
    expect([...served].filter((route) => !expected.has(route)).sort()).toEqual([]);
    expect([...expected].filter((route) => !served.has(route)).sort()).toEqual([]);
  });
});
