import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DOMAIN_SERVICES, type DomainService } from '@crm/contracts';
import { databaseUrl } from '@crm/persistence';
import { createTestDatabase, createTestVhost, freePort, type TestDatabase, type TestVhost, testEnv } from '@crm/testing';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const ADMIN_KEY = 'fault-suite-admin-key-0123456789';
export const RPC_TIMEOUT_MS = 2000;
export const SHUTDOWN_GRACE_MS = 5000;

export type ProcessName = DomainService | 'gateway' | 'gateway-b';

export interface Key {
  id: string;
  auth: { Authorization: string };
}

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The whole suite as `npm start` runs it — every service a real process from `dist/`, so a test
 * can SIGKILL or SIGTERM it — on a RabbitMQ vhost and databases of its own (issue 11 fault suite).
 * One or two gateways (`gateway`, `gateway-b`) on the same gateway database.
 */
export class FaultRig {
  private readonly processes = new Map<ProcessName, Running>();
  private readonly databases = new Map<ProcessName, TestDatabase>();
  private readonly ports = new Map<ProcessName, number>();
  private readonly sql = new Map<DomainService, Client>();
  readonly exits: string[] = [];

  private constructor(
    readonly purpose: string,
    readonly vhost: TestVhost,
  ) {}

  static async start(purpose: string, options: { gateways?: 1 | 2 } = {}): Promise<FaultRig> {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    const rig = new FaultRig(purpose, await createTestVhost(purpose));
    try {
      for (const service of DOMAIN_SERVICES) rig.databases.set(service, await createTestDatabase(`${purpose}_${service}`));
      rig.databases.set('gateway', await createTestDatabase(`${purpose}_gateway`));
      for (const service of DOMAIN_SERVICES) rig.spawn(service);
      const gateways: ProcessName[] = options.gateways === 2 ? ['gateway', 'gateway-b'] : ['gateway'];
      for (const gateway of gateways) {
        rig.ports.set(gateway, await freePort());
        rig.spawn(gateway);
      }
      for (const gateway of gateways) await rig.waitReady(gateway, 90_000);
      return rig;
    } catch (error) {
      await rig.close();
      throw error;
    }
  }

  url(gateway: 'gateway' | 'gateway-b' = 'gateway'): string {
    return `http://127.0.0.1:${this.ports.get(gateway)}`;
  }

  databaseName(process: ProcessName): string {
    return this.databases.get(process === 'gateway-b' ? 'gateway' : process)!.name;
  }

