// `npm run demo`: with the suite up (`npm start`, or docker compose), seeds a small company and plays
// the whole story through the gateway, printing each step: a store sale makes a VIP, member prices
// at the till, a complaint about a defective batch, approval, a return order, warehouse receipt,
// reconciliation, the voucher a finance consumer receives from its own queue, the points clawed back.
// GATEWAY_URL (http://127.0.0.1:3000), GATEWAY_ADMIN_KEY (the local default), AMQP_URL as for the services.
import { randomUUID } from 'node:crypto';
import { type Channel, type ChannelModel, connect } from 'amqplib';

const GATEWAY = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const ADMIN_KEY = process.env.GATEWAY_ADMIN_KEY ?? 'dev-admin-key-change-me';
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const STORE = 'HZ-WESTLAKE-01';
const RUN = randomUUID().slice(0, 8);

type Json = Record<string, unknown> & { id?: string };
const yuan = (fen: number) => `${(fen / 100).toFixed(2)} CNY`;
const money = (amount: number) => ({ amount, currency: 'CNY' });

function step(title: string): void {
  console.log(`\n▶ ${title}`);
}
function say(line: string): void {
  console.log(`  ${line}`);
}

async function call<T = Json>(key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${GATEWAY}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function createKey(name: string, roles: string[], extra: Json = {}): Promise<string> {
  const created = await call<{ key: string }>(ADMIN_KEY, 'POST', '/api-keys', {
    name: `demo-${RUN}-${name}`,
    roles,
    clearance: 'secret',
    ...extra,
  });
  return created.key;
}

/** A finance system's own durable queue on `crm.events`, bound to `returns.#`, as a real one would have. */
async function financeQueue(): Promise<{ model: ChannelModel; channel: Channel; queue: string; events: Json[] }> {
  const model = await connect(AMQP_URL);
  const channel = await model.createChannel();
  const queue = `demo.finance.${RUN}`;
  await channel.assertExchange('crm.events', 'topic', { durable: true });
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(queue, 'crm.events', 'returns.#');
  const events: Json[] = [];
  await channel.consume(queue, (message) => {
    if (!message) return;
    events.push(JSON.parse(message.content.toString('utf8')) as Json);
    channel.ack(message);
  });
  return { model, channel, queue, events };
}

async function main(): Promise<void> {
  console.log(`Customer Service Suite demo against ${GATEWAY} (run ${RUN})`);
  await eventually('the gateway to be ready', async () => ((await fetch(`${GATEWAY}/health/ready`)).ok ? true : undefined), 60_000);

  step('Keys for the people and systems of a small company');
  const [sales, manager, service, warehouse, finance, till] = await Promise.all([
    createKey('sales', ['sales']),
    createKey('manager', ['manager']),
    createKey('service-desk', ['service']),
    createKey('warehouse', ['warehouse']),
    createKey('finance', ['finance']),
    createKey('till', ['pos'], { storeId: STORE }),
  ]);
  say('sales clerk, sales manager, service desk, warehouse, finance, and a till of store ' + STORE);
  const books = await financeQueue();
  say(`finance system listening on its own queue ${books.queue} (crm.events, returns.#)`);

  step('A customer archive: registered, submitted, approved (CUS-1, CUS-2)');
  const customer = await call(sales, 'POST', '/customers', {
    type: 'retailer',
    name: `Westlake Tea House ${RUN}`,
    industry: 'tea retail',
    contacts: [{ name: 'Chen Jing', title: 'Owner', phone: '+86 571 8888 6666', keyPerson: true }],
  });
  await call(sales, 'POST', `/customers/${customer.id}/submit`, { generalSurvey: 'Busy shop by the lake', fieldSurvey: 'Visited' });
  const approved = await call(manager, 'POST', `/customers/${customer.id}/approve`, {});
  say(`${customer.name as string} — ${approved.code as string}, ${approved.status as string}`);

  step('A store sale makes a VIP (LOY-1, LOY-2)');
  const phone = `+86 139 ${RUN.slice(0, 4).replace(/\D/g, '7').padEnd(4, '7')} ${String(Date.now() % 10_000).padStart(4, '0')}`;
  const first = await call(till, 'POST', '/loyalty/purchases', {
    storeId: STORE,
    transactionId: `T-${RUN}-1`,
    occurredAt: new Date().toISOString(),
    phone,
    lines: [{ sku: 'TEA-LONGJING-250G', quantity: 4, unitPrice: money(32_000) }],
    paid: money(128_000),
  });
  say(`sale of ${yuan(128_000)} → vipEligible: ${String(first.vipEligible)}`);
  const card = await call(till, 'POST', '/loyalty/cards', { phone, name: 'Lin Yue', birthday: '1990-04-12', storeId: STORE });
  const cardNumber = card.cardNumber as string;
  say(`VIP card ${cardNumber}, valid until ${card.expiresAt as string}`);

  step('Member prices at the till (LOY-3)');
  const quote = await call<{ lines: Json[]; total: { amount: number } }>(till, 'POST', '/loyalty/quotes', {
    cardNumber,
    storeId: STORE,
    lines: [
      { sku: 'TEA-LONGJING-250G', quantity: 2, unitPrice: money(32_000) },
      { sku: 'CUP-CELADON', quantity: 1, unitPrice: money(8_800), promo: true },
    ],
  });
  for (const line of quote.lines) {
    say(`${line.sku as string}: ${String(line.reason)} ${String(line.discountRate)} → ${yuan((line.total as { amount: number }).amount)}`);
  }
  say(`total ${yuan(quote.total.amount)}`);

  step('The VIP buys with the card and earns points (LOY-4)');
  const transactionId = `T-${RUN}-2`;
  const bought = await call(till, 'POST', '/loyalty/purchases', {
    storeId: STORE,
    transactionId,
    occurredAt: new Date().toISOString(),
    cardNumber,
    lines: [{ sku: 'TEA-LONGJING-250G', quantity: 5, unitPrice: money(28_800) }],
    paid: money(144_000),
  });
  say(`paid ${yuan(144_000)} → ${String(bought.pointsEarned)} points, balance ${String(bought.balance)}`);

  step('A complaint about a defective batch (CMP-1 … CMP-8)');
  const complaint = await call(service, 'POST', '/complaints', {
    kind: 'complaint',
    channel: 'in_person',
    customerId: customer.id,
    complainant: { name: 'Lin Yue', phone },
    subject: 'Tins of batch LJ-2611 arrived with broken seals',
    description: 'Two of five tins were open and the tea had taken on moisture.',
    category: 'quality',
    demand: 'Take the two tins back',
    product: { orderNo: transactionId, sku: 'TEA-LONGJING-250G', batchNo: 'LJ-2611', quantity: 5, defectiveQuantity: 2 },
  });
  say(`${complaint.number as string} registered; resolution due ${(complaint.due as Json).resolution as string}`);
  await call(service, 'POST', `/complaints/${complaint.id}/accept`, { severity: 'general' });
  await call(service, 'POST', `/complaints/${complaint.id}/assign`, { department: 'packing', assignee: 'Zhao Lei' });
  await call(service, 'POST', `/complaints/${complaint.id}/findings`, {
    rootCause: 'Sealing machine mis-set for batch LJ-2611',
    ourFault: true,
    responsibleDepartment: 'packing',
    responsiblePerson: 'Zhao Lei',
    correctiveAction: 'Machine re-calibrated; batch checked',
    penalty: { amount: money(50_000), kpiPoints: 1 },
  });
  await call(service, 'POST', `/complaints/${complaint.id}/proposal`, {
    resolution: 'return',
    lines: [{ sku: 'TEA-LONGJING-250G', batchNo: 'LJ-2611', quantity: 2, unitPrice: money(28_800) }],
    purchaseRef: { storeId: STORE, transactionId },
    note: 'Refund the two open tins',
  });
  await call(manager, 'POST', `/complaints/${complaint.id}/approve`, {});
  say('findings: our fault (penalty 500.00 CNY to packing); return of 2 tins proposed and approved by the manager');

  step('The return order, created from the approval (RET-1, RET-3)');
  const order = await eventually('the return order', async () => {
    const page = await call<{ items: Json[] }>(sales, 'GET', `/returns?customerId=${customer.id as string}`);
    return page.items.find((item) => item.complaintId === complaint.id);
  });
  say(`${order.number as string} (${order.status as string}) from ${complaint.number as string}`);
  await call(manager, 'POST', `/returns/${order.id}/approve`, {});
  say('approved by the sales manager');

  step('Warehouse receipt (RET-4) and reconciliation (RET-5)');
  await call(warehouse, 'POST', `/returns/${order.id}/receive`, {
    lines: [{ sku: 'TEA-LONGJING-250G', receivedQuantity: 2 }],
    signedBy: 'Wu Hao (warehouse)',
  });
  say('2 tins received, signed by Wu Hao');
  const reconciled = await call(finance, 'POST', `/returns/${order.id}/reconcile`, {});
  say(`reconciled: ${reconciled.status as string}, voucher ${String(reconciled.voucherId)}`);

  step('The voucher, as the finance system receives it from its own queue (RET-7)');
  const posted = await eventually('returns.voucher.posted', async () =>
    books.events.find((event) => event.type === 'returns.voucher.posted' && (event.data as Json).voucherId === reconciled.voucherId),
  );
  const voucher = posted.data as { number: string; lines: { account: string; debit: { amount: number }; credit: { amount: number } }[] };
  say(`${voucher.number}`);
  for (const line of voucher.lines)
    say(`  ${line.account.padEnd(36)} debit ${yuan(line.debit.amount).padStart(14)}  credit ${yuan(line.credit.amount).padStart(14)}`);
  say(`events on the finance queue so far: ${books.events.map((event) => event.type as string).join(', ')}`);

  step('Points clawed back for the returned goods (LOY-6)');
  const clawed = await eventually('the clawback', async () => {
    const ledger = await call<{ items: Json[] }>(till, 'GET', `/loyalty/cards/${cardNumber}/ledger`);
    return ledger.items.find((entry) => entry.type === 'clawback');
  });
  const account = await call(till, 'GET', `/loyalty/cards/${cardNumber}`);
  say(`clawback ${String(clawed.points)} points (${String(clawed.cause)}); balance now ${String(account.balance)}`);

  await books.channel.deleteQueue(books.queue).catch(() => undefined);
  await books.model.close();
  console.log('\nDone: every step above went through the gateway; the voucher came from the events alone.');
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  process.exit(1);
});
