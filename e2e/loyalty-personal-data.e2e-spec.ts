import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { POS_PURCHASES_EXCHANGE, posPurchaseRoutingKey } from '@crm/contracts';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, eventually, freePort, testEnv } from '@crm/testing';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');
const ADMIN_KEY = `personal-data-admin-${randomUUID()}`;
const PHONE_DIGITS = '13566667777';
const PHONE = '+86 135 6666 7777';
const NAME = 'Ouyang Xiaoming';
const BIRTHDAY = '1979-11-23';

/**
 * LOY-10: member data is personal — never in logs. The gateway and the loyalty service run as
 * `npm start` runs them (compiled, one process each) at LOG_LEVEL=debug; a run through every
 * loyalty path that touches a phone, a name or a birthday — including refusals, validation errors,
 * a dead-lettered till message and a conflict — and then the captured stdout and stderr of both
 * processes are searched for the phone (as typed and as digits), the name and the birthday.
 */
describe('LOY-10 no personal data in the logs of a run', () => {
  const children: ChildProcess[] = [];
  let output = '';
  let vhost: TestVhost;
  const databases: TestDatabase[] = [];
  let url = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'services', 'libs'], { cwd: ROOT, stdio: 'ignore' });
    vhost = await createTestVhost('loyalty_logs');
    for (const purpose of ['loyalty_logs_loyalty', 'loyalty_logs_gateway']) databases.push(await createTestDatabase(purpose));
    const gatewayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: testEnv.databaseUrl,
      AMQP_URL: vhost.url,
      LOG_LEVEL: 'debug',
      LOYALTY_DB_NAME: databases[0].name,
      LOYALTY_PORT: String(await freePort()),
      GATEWAY_DB_NAME: databases[1].name,
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_ADMIN_KEY: ADMIN_KEY,
    };
    for (const service of ['loyalty', 'gateway']) {
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
      const response = await fetch(`${url}/loyalty/rewards`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } }).catch(() => undefined);
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
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('logs ids, never the member’s phone, name or birthday', async () => {
    const sale = {
      storeId: 'S001',
      transactionId: `T-${randomUUID()}`,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      phone: PHONE,
      lines: [{ sku: 'TEA', quantity: 1, unitPrice: { amount: 150_000, currency: 'CNY' } }],
      paid: { amount: 150_000, currency: 'CNY' },
    };
    const form = { phone: PHONE, name: NAME, birthday: BIRTHDAY, storeId: 'S001' };
    expect((await call('POST', '/loyalty/cards', form)).body).toMatchObject({ rule: 'LOY-1' });
    expect((await call('POST', '/loyalty/purchases', sale)).status).toBe(201);
    expect((await call('POST', '/loyalty/purchases', { ...sale, paid: { amount: 1, currency: 'CNY' } })).status).toBe(409);
    expect((await call('POST', '/loyalty/purchases', { ...sale, phone: `${PHONE}x`, lines: [] })).status).toBe(400);
    const card = await call('POST', '/loyalty/cards', form);
    expect(card.status).toBe(201);
    expect((await call('POST', '/loyalty/cards', { ...form, birthday: '1979-02-30' })).status).toBe(400);
    expect((await call('POST', '/loyalty/cards', form)).status).toBe(409);
    const number = card.body.cardNumber as string;
    expect(
      (await call('POST', '/loyalty/quotes', { cardNumber: number, storeId: 'S001', idChecked: true, lines: sale.lines })).status,
    ).toBe(200);
    expect((await call('POST', `/loyalty/cards/${number}/report-lost`, {})).status).toBe(200);
    expect((await call('POST', '/loyalty/purchases', { ...sale, transactionId: `T-${randomUUID()}`, cardNumber: number })).status).toBe(
      422,
    );
    // A till's message with the phone, dead-lettered (store ≠ routing key).
    const connection = await connect(vhost.url);
    const channel = await connection.createConfirmChannel();
    channel.publish(
      POS_PURCHASES_EXCHANGE,
      posPurchaseRoutingKey('S999'),
      Buffer.from(JSON.stringify({ ...sale, transactionId: 'T-dead' })),
      {
        persistent: true,
        contentType: 'application/json',
        messageId: 'dead-letter-probe',
      },
    );
    await channel.waitForConfirms();
    await connection.close();
    await eventually(async () => expect(output).toContain('dead-letter-probe'));

    // The logs are there (the processes run at LOG_LEVEL=debug; every request is logged) and hold ids…
    // (No debug line is guaranteed: the relay's "published with no queue bound" no longer happens
    // since the gateway's event feed binds every event.)
    expect(output).toContain('/loyalty/cards');
    // …but none of the member's personal data, however it was typed.
    for (const secret of [PHONE, PHONE_DIGITS, '135 6666 7777', NAME, 'Ouyang', BIRTHDAY])
      expect({ secret, found: output.includes(secret) }).toEqual({ secret, found: false });
  });
});