  /** Starts (or restarts) a process; `failpoint` arms `CRM_FAILPOINT` in it. */
  spawn(name: ProcessName, failpoint?: string): ChildProcess {
    const gateway = name === 'gateway' || name === 'gateway-b';
    const main = join(ROOT, 'dist/services', gateway ? 'gateway' : name, 'src/main.js');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: testEnv.databaseUrl,
      AMQP_URL: this.vhost.url,
      LOG_LEVEL: process.env.FAULT_LOGS ? 'info' : 'error',
      OUTBOX_POLL_MS: '100',
      SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      CRM_FAILPOINT: failpoint ?? '',
    };
    if (gateway) {
      Object.assign(env, {
        GATEWAY_PORT: String(this.ports.get(name)),
        GATEWAY_ADMIN_KEY: ADMIN_KEY,
        GATEWAY_DB_NAME: this.databaseName('gateway'),
        DEFAULT_RATE_LIMIT: '100000',
      });
    } else {
      Object.assign(env, { [`${name.toUpperCase()}_DB_NAME`]: this.databaseName(name), [`${name.toUpperCase()}_PORT`]: '0' });
    }
    // FAULT_LOGS=1 shows the services' logs (errors only, LOG_LEVEL above) when a scenario needs explaining.
    const child = spawn(process.execPath, [main], {
      cwd: ROOT,
      env,
      stdio: ['ignore', process.env.FAULT_LOGS ? 'pipe' : 'ignore', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString('utf8')}`));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => {
        this.exits.push(`${name} exited (${signal ?? code})`);
        resolve({ code, signal });
      }),
    );
    this.processes.set(name, { child, exited });
    return child;
  }

  isRunning(name: ProcessName): boolean {
    const running = this.processes.get(name);
    return !!running && running.child.exitCode === null && running.child.signalCode === null;
  }

  /** Resolves when the process has exited (it may have been told to die by its failpoint). */
  async exited(name: ProcessName): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.processes.get(name)!.exited;
  }

  /** Sends a signal and waits for the exit; answers how long the process took to go. */
  async stop(name: ProcessName, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
    const running = this.processes.get(name)!;
    const started = Date.now();
    running.child.kill(signal);
    const exit = await running.exited;
    return { ms: Date.now() - started, ...exit };
  }

  /** Every gateway answers /health/ready 200 (every service pinged over RabbitMQ, the database reachable). */
  async waitReady(gateway: 'gateway' | 'gateway-b' | ProcessName = 'gateway', timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      try {
        const response = await fetch(`${this.url(gateway as 'gateway')}/health/ready`, { signal: AbortSignal.timeout(3000) });
        if (response.status === 200) return Date.now() - started;
      } catch {
        /* not listening yet */
      }
      if (Date.now() - started > timeoutMs) throw new Error(`${gateway} not ready within ${timeoutMs} ms; ${this.exits.join(', ')}`);
      await sleep(250);
    }
  }

  async readiness(gateway: 'gateway' | 'gateway-b' = 'gateway'): Promise<number> {
    try {
      return (await fetch(`${this.url(gateway)}/health/ready`, { signal: AbortSignal.timeout(8000) })).status;
    } catch {
      return 0;
    }
  }

  async createKey(name: string, roles: string[], extra: Record<string, unknown> = {}): Promise<Key> {
    const response = await fetch(`${this.url()}/api/v1/api-keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, roles, clearance: 'confidential', rateLimitPerSecond: 100_000, ...extra }),
    });
    const body = (await response.json()) as { id: string; key: string };
    if (response.status !== 201) throw new Error(`creating key ${name}: ${response.status} ${JSON.stringify(body)}`);
    return { id: body.id, auth: { Authorization: `Bearer ${body.key}` } };
  }

  /** A SQL connection to a domain service's database (reconnected after a PostgreSQL restart). */
  async query<T = Record<string, unknown>>(service: DomainService, text: string, values: unknown[] = []): Promise<T[]> {
    for (let attempt = 0; ; attempt++) {
      let client = this.sql.get(service);
      try {
        if (!client) {
          client = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, this.databaseName(service)) });
          client.on('error', () => this.sql.delete(service));
          await client.connect();
          this.sql.set(service, client);
        }
        return (await client.query(text, values)).rows as T[];
      } catch (error) {
        this.sql.delete(service);
        await client?.end().catch(() => undefined);
        if (attempt >= 20) throw error;
        await sleep(500);
      }
    }
  }

  /** Queues of the vhost with their ready and unacknowledged counts and consumers. */
  async queues(): Promise<{ name: string; ready: number; unacked: number; consumers: number }[]> {
    const { stdout } = await run(
      'rabbitmqctl',
      ['-q', 'list_queues', '-p', this.vhost.name, 'name', 'messages_ready', 'messages_unacknowledged', 'consumers', '--no-table-headers'],
      { timeout: 30_000 },
    );
    return stdout
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const [name, ready, unacked, consumers] = line.split('\t');
        return { name, ready: Number(ready), unacked: Number(unacked), consumers: Number(consumers) };
      });
  }

  async close(): Promise<void> {
    for (const [, running] of this.processes) {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    }
    const giveUp = () => new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.all([...this.processes.values()].map((running) => Promise.race([running.exited, giveUp()])));
    for (const client of this.sql.values()) await client.end().catch(() => undefined);
    await Promise.allSettled([...this.databases.values()].map((database) => database.drop()));
    await this.vhost.delete();
  }
}
