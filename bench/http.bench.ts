/**
 * HTTP scenarios, suite against floor: the five services run as `npm start` runs them (separate
 * processes), the floor server (bench/floor-server.ts) in a process of its own, and the load from
 * a third process (autocannon, bench/load-worker.ts). Every scenario runs floor, suite, floor,
 * suite, … (BENCH_ROUNDS pairs of BENCH_SECONDS each, after a short warm-up of both), so a
 * neighbour's burst on the shared machine hits both sides alike. Prints the table and writes
 * bench/results/latest.json. Asserts nothing.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { Client } from 'pg';
import type { LoadFigures, LoadRequest } from './load-worker';
import {
  type BenchNames,
  type Floor,
  RssSampler,
  type Suite,
  createBenchVhost,
  databaseUrlOf,
  deleteBenchVhost,
  dropBenchDatabases,
  rssOf,
  startFloor,
  startSuite,
  stopEveryChild,
} from './processes';
import { NO_MATCH_TERM, RARE_TERM, seedArchives } from './seed-archives';
import { previousBusinessMonth, seedComplaints } from './seed-complaints';
import { seedEventFeed } from './seed-event-feed';
import { benchMonths, seedSalesFigures } from './seed-sales-figures';

export interface BenchSettings {
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  archives: number;
  /** complaints bulk-loaded into one business month before the `report` group (CMP-13) */
  complaints: number;
  /** events bulk-loaded into the gateway's event feed before the `feed` group (RET-7) */
  feedEvents: number;
  /** active customers bulk-loaded with 24 months of sales figures before the `key-customers` group (DEV-5) */
  salesCustomers: number;
  /** `messaging`, `write` (POST, GET by id), `list` (the 100k-archive pages), `report` (CMP-13 monthly report), `feed` (RET-7 event feed pages), `key-customers` (DEV-5), `loyalty` (LOY-4 purchases, LOY-3 quotes) */
  groups: string[];
}

interface Side {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ScenarioResult extends Side {
  scenario: string;
  connections: number;
  requests: number;
  floor: Side;
  /** suite rps / floor rps */
  ratio: number;
  /** suite p99 / floor p99 */
  p99Ratio: number;
  statusCodes: Record<string, number>;
}

class LoadGenerator {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (figures: LoadFigures) => void; reject: (error: Error) => void }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id: number; figures?: LoadFigures; error?: string }) => {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.figures) waiter?.resolve(message.figures);
      else waiter?.reject(new Error(message.error));
    });
  }

  static start(): LoadGenerator {
    return new LoadGenerator(fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  run(load: Omit<LoadRequest, 'id'>): Promise<LoadFigures> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...load, id });
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

type Target = Omit<LoadRequest, 'id' | 'connections' | 'seconds'>;

/** Several rounds as one figure: requests over time; p50 the mean of the rounds', p99 the worst round's. */
function combine(rounds: LoadFigures[]): Side & { requests: number; statusCodes: Record<string, number> } {
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds) for (const [code, count] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: requests / seconds,
    p50: rounds.reduce((sum, r) => sum + r.p50, 0) / rounds.length,
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    requests,
    statusCodes,
  };
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

const HEADER =
  `${'scenario'.padEnd(44)}${'conns'.padStart(6)}${'rps'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}` +
  ` |${'floor rps'.padStart(10)}${'p50'.padStart(7)}${'p99'.padStart(7)} |${'rps ratio'.padStart(10)}${'p99 ratio'.padStart(10)}`;

function row(result: ScenarioResult): string {
  return (
    `${result.scenario.padEnd(44)}${String(result.connections).padStart(6)}${fixed(result.rps).padStart(8)}` +
    `${fixed(result.p50, 1).padStart(8)}${fixed(result.p99, 1).padStart(8)}${String(result.errors).padStart(8)}` +
    ` |${fixed(result.floor.rps).padStart(10)}${fixed(result.floor.p50, 1).padStart(7)}${fixed(result.floor.p99, 1).padStart(7)}` +
    ` |${fixed(result.ratio, 2).padStart(10)}${fixed(result.p99Ratio, 1).padStart(10)}`
  );
}

