import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { DOMAIN_SERVICES, type DomainService } from '@crm/contracts';
import { DeadLetterDesk, Topology, declareSharedTopology } from '@crm/messaging';
import type { FaultRig } from './rig';
import type { Operation, OpKind } from './workload';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where each kind of operation leaves its one effect, found by the operation's marker. Both purchase
 * kinds land in one table (a storm sends the same purchase over HTTP and RabbitMQ).
 */
const purchases = {
  service: 'loyalty',
  family: 'purchase',
  sql: `SELECT transaction_id AS marker, count(*)::int AS n FROM loyalty_purchases WHERE transaction_id LIKE $1 GROUP BY 1`,
} as const;
const EFFECTS: Record<OpKind, { service: DomainService; family: string; sql: string }> = {
  customer: {
    service: 'customers',
    family: 'customer',
    sql: `SELECT name AS marker, count(*)::int AS n FROM customers WHERE name LIKE $1 GROUP BY name`,
  },
  complaint: {
    service: 'complaints',
    family: 'complaint',
    sql: `SELECT details->>'subject' AS marker, count(*)::int AS n FROM complaints WHERE details->>'subject' LIKE $1 GROUP BY 1`,
  },
  return: {
    service: 'returns',
    family: 'return',
    sql: `SELECT reason AS marker, count(*)::int AS n FROM return_orders WHERE reason LIKE $1 GROUP BY reason`,
  },
  'purchase-http': purchases,
  'purchase-till': purchases,
};

export interface KindVerdict {
  issued: number;
  acknowledged: number;
  failed: number;
  unknown: number;
  effects: number;
  lost: string[];
  duplicated: string[];
  unexpected: string[];
}

export interface Verdict {
  scenario: string;
  run: number;
  kinds: Partial<Record<OpKind, KindVerdict>>;
  events: { committed: number; received: number; redelivered: number; missing: string[]; unexpected: string[] };
  leftovers: string[];
  notes: Record<string, unknown>;
}

/**
 * A finance-style consumer outside the suite: its own durable queue bound to every event on
 * `crm.events`, acking each delivery after recording it, reconnecting after broker outages.
 */
export class EventLedger {
  readonly received = new Map<string, number>();
  private connection?: ChannelModel;
  private channel?: Channel;
  private closed = false;

  constructor(
    private readonly url: string,
    readonly queue: string,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    while (!this.closed) {
      try {
        const connection = await connect(this.url);
        connection.on('error', () => undefined);
        connection.on('close', () => {
          if (!this.closed) void sleep(500).then(() => this.connect());
        });
        const channel = await connection.createChannel();
        await declareSharedTopology(channel);
        await channel.assertQueue(this.queue, { durable: true });
        await channel.bindQueue(this.queue, Topology.eventsExchange, '#');
        await channel.consume(this.queue, (message) => {
          if (!message) return;
          const id = (JSON.parse(message.content.toString('utf8')) as { id: string }).id;
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          channel.ack(message);
        });
        this.connection = connection;
        this.channel = channel;
        return;
      } catch {
        await sleep(500);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.channel?.deleteQueue(this.queue).catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }
}

/**
 * Jepsen-style verdict over what clients were told and what exists afterwards: every acknowledged
 * operation has exactly one effect (else lost / duplicated), an operation told "failed" has none
 * and no effect exists that nobody asked for (unexpected); an unknown outcome may have 0 or 1.
 * Then the suite must have settled: no outbox row unsent, every committed event received by the
 * outside consumer, no message ready or unacked in any queue (dead-letter queues: only what the
 * scenario expects).
 */
export class Checker {
  constructor(
    private readonly rig: FaultRig,
    private readonly ledger: EventLedger,
  ) {}

  async verdict(scenario: string, history: Operation[], prefix: string, options: VerdictOptions = {}): Promise<Verdict> {
    // Settle first: a till's purchase is acknowledged by the broker before it is applied, so
    // effects are counted once every queue is drained and every outbox row published.
    const notes = { ...options.notes };
    const leftovers = await this.leftovers(options.expectedDeadLetters ?? {}, notes);
    const events = await this.settledEvents(new Set(options.injectedEvents ?? []));
    const kinds: Verdict['kinds'] = {};
    for (const kind of [...new Set(history.map((operation) => operation.kind))]) {
      const operations = history.filter((operation) => operation.kind === kind);
      const { service, family, sql } = EFFECTS[kind];
      const relatives = history.filter((operation) => EFFECTS[operation.kind].family === family);
      const all = await this.rig.query<{ marker: string; n: number }>(service, sql, [`${prefix}-${family}%`]);
      const effects = new Map(all.map((row) => [row.marker, row.n]));
      const asked = new Set(relatives.map((operation) => operation.marker));
      const mine = new Set(operations.map((operation) => operation.marker));
      const rows = all.filter((row) => mine.has(row.marker) || (!asked.has(row.marker) && kind === relatives[0].kind));
      kinds[kind] = {
        issued: operations.length,
        acknowledged: operations.filter((operation) => operation.outcome === 'ok').length,
        failed: operations.filter((operation) => operation.outcome === 'failed').length,
        unknown: operations.filter((operation) => operation.outcome === 'unknown').length,
        effects: rows.reduce((sum, row) => sum + row.n, 0),
        lost: operations.filter((operation) => operation.outcome === 'ok' && !effects.has(operation.marker)).map(describe),
        duplicated: operations.filter((operation) => (effects.get(operation.marker) ?? 0) > 1).map(describe),
        unexpected: [
          ...operations.filter((operation) => operation.outcome === 'failed' && effects.has(operation.marker)).map(describe),
          ...rows.filter((row) => !asked.has(row.marker)).map((row) => `${row.marker} (nobody asked)`),
        ],
      };
    }
    const verdict: Verdict = { scenario, run: Number(process.env.FAULT_RUN ?? 1), kinds, events, leftovers, notes };
    report(verdict);
    return verdict;
  }

  /** Waits until every outbox row is published and the outside consumer has every committed event. */
  private async settledEvents(injected: Set<string>): Promise<Verdict['events']> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const committed = new Set<string>();
      let unsent = 0;
      for (const service of DOMAIN_SERVICES) {
        const rows = await this.rig.query<{ id: string; published: boolean }>(
          service,
          `SELECT id::text AS id, published_at IS NOT NULL AS published FROM outbox_messages`,
        );
        for (const row of rows) {
          committed.add(row.id);
          if (!row.published) unsent += 1;
        }
      }
      const missing = [...committed].filter((id) => !this.ledger.received.has(id));
      if ((unsent === 0 && missing.length === 0) || Date.now() > deadline) {
        return {
          committed: committed.size,
          received: this.ledger.received.size,
          redelivered: [...this.ledger.received.values()].filter((count) => count > 1).length,
          missing: unsent ? [...missing, `${unsent} outbox rows unsent`] : missing,
          unexpected: [...this.ledger.received.keys()].filter((id) => !committed.has(id) && !injected.has(id)),
        };
      }
      await sleep(500);
    }
  }

