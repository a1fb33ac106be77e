/**
 * The processes of a bench run: the suite as `npm start` runs it (each service's compiled
 * `main.js` as a child process, configured by environment only), the floor server and the load
 * generator; plus the throw-away vhost and databases they use, and RSS figures read from /proc.
 */
import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMAIN_SERVICES } from '@crm/contracts';
import { freePort } from '@crm/testing';
import { dropDatabase, ensureDatabase } from '@crm/persistence';
import { SERVICE_NODE_FLAGS as START_FLAGS } from '../scripts/workspace-projects';

const run = promisify(execFile);
const DIST = join(__dirname, '..');
export const SERVICES = [...DOMAIN_SERVICES, 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** Node flags of every suite process, as `npm start` gives them; `BENCH_NODE_FLAGS` (space-separated) replaces them. */
export const SERVICE_NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [...START_FLAGS];

export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const amqpBase = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export function databaseUrlOf(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** `bench_<random>`: the vhost and the prefix of every database of this run. */
export interface BenchNames {
  suffix: string;
  vhost: string;
  vhostUrl: string;
  database(purpose: string): string;
}

export async function createBenchVhost(): Promise<BenchNames> {
  const suffix = randomBytes(4).toString('hex');
  const vhost = `bench_${suffix}`;
  const base = new URL(amqpBase);
  await run('rabbitmqctl', ['add_vhost', vhost], { timeout: 30_000 });
  await run('rabbitmqctl', ['set_permissions', '-p', vhost, decodeURIComponent(base.username || 'guest'), '.*', '.*', '.*'], {
    timeout: 30_000,
  });
  base.pathname = `/${vhost}`;
  return { suffix, vhost, vhostUrl: base.toString(), database: (purpose) => `bench_${purpose}_${suffix}` };
}

export async function deleteBenchVhost(names: BenchNames): Promise<void> {
  await run('rabbitmqctl', ['delete_vhost', names.vhost], { timeout: 30_000 }).catch(() => undefined);
}

export async function dropBenchDatabases(names: BenchNames): Promise<void> {
  const databases = [...SERVICES, 'floor'].map((purpose) => names.database(purpose));
  await Promise.allSettled(databases.map((database) => dropDatabase(serverUrl, database)));
}

export interface Suite {
  gatewayUrl: string;
  adminKey: string;
  pids: Record<ServiceName, number>;
  stop(): Promise<void>;
}

function logFile(name: string): NodeJS.WritableStream {
  const dir = join(process.cwd(), 'bench', 'results', 'logs');
  mkdirSync(dir, { recursive: true });
  return createWriteStream(join(dir, `${name}.log`));
}

/** Every child this run started, so an interrupted run can stop them even mid-start-up. */
const started = new Set<ChildProcess>();

export async function stopEveryChild(): Promise<void> {
  await Promise.all([...started].map((child) => stopChild(child)));
}

async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The five services as `npm start` runs them, on the bench vhost and `bench_<service>_<suffix>` databases. */
export async function startSuite(names: BenchNames): Promise<Suite> {
  const adminKey = randomBytes(24).toString('hex');
  const gatewayPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: serverUrl,
    AMQP_URL: names.vhostUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    GATEWAY_PORT: String(gatewayPort),
    GATEWAY_ADMIN_KEY: adminKey,
    DEFAULT_RATE_LIMIT: '1000000',
  };
  for (const service of SERVICES) {
    env[`${service.toUpperCase()}_DB_NAME`] = names.database(service);
    if (service !== 'gateway') env[`${service.toUpperCase()}_PORT`] = String(await freePort());
  }
  const children = new Map<ServiceName, ChildProcess>();
  for (const service of SERVICES) {
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(DIST, 'services', service, 'src', 'main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = logFile(service);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.set(service, child);
    started.add(child);
  }
  const stop = async () => {
    await Promise.all([...children.values()].map((child) => stopChild(child)));
  };
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const dead = [...children.entries()].find(([, child]) => child.exitCode !== null);
    if (dead) {
      await stop();
      throw new Error(`${dead[0]} exited during start-up; see bench/results/logs/${dead[0]}.log`);
    }
    const ready = await fetch(`${gatewayUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the suite did not become ready within 90 s; see bench/results/logs/');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pids = Object.fromEntries([...children.entries()].map(([service, child]) => [service, child.pid ?? 0])) as Record<
    ServiceName,
    number
  >;
  return { gatewayUrl, adminKey, pids, stop };
}

export interface Floor {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The floor server (bench/floor-server.ts) in a process of its own, with a database of its own. */
export async function startFloor(names: BenchNames): Promise<Floor> {
  const database = names.database('floor');
  await ensureDatabase(serverUrl, database);
  const port = await freePort();
  const child = fork(join(DIST, 'bench', 'floor-server.js'), [], {
    env: {
      ...process.env,
      FLOOR_PORT: String(port),
      FLOOR_DATABASE_URL: databaseUrlOf(database),
      FLOOR_READ_DATABASE_URL: databaseUrlOf(names.database('customers')),
      FLOOR_AMQP_URL: names.vhostUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  started.add(child);
  const log = logFile('floor');
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the floor server exited (${code}); see bench/results/logs/floor.log`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => stopChild(child, 5000) };
}

/** RSS figures of a process, MiB: now and its peak (VmHWM), from /proc/<pid>/status. */
export function rssOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples the RSS of named processes while load runs; keeps each one's maximum. */
export class RssSampler {
  readonly max = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly pids: () => Record<string, number>) {}

  start(): void {
    this.timer ??= setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  sample(): void {
    for (const [name, pid] of Object.entries(this.pids())) {
      const figures = rssOf(pid);
      if (figures) this.max.set(name, Math.max(this.max.get(name) ?? 0, figures.rss));
    }
  }
}