export async function runHttpBench(settings: BenchSettings): Promise<void> {
  const names: BenchNames = await createBenchVhost();
  let suite: Suite | undefined;
  let floor: Floor | undefined;
  let load: LoadGenerator | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      if (load?.child.connected) load.stop();
      await floor?.stop();
      await suite?.stop();
      await stopEveryChild(); // those started before an interruption
      await dropBenchDatabases(names);
      await deleteBenchVhost(names);
    })());
  // Ctrl-C mid-run still stops the processes and removes the bench databases and vhost.
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const startedAt = Date.now();
    suite = await startSuite(names);
    console.log(`suite up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (vhost ${names.vhost}, databases bench_*_${names.suffix})`);
    await bindEventSink(names.vhostUrl);
    floor = await startFloor(names);
    load = LoadGenerator.start();
    const pids = (): Record<string, number> => ({
      ...suite!.pids,
      floor: floor!.pid,
      load: load!.child.pid ?? 0,
      runner: process.pid,
    });
    const sampler = new RssSampler(pids);
    const api = `${suite.gatewayUrl}/api/v1`;
    const auth = { Authorization: `Bearer ${await createApiKey(api, suite.adminKey)}` };
    const json = { 'Content-Type': 'application/json' };
    const results: ScenarioResult[] = [];

    const scenario = async (name: string, connections: number, suiteTarget: Target, floorTarget: Target): Promise<void> => {
      const go = (target: Target, seconds: number) => load!.run({ ...target, connections, seconds });
      if (settings.warmupSeconds > 0) {
        await go(floorTarget, settings.warmupSeconds);
        await go(suiteTarget, settings.warmupSeconds);
      }
      const floorRounds: LoadFigures[] = [];
      const suiteRounds: LoadFigures[] = [];
      sampler.start();
      for (let round = 0; round < settings.rounds; round++) {
        floorRounds.push(await go(floorTarget, settings.seconds));
        suiteRounds.push(await go(suiteTarget, settings.seconds));
      }
      sampler.stop();
      const measured = combine(suiteRounds);
      const base = combine(floorRounds);
      const result: ScenarioResult = {
        scenario: name,
        connections,
        rps: measured.rps,
        p50: measured.p50,
        p99: measured.p99,
        errors: measured.errors,
        requests: measured.requests,
        statusCodes: measured.statusCodes,
        floor: { rps: base.rps, p50: base.p50, p99: base.p99, errors: base.errors },
        ratio: measured.rps / base.rps,
        p99Ratio: measured.p99 / base.p99,
      };
      results.push(result);
      console.log(row(result));
    };

    const archive = JSON.stringify({
      type: 'enterprise',
      name: 'Bench Trading Co., Ltd.',
      industry: 'appliances',
      contacts: [{ name: 'Li Wei', phone: '+86 571 8888 6666', email: 'li@example.cn', keyPerson: true }],
      notes: 'x'.repeat(500),
    });
    // A few archives registered through the API, to read back by id.
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await fetch(`${api}/customers`, { method: 'POST', headers: { ...json, ...auth }, body: archive });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || !body.id) throw new Error(`POST /customers answered ${response.status}: ${JSON.stringify(body)}`);
      ids.push(body.id);
    }

    const floorUrl = floor.url;
    console.log(`\n${HEADER}`);
    if (settings.groups.includes('write')) {
      await scenario(
        'POST /customers',
        32,
        { url: `${api}/customers`, method: 'POST', headers: { ...json, ...auth }, body: archive },
        { url: `${floorUrl}/customers`, method: 'POST', headers: json, body: archive },
      );
      await scenario(
        'GET /customers/{id} (+ register row)',
        32,
        { url: api, method: 'GET', headers: { ...auth, 'X-Access-Purpose': 'bench' }, paths: ids.map((id) => `/api/v1/customers/${id}`) },
        { url: floorUrl, method: 'GET', paths: ids.map((id) => `/customers/${id}`) },
      );
    }

    if (settings.groups.includes('loyalty')) await loyaltyScenarios(api, suite.adminKey, floorUrl, names, scenario);

    /**
     * A report read as a client would: one checked call, then REPORT_SEQUENTIAL_CALLS calls one
     * after the other (p50/p99 of single calls), then 2 and 4 concurrent connections. Returns the
     * first answer.
     */
    const measureReport = async (label: string, url: string, check: (body: unknown) => boolean): Promise<unknown> => {
      const first = await fetch(url, { headers: auth });
      const body: unknown = await first.json();
      if (first.status !== 200 || !check(body)) throw new Error(`${label} answered ${first.status}: ${JSON.stringify(body).slice(0, 300)}`);
      sampler.start();
      const latencies: number[] = [];
      for (let call = 0; call < REPORT_SEQUENTIAL_CALLS; call++) {
        const began = performance.now();
        const response = await fetch(url, { headers: auth });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${label} answered ${response.status}`);
        latencies.push(performance.now() - began);
      }
      sampler.stop();
      const noFloor = { floor: { rps: NaN, p50: NaN, p99: NaN, errors: 0 }, ratio: NaN, p99Ratio: NaN };
      const sequential = sequentialResult(`${label} seq×${REPORT_SEQUENTIAL_CALLS}`, latencies);
      results.push(sequential);
      console.log(row(sequential));
      for (const connections of [2, 4]) {
        sampler.start();
        const figures = combine([await load!.run({ url, method: 'GET', headers: auth, connections, seconds: settings.seconds })]);
        sampler.stop();
        const result: ScenarioResult = { scenario: label, connections, ...figures, ...noFloor };
        results.push(result);
        console.log(row(result));
      }
      return body;
    };

    if (settings.groups.includes('list')) {
      const seeding = Date.now();
      const client = new Client({ connectionString: databaseUrlOf(names.database('customers')) });
      await client.connect();
      try {
        await seedArchives(client, settings.archives);
        const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM customers')).rows;
        console.log(
          `-- ${count} archives in the customers database (${settings.archives} bulk-loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s)`,
        );
      } finally {
        await client.end();
      }
      const archives = settings.archives.toLocaleString('en');
      const listScenario = (label: string, query: string) =>
        scenario(
          `GET /customers?${label} @${archives}`,
          8,
          { url: `${api}/customers?${query}`, method: 'GET', headers: auth },
          { url: `${floorUrl}/customers?${query}`, method: 'GET' },
        );
      await listScenario('limit=50', 'limit=50');
      await listScenario(`q=${NO_MATCH_TERM} (none)`, `q=${NO_MATCH_TERM}`);
      await listScenario(`q=${RARE_TERM} (rare)`, `q=${RARE_TERM}`);
      await listScenario('reviewOverdue=true', 'reviewOverdue=true');
    }

    if (settings.groups.includes('report')) {
      // CMP-13: the monthly report of a business month holding `settings.complaints` complaints.
      // No floor: the report has no counterpart in the floor server (a floor would be the same
      // SQL and fold run without Nest, RPC and gateway); the figures are read on their own.
      const month = previousBusinessMonth();
      const seeding = Date.now();
      const client = new Client({ connectionString: databaseUrlOf(names.database('complaints')) });
      await client.connect();
      try {
        await seedComplaints(client, settings.complaints, month);
        const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM complaints')).rows;
        console.log(
          `-- ${count} complaints in the complaints database, month ${month} (${settings.complaints} bulk-loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s)`,
        );
      } finally {
        await client.end();
      }
      const url = `${api}/complaints/reports/monthly?month=${month}`;
      const report = await measureReport(`GET /complaints/reports/monthly @${settings.complaints.toLocaleString('en')}`, url, (body) => {
        const answer = body as { total?: number };
        return answer.total === settings.complaints;
      });
      const complaintsRss = rssOf(suite.pids.complaints);
      const { total, overdueCount } = report as { total?: number; overdueCount?: number };
      console.log(
        `-- complaints process RSS: max sampled ${Math.round(sampler.max.get('complaints') ?? 0)} MiB, peak VmHWM ${Math.round(complaintsRss?.peak ?? 0)} MiB; ` +
          `report: total ${total}, overdueCount ${overdueCount}`,
      );
    }

    if (settings.groups.includes('feed')) {
      // RET-7: pages of GET /events on a feed of `settings.feedEvents` envelopes, sequential calls at
      // random `after` positions, with and without `types=` (each term one index range).
      const seeding = Date.now();
      const client = new Client({ connectionString: databaseUrlOf(names.database('gateway')) });
      await client.connect();
      let total: number;
      try {
        await seedEventFeed(client, settings.feedEvents);
        total = Number((await client.query<{ max: string }>('SELECT max(position)::text AS max FROM event_feed')).rows[0].max);
        console.log(
          `-- ${Number(total).toLocaleString('en')} events in the gateway's event feed (${settings.feedEvents} bulk-loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s)`,
        );
      } finally {
        await client.end();
      }
      const financeAuth = { Authorization: `Bearer ${await createApiKey(api, suite.adminKey, ['finance'])}` };
      const events = settings.feedEvents.toLocaleString('en');
      for (const [label, query] of [
        ['limit=50', 'limit=50'],
        ['types=returns.* limit=50', 'types=returns.*&limit=50'],
        ['types=returns.credit-note.* (rare) limit=50', 'types=returns.credit-note.*&limit=50'],
        ['types=returns.*,loyalty.card.* limit=200', 'types=returns.*,loyalty.card.*&limit=200'],
      ] as const) {
        const latencies: number[] = [];
        let items = 0;
        for (let call = 0; call < FEED_SEQUENTIAL_CALLS; call++) {
          const after = Math.floor(Math.random() * total * 0.999);
          const began = performance.now();
          const response = await fetch(`${api}/events?after=${after}&${query}`, { headers: financeAuth });
          const page = (await response.json()) as { items?: unknown[] };
          if (response.status !== 200) throw new Error(`GET /events answered ${response.status}: ${JSON.stringify(page).slice(0, 300)}`);
          latencies.push(performance.now() - began);
          items += page.items?.length ?? 0;
        }
        const result = sequentialResult(`GET /events ${label} @${events} seq×${FEED_SEQUENTIAL_CALLS}`, latencies);
        results.push(result);
        console.log(`${row(result)}   (${(items / latencies.length).toFixed(0)} items/page)`);
      }
    }

    if (settings.groups.includes('key-customers')) {
      // DEV-5: the key-customer report over `settings.salesCustomers` customers × 24 months of
      // figures (and the month/quarter/year totals the PUT keeps). No floor, as for `report`.
      const months = benchMonths(24);
      const seeding = Date.now();
      const client = new Client({ connectionString: databaseUrlOf(names.database('customers')) });
      await client.connect();
      try {
        await seedSalesFigures(client, settings.salesCustomers, months);
        const [{ figures, totals }] = (
          await client.query(
            'SELECT (SELECT count(*) FROM customer_sales_figures)::int AS figures, (SELECT count(*) FROM customer_sales_totals)::int AS totals',
          )
        ).rows;
        console.log(
          `-- ${figures} monthly figures and ${totals} period totals in the customers database, ${months[0]}..${months[months.length - 1]} ` +
            `(${settings.salesCustomers} customers bulk-loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s)`,
        );
      } finally {
        await client.end();
      }
      const last = months[months.length - 1];
      const quarter = `${last.slice(0, 4)}-Q${Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1}`;
      const customers = settings.salesCustomers.toLocaleString('en');
      for (const period of [last, quarter, last.slice(0, 4)]) {
        await measureReport(
          `GET /customers/reports/key-customers?period=${period} @${customers}`,
          `${api}/customers/reports/key-customers?period=${period}`,
          (body) => {
            const answer = body as { bySales?: unknown[]; byGrowth?: unknown[]; byMargin?: unknown[] };
            return answer.bySales?.length === 10 && answer.byGrowth?.length === 10 && answer.byMargin?.length === 10;
          },
        );
      }
      console.log(`-- customers process RSS: max sampled ${Math.round(sampler.max.get('customers') ?? 0)} MiB`);
    }

    sampler.sample();
    const rss = Object.fromEntries(
      Object.entries(pids()).map(([name, pid]) => [
        name,
        { maxUnderLoad: Math.round((sampler.max.get(name) ?? 0) * 10) / 10, peak: Math.round((rssOf(pid)?.peak ?? 0) * 10) / 10 },
      ]),
    );
    console.log(`\nRSS MiB (max sampled under load / peak VmHWM) from /proc/<pid>/status:`);
    console.log(
      '  ' +
        Object.entries(rss)
          .map(([name, figures]) => `${name} ${figures.maxUnderLoad}/${figures.peak}`)
          .join('  '),
    );

    const file = join(process.cwd(), 'bench', 'results', 'latest.json');
    mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          settings,
          rssMiB: rss,
          scenarios: results.map((r) => ({
            scenario: r.scenario,
            connections: r.connections,
            rps: round1(r.rps),
            p50: round1(r.p50),
            p99: round1(r.p99),
            errors: r.errors,
            floor: { rps: round1(r.floor.rps), p50: round1(r.floor.p50), p99: round1(r.floor.p99) },
            ratio: Math.round(r.ratio * 1000) / 1000,
            p99Ratio: Math.round(r.p99Ratio * 100) / 100,
            requests: r.requests,
            statusCodes: r.statusCodes,
          })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${file}`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

/** Members with a card for the loyalty group: purchases spread over them, as over a store's tills. */
const LOYALTY_BENCH_CARDS = 16;

type ScenarioRunner = (name: string, connections: number, suiteTarget: Target, floorTarget: Target) => Promise<void>;

/**
 * Issue 9: `POST /loyalty/purchases` (LOY-4, every request a new transactionId; spread over 16
 * cards, and all on one card, whose row lock then serialises them) and `POST /loyalty/quotes` (LOY-3) through the
 * gateway with a store-bound `pos` key, against the floor doing the same durable work on the same
 * tables (bench/floor-server.ts). Targets: purchases ≥ 50 % of the floor's throughput with p99 ≤
 * 3× the floor's and no errors at 32 connections; quotes ≥ 2,000/s.
 */
async function loyaltyScenarios(
  api: string,
  adminKey: string,
  floorUrl: string,
  names: BenchNames,
  scenario: ScenarioRunner,
): Promise<void> {
  const admin = { 'Content-Type': 'application/json', Authorization: `Bearer ${adminKey}` };
  const created = await fetch(`${api}/api-keys`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name: 'bench-till', roles: ['pos'], clearance: 'confidential', storeId: 'S001', rateLimitPerSecond: 100_000 }),
  });
  const till = { 'Content-Type': 'application/json', Authorization: `Bearer ${((await created.json()) as { key: string }).key}` };
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const line = { sku: 'TEA-500G', quantity: 2, unitPrice: { amount: 64_000, currency: 'CNY' } };
  // CARDS members, each qualified by one sale and given a card through the API, and the same
  // members and cards in the floor's database.
  const members: { phone: string; cardNumber: string }[] = [];
  for (let i = 0; i < LOYALTY_BENCH_CARDS; i++) {
    const phone = `1390000${String(i).padStart(4, '0')}`;
    const qualifying = await fetch(`${api}/loyalty/purchases`, {
      method: 'POST',
      headers: till,
      body: JSON.stringify({
        storeId: 'S001',
        transactionId: `bench-qualify-${i}`,
        occurredAt,
        phone,
        lines: [line],
        paid: { amount: 128_000, currency: 'CNY' },
      }),
    });
    if (qualifying.status !== 201) throw new Error(`POST /loyalty/purchases answered ${qualifying.status}`);
    const card = await fetch(`${api}/loyalty/cards`, {
      method: 'POST',
      headers: till,
      body: JSON.stringify({ phone, name: 'Bench Member', birthday: '1990-05-17', storeId: 'S001' }),
    });
    if (card.status !== 201) throw new Error(`POST /loyalty/cards answered ${card.status}`);
    members.push({ phone, cardNumber: ((await card.json()) as { cardNumber: string }).cardNumber });
  }
  const floorDb = new Client({ connectionString: databaseUrlOf(names.database('floor')) });
  await floorDb.connect();
  try {
    for (const { phone, cardNumber } of members) {
      const memberId = randomUUID();
      await floorDb.query(
        `INSERT INTO loyalty_members (id, phone_key, name, birthday, store_id, created_at) VALUES ($1, $2, 'Bench', '1990-05-17', 'S001', now())`,
        [memberId, phone],
      );
      await floorDb.query(
        `INSERT INTO loyalty_cards (number, member_id, status, store_id, issued_at, expires_at, updated_at, version)
         VALUES ($1, $2, 'active', 'S001', now(), now() + interval '2 years', now(), 1)`,
        [cardNumber, memberId],
      );
    }
  } finally {
    await floorDb.end();
  }
  const purchaseOf = (cardNumber: string) =>
    JSON.stringify({
      storeId: 'S001',
      transactionId: 'bench-[<id>]',
      occurredAt,
      cardNumber,
      lines: [line],
      paid: { amount: 120_000, currency: 'CNY' },
    });
  const cardNumber = members[0].cardNumber;
  const bodies = members.map((member) => purchaseOf(member.cardNumber));
  const json = { 'Content-Type': 'application/json' };
  await scenario(
    `POST /loyalty/purchases (${LOYALTY_BENCH_CARDS} cards)`,
    32,
    { url: `${api}/loyalty/purchases`, method: 'POST', headers: till, bodies },
    { url: `${floorUrl}/loyalty/purchases`, method: 'POST', headers: json, bodies },
  );
  const purchase = purchaseOf(cardNumber);
  await scenario(
    'POST /loyalty/purchases (one card)',
    32,
    { url: `${api}/loyalty/purchases`, method: 'POST', headers: till, body: purchase, idReplacement: true },
    {
      url: `${floorUrl}/loyalty/purchases`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: purchase,
      idReplacement: true,
    },
  );
  const basket = JSON.stringify({
    cardNumber,
    storeId: 'S001',
    lines: [line, { sku: 'CUP', quantity: 1, unitPrice: { amount: 5_000, currency: 'CNY' }, promo: true }],
  });
  await scenario(
    'POST /loyalty/quotes',
    32,
    { url: `${api}/loyalty/quotes`, method: 'POST', headers: till, body: basket },
    { url: `${floorUrl}/loyalty/quotes`, method: 'POST', headers: json, body: basket },
  );
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A scenario of sequential calls timed one by one from the runner (no floor): rate, p50 and p99 of `latencies` (ms). */
function sequentialResult(scenario: string, latencies: number[]): ScenarioResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const seconds = sorted.reduce((sum, ms) => sum + ms, 0) / 1000;
  return {
    scenario,
    connections: 1,
    rps: sorted.length / seconds,
    p50: percentile(50),
    p99: percentile(99),
    errors: 0,
    requests: sorted.length,
    statusCodes: { 200: sorted.length },
    floor: { rps: NaN, p50: NaN, p99: NaN, errors: 0 },
    ratio: NaN,
    p99Ratio: NaN,
  };
}

/** Sequential calls of the event feed measured one by one, per variant (`feed` group). */
const FEED_SEQUENTIAL_CALLS = 300;

/** Sequential calls of the monthly report measured one by one (`report` group). */
const REPORT_SEQUENTIAL_CALLS = 20;

/** An outside consumer's durable queue bound to every event, so the relay's publishes are stored, not returned. */
export async function bindEventSink(vhostUrl: string): Promise<void> {
  const connection = await connect(vhostUrl);
  try {
    const channel = await connection.createChannel();
    await channel.assertQueue('bench.sink', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-max-length': 200_000 } });
    await channel.bindQueue('bench.sink', 'crm.events', '#');
  } finally {
    await connection.close();
  }
}

export async function createApiKey(api: string, adminKey: string, roles: string[] = ['sales', 'manager']): Promise<string> {
  const response = await fetch(`${api}/api-keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ name: 'bench', roles, clearance: 'secret', rateLimitPerSecond: 100_000 }),
  });
  const body = (await response.json()) as { key?: string };
  if (response.status !== 201 || !body.key) throw new Error(`POST /api-keys answered ${response.status}: ${JSON.stringify(body)}`);
  return body.key;
}
