/**
 * `node dist/bench/profile/profile.js`: where the time of a request goes. Starts the suite as the
 * bench does (bench/processes.ts) with bench/profile/probe.cjs preloaded in every service, then per
 * scenario: a warm-up, a measured window (CPU profile + SQL statements counted in each service,
 * CPU time of the services, their PostgreSQL backends and RabbitMQ read from /proc), a summary
 * per request. Profiles land in PROBE_DIR (default bench/results/profile); read them with
 * `node bench/profile/summarise.cjs <file>`. PROFILE_SECONDS (10), PROFILE_ARCHIVES (100000).
 */
import { fork } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { bindEventSink, createApiKey } from '../http.bench';
import type { LoadFigures, LoadRequest } from '../load-worker';
import { createBenchVhost, databaseUrlOf, deleteBenchVhost, dropBenchDatabases, serverUrl, startSuite, stopEveryChild } from '../processes';
import { seedArchives } from '../seed-archives';

const TICK_MS = 10; // USER_HZ = 100
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const archives = Number(process.env.PROFILE_ARCHIVES ?? 100_000);
const only = (process.env.PROFILE_SCENARIOS ?? 'post,list,search').split(',');
const probeDir = resolve(process.env.PROBE_DIR ?? 'bench/results/profile');

function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function backends(suffix: string): Promise<Map<number, string>> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; datname: string }>(
      `SELECT pid, datname FROM pg_stat_activity WHERE datname LIKE $1`,
      [`bench_%_${suffix}`],
    );
    return new Map(rows.map((row) => [row.pid, row.datname.replace(/^bench_/, '').replace(`_${suffix}`, '')]));
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  rmSync(probeDir, { recursive: true, force: true });
  const names = await createBenchVhost();
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${process.env.PROFILE_NODE_FLAGS ?? ''} --require ${resolve(__dirname, 'probe.cjs')}`;
  process.env.PROBE_DIR = probeDir;
  const loader = fork(join(__dirname, '..', 'load-worker.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let next = 0;
  const load = (request: Omit<LoadRequest, 'id'>) =>
    new Promise<LoadFigures>((done, fail) => {
      const id = ++next;
      const listener = (message: { id: number; figures?: LoadFigures; error?: string }) => {
        if (message.id !== id) return;
        loader.off('message', listener);
        if (message.figures) done(message.figures);
        else fail(new Error(message.error));
      };
      loader.on('message', listener);
      loader.send({ ...request, id });
    });
  const suite = await startSuite(names);
  try {
    await bindEventSink(names.vhostUrl);
    const api = `${suite.gatewayUrl}/api/v1`;
    const auth = { Authorization: `Bearer ${await createApiKey(api, suite.adminKey)}` };
    const json = { 'Content-Type': 'application/json' };
    const body = JSON.stringify({
      type: 'enterprise',
      name: 'Bench Trading Co., Ltd.',
      industry: 'appliances',
      contacts: [{ name: 'Li Wei', phone: '+86 571 8888 6666', email: 'li@example.cn', keyPerson: true }],
      notes: 'x'.repeat(500),
    });
    const rabbit = pidsNamed('beam.smp');
    const window = async (label: string, request: Omit<LoadRequest, 'id' | 'seconds'>) => {
      await load({ ...request, seconds: 3 });
      const pg = await backends(names.suffix);
      const procs: Record<string, number[]> = {
        ...Object.fromEntries(Object.entries(suite.pids).map(([k, v]) => [k, [v]])),
        rabbitmq: rabbit,
      };
      for (const [pid, db] of pg) (procs[`pg:${db}`] ??= []).push(pid);
      const before = Object.fromEntries(Object.entries(procs).map(([k, pids]) => [k, pids.reduce((s, p) => s + cpuMs(p), 0)]));
      for (const pid of Object.values(suite.pids)) process.kill(pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 300));
      const figures = await load({ ...request, seconds });
      for (const pid of Object.values(suite.pids)) process.kill(pid, 'SIGUSR2');
      const after = Object.fromEntries(Object.entries(procs).map(([k, pids]) => [k, pids.reduce((s, p) => s + cpuMs(p), 0)]));
      await new Promise((r) => setTimeout(r, 1500));
      console.log(
        `\n## ${label}: ${figures.requests} requests in ${figures.seconds} s, ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.errors}`,
      );
      console.log('CPU ms per request (from /proc, whole window):');
      for (const key of Object.keys(procs)) {
        const ms = (after[key] - before[key]) / figures.requests;
        if (ms > 0.005) console.log(`  ${key.padEnd(16)} ${ms.toFixed(2)}`);
      }
      console.log('SQL statements per request (pg client wrapper):');
      for (const file of readdirSync(probeDir).filter((f) => f.endsWith('.sql.json') && !f.includes('@'))) {
        const counts = JSON.parse(readFileSync(join(probeDir, file), 'utf8')) as Record<string, number>;
        const total = Object.values(counts).reduce((s, n) => s + n, 0);
        if (!total) continue;
        console.log(`  ${file}: ${(total / figures.requests).toFixed(2)} per request`);
        for (const [text, n] of Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12))
          console.log(`    ${(n / figures.requests).toFixed(2).padStart(6)}  ${text}`);
      }
      console.log('Memory at the end of the window, MiB (process.memoryUsage; V8 new space size/used):');
      for (const file of readdirSync(probeDir).filter((f) => f.endsWith('.mem.json') && !f.includes('@'))) {
        const { memory, spaces } = JSON.parse(readFileSync(join(probeDir, file), 'utf8')) as {
          memory: Record<string, number>;
          spaces: Record<string, { size: number; used: number }>;
        };
        const young = spaces.new_space ?? { size: 0, used: 0 };
        console.log(
          `  ${file.replace('.mem.json', '').padEnd(18)} rss ${memory.rss}  heapTotal ${memory.heapTotal}  heapUsed ${memory.heapUsed}` +
            `  external ${memory.external}  new space ${young.size}/${young.used}`,
        );
      }
      for (const file of readdirSync(probeDir))
        if (!file.includes('@')) {
          renameSync(join(probeDir, file), join(probeDir, file.replace(/\.(cpuprofile|sql\.json|mem\.json)$/, `@${label}.$1`)));
        }
    };
    if (only.includes('post'))
      await window('post', { url: `${api}/customers`, method: 'POST', headers: { ...json, ...auth }, body, connections: 32 });
    if (only.includes('list') || only.includes('search')) {
      const client = new Client({ connectionString: databaseUrlOf(names.database('customers')) });
      await client.connect();
      await seedArchives(client, archives);
      await client.end();
      if (only.includes('list')) await window('list', { url: `${api}/customers?limit=50`, method: 'GET', headers: auth, connections: 8 });
      if (only.includes('search'))
        await window('search', { url: `${api}/customers?q=quokka`, method: 'GET', headers: auth, connections: 8 });
    }
  } finally {
    loader.disconnect();
    await suite.stop();
    await stopEveryChild();
    await dropBenchDatabases(names);
    await deleteBenchVhost(names);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