  /**
   * Messages still ready or unacked anywhere once things had time to settle. A command queue's
   * dead letters may hold commands that expired unread while a service was cut off (their callers
   * were told 503/504 and retried; docs/messaging.md) — counted in `expiredCommands`, nothing else.
   */
  private async leftovers(expectedDeadLetters: Record<string, number>, notes: Record<string, unknown>): Promise<string[]> {
    const deadline = Date.now() + 90_000; // a consumer backing off after an outage retries every ≤ 30 s
    const desk = new DeadLetterDesk(this.rig.vhost.url);
    for (;;) {
      const problems: string[] = [];
      let expiredCommands = 0;
      for (const queue of await this.rig.queues()) {
        const expected = expectedDeadLetters[queue.name];
        if (expected !== undefined) {
          if (queue.ready !== expected) problems.push(`${queue.name}: ${queue.ready} dead letters, expected ${expected}`);
        } else if (queue.name.endsWith('.commands.dlq') && queue.ready > 0 && queue.unacked === 0) {
          const letters = await desk.inspect(queue.name, queue.ready);
          const others = letters.filter((letter) => letter.reason !== 'broker: expired');
          expiredCommands += letters.length - others.length;
          problems.push(...others.map((letter) => `${queue.name}: ${letter.type} ${letter.reason}`));
        } else if (queue.ready || queue.unacked) {
          problems.push(`${queue.name}: ${queue.ready} ready, ${queue.unacked} unacked`);
        }
      }
      notes.expiredCommands = expiredCommands;
      if (problems.length === 0 || Date.now() > deadline) return problems;
      await sleep(1000);
    }
  }
}

export interface VerdictOptions {
  /** Dead-letter queues that must hold exactly this many messages (scenario 5). */
  expectedDeadLetters?: Record<string, number>;
  /** Envelope ids the scenario published itself on `crm.events` (poison), not committed by a service. */
  injectedEvents?: string[];
  notes?: Record<string, unknown>;
}

function describe(operation: Operation): string {
  return `${operation.marker} (${operation.outcome}; ${operation.attempts.join(' ')})`;
}

/** Every verdict is printed and kept in tmp/faults/ for `npm run test:faults` to sum up. */
function report(verdict: Verdict): void {
  const directory = join(__dirname, '..', '..', '..', 'tmp', 'faults');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `${verdict.scenario}.run${verdict.run}.json`), JSON.stringify(verdict, null, 2));
  const lines = Object.entries(verdict.kinds).map(
    ([kind, k]) =>
      `  ${kind.padEnd(14)} issued ${k.issued}, acknowledged ${k.acknowledged}, failed ${k.failed}, unknown ${k.unknown}, effects ${k.effects}; ` +
      `lost ${k.lost.length}, duplicated ${k.duplicated.length}, unexpected ${k.unexpected.length}`,
  );
  process.stdout.write(
    `\n[fault ${verdict.scenario}] run ${verdict.run}\n${lines.join('\n')}\n` +
      `  events: committed ${verdict.events.committed}, received ${verdict.events.received} (${verdict.events.redelivered} more than once), ` +
      `missing ${verdict.events.missing.length}, unexpected ${verdict.events.unexpected.length}; leftovers ${verdict.leftovers.length}\n` +
      `  notes: ${JSON.stringify(verdict.notes)}\n`,
  );
}

/** The assertion every scenario ends with: all lists empty. */
export function expectClean(verdict: Verdict): void {
  const problems = {
    ...Object.fromEntries(
      Object.entries(verdict.kinds).map(([kind, k]) => [kind, { lost: k.lost, duplicated: k.duplicated, unexpected: k.unexpected }]),
    ),
    events: { missing: verdict.events.missing, unexpected: verdict.events.unexpected },
    leftovers: verdict.leftovers,
  };
  const empty = JSON.parse(JSON.stringify(problems, (_key, value) => (Array.isArray(value) ? [] : value)));
  expect(problems).toEqual(empty);
}
