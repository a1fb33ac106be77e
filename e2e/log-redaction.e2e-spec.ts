import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, eventually, freePort, testEnv } from '@crm/testing';

jest.setTimeout(180_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const token = (label: string) => `${label}${randomBytes(9).toString('hex')}`;

/** Every secret and every piece of personal data this run sends; none may reach a log line. */
const SECRETS = {
  adminKey: token('admin-key-'),
  databasePassword: token('DbPw'),
  amqpPassword: token('MqPw'),
  apiKeyHeader: token('x-api-key-'),
  contactName: 'Zhuge Kongming',
  contactPhone: '+86 139 2468 1357',
  contactPhoneDigits: '13924681357',
  contactEmail: 'kongming.zhuge@example.cn',
  emergencyName: 'Sima Yiyi',
  emergencyPhone: '13612349876',
  legalRepresentative: 'Huang Yueying',
  registrationNo: '91310115MA1K4LTX9Q',
  taxId: '310115198804127715',
  bank: 'ICBC Lujiazui 6222 0212 3456 7890 123',
};

/**
 * STYLE rule 9, LOY-10, CUS-6 and issue 11: secrets and personal data never reach a log line. The
 * gateway and the customers service run as `npm start` runs them (compiled, one process each) at
 * LOG_LEVEL=trace, with a password in DATABASE_URL and in AMQP_URL (a broker user made for this
 * run), and take requests that carry the admin key, a created key's secret (Authorization), an
 * X-Api-Key header, names, phones, e-mail, registration and tax numbers and a bank account — as
 * bodies, in a search query, in refused and invalid requests. Then the captured stdout and stderr of
 * both processes are searched for every one of them.
 */
describe('no secrets or personal data in the logs of a run at LOG_LEVEL=trace', () => {
  const children: ChildProcess[] = [];
  let output = '';
  let vhost: TestVhost;
  const databases: TestDatabase[] = [];
  const amqpUser = `log_redaction_${randomBytes(4).toString('hex')}`;
  let url = '';
  let createdKey = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'services', 'libs'], { cwd: ROOT, stdio: 'ignore' });
    vhost = await createTestVhost('log_redaction');
    await run('rabbitmqctl', ['add_user', amqpUser, SECRETS.amqpPassword], { timeout: 30_000 });
    await run('rabbitmqctl', ['set_permissions', '-p', vhost.name, amqpUser, '.*', '.*', '.*'], { timeout: 30_000 });
    for (const purpose of ['log_redaction_customers', 'log_redaction_gateway']) databases.push(await createTestDatabase(purpose));
    // Local PostgreSQL trusts 127.0.0.1: the password is never checked, only carried (and must not be logged).
    const databaseUrl = new URL(testEnv.databaseUrl);
    databaseUrl.password = SECRETS.databasePassword;
    const amqpUrl = new URL(vhost.url);
    amqpUrl.username = amqpUser;
    amqpUrl.password = SECRETS.amqpPassword;
    const gatewayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl.toString(),
      AMQP_URL: amqpUrl.toString(),
      LOG_LEVEL: 'trace',
      CUSTOMERS_DB_NAME: databases[0].name,
      CUSTOMERS_PORT: String(await freePort()),
      GATEWAY_DB_NAME: databases[1].name,
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_ADMIN_KEY: SECRETS.adminKey,
    };
    for (const service of ['customers', 'gateway']) {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'services', service, 'src', 'main.js')], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      children.push(child);
    }
    url = `http://127.0.0.1:${gatewayPort}/api/v1`;
    await eventually(async () => {
      const response = await fetch(`${url}/customers`, { headers: { Authorization: `Bearer ${SECRETS.adminKey}` } }).catch(() => undefined);
      expect(response?.status).toBe(200);
    }, 60_000);
  });

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    for (const database of databases) await database.drop().catch(() => undefined);
    await vhost?.delete().catch(() => undefined);
    await run('rabbitmqctl', ['delete_user', amqpUser], { timeout: 30_000 }).catch(() => undefined);
  });

  async function call(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${options.key ?? createdKey}`,
        'X-Api-Key': SECRETS.apiKeyHeader,
        'X-Access-Purpose': 'log redaction test',
        'Content-Type': 'application/json',
        ...options.headers,
      },
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  it('logs requests and ids, never a key, a password or a customer’s personal data', async () => {
    const created = await call('POST', '/api-keys', {
      key: SECRETS.adminKey,
      body: { name: 'log-redaction-manager', roles: ['manager', 'sales'], clearance: 'top_secret' },
    });
    expect(created.status).toBe(201);
    createdKey = created.body.key as string;

    const archive = {
      type: 'enterprise',
      name: 'Wolong Tea Trading Co.',
      contacts: [{ name: SECRETS.contactName, phone: SECRETS.contactPhone, email: SECRETS.contactEmail, birthday: '1981-07-23' }],
      emergencyContact: { name: SECRETS.emergencyName, phone: SECRETS.emergencyPhone, relation: 'spouse' },
      registration: { registrationNo: SECRETS.registrationNo, taxId: SECRETS.taxId, legalRepresentative: SECRETS.legalRepresentative },
    };
    const registered = await call('POST', '/customers', { body: archive, headers: { 'Idempotency-Key': `log-${randomUUID()}` } });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    expect((await call('GET', `/customers/${id}`)).status).toBe(200);
    expect((await call('GET', `/customers?q=${encodeURIComponent(SECRETS.contactName)}`)).status).toBe(200);
    expect(
      (
        await call('POST', `/customers/${id}/credit-investigations`, {
          body: { paymentHabits: 'Pays on time', bank: SECRETS.bank, conclusion: 'Sound', highestCreditLevel: 'B' },
        })
      ).status,
    ).toBeLessThan(500);
    // Refusals and failures log too: an invalid body echoing the data, a malformed one, a stale version, a wrong key.
    expect(
      (
        await call('POST', '/customers', {
          body: { ...archive, contacts: [{ name: SECRETS.contactName, phone: `x${SECRETS.contactPhone}` }], type: 'x' },
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/customers', { raw: `{"name": "${SECRETS.contactName}", "taxId": "${SECRETS.taxId}"` })).status).toBe(400);
    expect(
      (
        await call('PATCH', `/customers/${id}`, {
          body: { emergencyContact: { name: SECRETS.emergencyName, phone: SECRETS.emergencyPhone } },
          headers: { 'If-Match': '"99"' },
        })
      ).status,
    ).toBe(412);
    expect((await call('GET', '/customers', { key: `${createdKey}x` })).status).toBe(401);
    expect((await call('GET', `/customers/${SECRETS.taxId}`)).status).toBe(400);
    expect((await call('GET', `/customers/${randomUUID()}/${SECRETS.contactPhoneDigits}/x`)).status).toBe(404);
    const last = `log-redaction-${randomUUID()}`;
    expect((await call('GET', '/customers', { headers: { 'X-Request-Id': last } })).status).toBe(200);

    // The logs are there (every request is logged, the last one too)…
    await eventually(async () => expect(output).toContain(last));
    // …but none of the secrets or personal data, however typed.
    const needles = { ...SECRETS, createdKey, createdKeyBody: createdKey.replace(/^csk_/, '') };
    const lines = output.split('\n');
    const found = Object.entries(needles)
      .filter(([, needle]) => output.includes(needle))
      .map(([name, needle]) => `${name}: ${lines.find((line) => line.includes(needle))?.slice(0, 400)}`);
    expect(found).toEqual([]);
  });
});
