import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { databaseUrl } from '@crm/persistence';
import { eventually, testEnv } from '@crm/testing';
import { GatewayHarness } from '../services/gateway/test/support/gateway-harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/**
 * Issue 10: a customers replica dies (SIGKILL) after its transaction committed and before it
 * replied or acked. The broker redelivers the command to the other replica, which must answer the
 * first result — 201 with the id of the archive that now exists — never 409, so the caller and its
 * Idempotency-Key see the same success, and the archive exists once. The replicas are real
 * processes (`dist/`, as `npm start` runs them); the dying one is told where to die by its
 * failpoint (`CRM_FAILPOINT=after-commit:<pattern>`).
 */
describe('a replica killed between commit and reply', () => {
  let harness: GatewayHarness;
  let database = '';
  const replicas: ChildProcess[] = [];

  function startReplica(name: string, failpoint?: string): ChildProcess {
    const child = spawn(process.execPath, [join(ROOT, 'dist/services/customers/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: testEnv.databaseUrl,
        AMQP_URL: harness.vhost.url,
        CUSTOMERS_DB_NAME: database,
        CUSTOMERS_PORT: '0',
        LOG_LEVEL: 'warn',
        CRM_FAILPOINT: failpoint ? `after-commit:${failpoint}` : '',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code, signal) => process.stdout.write(`replica ${name} exited (${signal ?? code})\n`));
    replicas.push(child);
    return child;
  }

  async function consumersOnCommands(): Promise<number> {
    const { stdout } = await run('rabbitmqctl', ['-q', 'list_queues', '-p', harness.vhost.name, 'name', 'consumers']);
    const line = stdout.split('\n').find((row) => row.startsWith('customers.commands\t'));
    return Number(line?.split('\t')[1] ?? 0);
  }

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    // The gateway waits long enough for the second replica to start and take the redelivery.
    harness = await GatewayHarness.start('chaos_replica', {
      boot: async (h) => {
        database = await h.database('chaos_replica_customers');
      },
      config: { rpcTimeoutMs: 30_000 },
    });
  }, 120_000);

  afterAll(async () => {
    for (const child of replicas) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await harness?.close();
  });

  it('answers 201 with the id of the archive created once, and replays it for the same key', async () => {
    const dying = startReplica('A', 'customers.register');
    await eventually(async () => expect(await consumersOnCommands()).toBe(1), 60_000);
    const sales = await harness.createKey('replica-sales', ['sales']);
    const body = { type: 'retailer', name: `Replica Kill ${Date.now()}`, contacts: [] };

    const pending = harness.http().post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', 'replica-kill-1').send(body);
    const answered = pending.then((response) => response);
    // A commits, then dies before its reply; its unacked command goes back to the queue.
    await new Promise((resolve) => dying.once('exit', resolve));
    expect(dying.signalCode).toBe('SIGKILL');
    startReplica('B');
    const response = await answered;

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: expect.any(String), name: body.name, status: 'prospect' });
    const sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database) });
    await sql.connect();
    try {
      const { rows } = await sql.query('SELECT id FROM customers WHERE name = $1', [body.name]);
      expect(rows).toEqual([{ id: response.body.id }]);
      const events = await sql.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE aggregate_id = $1`, [response.body.id]);
      expect(events.rows[0].n).toBe(1);
    } finally {
      await sql.end();
    }
    const replay = await harness.http().post('/api/v1/customers').set(sales.auth).set('Idempotency-Key', 'replica-kill-1').send(body);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(response.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  }, 120_000);
});
