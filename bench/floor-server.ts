/**
 * The floor: the least a server can do to give the measured routes' answers durably, on the same
 * PostgreSQL and RabbitMQ — no Nest, no gateway, no RPC, no auth, one process. The bench runner
 * compares every suite scenario with this server doing the same durable work, so the ratio says
 * what the architecture costs on top of the database and broker work that cannot be avoided.
 *
 * - `POST /customers`: one transaction with the archive row (same table, same indexes as the
 *   customers service — its migrations are applied verbatim), the request's unique key claimed
 *   in `inbox_messages` (the command's natural key) and an outbox row holding the event
 *   envelope; then 201 with the archive. A relay in this process publishes pending outbox rows
 *   to a topic exchange, persistent and `mandatory`, waits for publisher confirms, and marks
 *   them published with a position — the suite's relay protocol, without its framework.
 * - `GET /customers/:id`: in one transaction, reads the archive and appends the borrowing
 *   register row (CUS-7), on the suite's bench customers database.
 * - `GET /customers?limit&q&reviewOverdue`: the list query a summary page needs (9 columns,
 *   same filters, same order), on the suite's bench customers database.
 *
 * - `POST /loyalty/purchases` (LOY-4): one transaction with the purchase claimed by its natural key
 *   (`ON CONFLICT DO NOTHING`, the loyalty service's table), the card row locked, the earn entry
 *   in the ledger (its triggers move the balance), the LOY-1 summary read, the result stored, an
 *   outbox row; a replay answers the stored result. The runner seeds the card into this database.
 * - `POST /loyalty/quotes` (LOY-3): the card and member read by primary keys, then the same pure
 *   quote policy the service uses.
 *
 * Configured by environment (set by the runner): FLOOR_PORT, FLOOR_DATABASE_URL (its own
 * database, created by the runner), FLOOR_READ_DATABASE_URL (the suite's customers database),
 * FLOOR_AMQP_URL (the bench vhost). Sends `ready` over IPC once listening.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type ConfirmChannel, connect } from 'amqplib';
import { Pool, type PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { MESSAGING_MIGRATIONS } from '../libs/messaging/src/messaging-tables.migration';
import { customersMigrations } from '../services/customers/src/migrations';
import { loyaltyMigrations } from '../services/loyalty/src/migrations';
import { quote } from '../services/loyalty/src/quote/quote.policy';

const EXCHANGE = 'floor.events';
const SINK_QUEUE = 'floor.sink';
const POOL_SIZE = 10; // the services' pool size (libs/persistence)
const RELAY_BATCH = 200; // the suite relay's batch size

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const writes = new Pool({ connectionString: env('FLOOR_DATABASE_URL'), max: POOL_SIZE, application_name: 'bench-floor' });
const reads = new Pool({ connectionString: env('FLOOR_READ_DATABASE_URL'), max: POOL_SIZE, application_name: 'bench-floor' });

async function migrate(): Promise<void> {
  // The migrations only call `query`, so they run on a plain client: the same schema, no ORM —
  // in one transaction, as TypeORM runs them (some lock tables).
  await transaction(writes, async (client) => {
    const runner = { query: (sql: string, parameters?: unknown[]) => client.query(sql, parameters) } as unknown as QueryRunner;
    for (const Migration of [...MESSAGING_MIGRATIONS, ...customersMigrations, ...loyaltyMigrations]) await new Migration().up(runner);
  });
}

async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// --- relay -----------------------------------------------------------------------------------

let channel: ConfirmChannel;
let relayRunning = false;
let relayAgain = false;

async function publishBatch(): Promise<number> {
  return transaction(writes, async (client) => {
    const { rows: locked } = await client.query('SELECT pg_try_advisory_xact_lock(4242) AS locked');
    if (!locked[0].locked) return 0;
    const { rows } = await client.query<{ id: string; type: string; envelope: { correlationId: string } }>(
      'SELECT id, type, envelope FROM outbox_messages WHERE published_at IS NULL ORDER BY seq LIMIT $1',
      [RELAY_BATCH],
    );
    if (rows.length === 0) return 0;
    for (const row of rows) {
      channel.publish(EXCHANGE, row.type, Buffer.from(JSON.stringify(row.envelope)), {
        mandatory: true,
        persistent: true,
        contentType: 'application/json',
        messageId: row.id,
        type: row.type,
        correlationId: row.envelope.correlationId,
      });
    }
    await channel.waitForConfirms();
    await client.query(
      `WITH batch AS (SELECT id, nextval('outbox_position_seq') AS position
                        FROM (SELECT id FROM outbox_messages WHERE id = ANY($1) ORDER BY seq) AS ordered)
       UPDATE outbox_messages AS o SET published_at = now(), position = batch.position, attempts = o.attempts + 1
         FROM batch WHERE o.id = batch.id`,
      [rows.map((row) => row.id)],
    );
    return rows.length;
  });
}

/** Woken after every committing write (and by a poll); one batch loop at a time. */
function wakeRelay(): void {
  if (relayRunning) {
    relayAgain = true;
    return;
  }
  relayRunning = true;
  void (async () => {
    try {
      do {
        relayAgain = false;
        while ((await publishBatch()) >= RELAY_BATCH);
      } while (relayAgain);
    } catch (error) {
      process.stderr.write(`floor relay: ${(error as Error).message}\n`);
    } finally {
      relayRunning = false;
    }
  })();
}

// --- routes ----------------------------------------------------------------------------------

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function register(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const input = JSON.parse(await readBody(request)) as { type?: string; name?: string; confidentiality?: string };
  if (typeof input.type !== 'string' || typeof input.name !== 'string') return send(response, 422, { title: 'invalid' });
  const { type, name, ...content } = input;
  const now = new Date();
  const id = randomUUID();
  const confidentiality = input.confidentiality ?? 'confidential';
  const actor = { keyId: 'floor', name: 'floor' };
  const envelope = {
    id: randomUUID(),
    type: 'customers.customer.registered',
    version: 1,
    occurredAt: now.toISOString(),
    source: 'floor',
    correlationId: randomUUID(),
    data: { customerId: id, code: null, name, type, status: 'prospect', grade: null, creditRating: null, confidentiality },
  };
  await transaction(writes, async (client) => {
    await client.query(`INSERT INTO inbox_messages (consumer, message_id, type) VALUES ('rpc', $1, 'command')`, [randomUUID()]);
    await client.query(
      `INSERT INTO customers (id, code, type, name, status, confidentiality, content, created_by, created_at, updated_at, version)
       VALUES ($1, NULL, $2, $3, 'prospect', $4, $5, $6, $7, $7, 1)`,
      [id, type, name, confidentiality, JSON.stringify(content), JSON.stringify(actor), now],
    );
    await client.query('INSERT INTO outbox_messages (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)', [
      envelope.id,
      envelope.type,
      id,
      JSON.stringify(envelope),
    ]);
  });
  wakeRelay();
  send(response, 201, {
    ...content,
    id,
    code: null,
    name,
    type,
    status: 'prospect',
    confidentiality,
    grade: null,
    creditRating: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
    createdBy: actor,
  });
}

async function read(id: string, response: ServerResponse): Promise<void> {
  const row = await transaction(reads, async (client) => {
    const { rows } = await client.query('SELECT * FROM customers WHERE id = $1', [id]);
    if (rows.length === 0) return undefined;
    await client.query(
      `INSERT INTO customer_access_entries (id, customer_id, at, caller_key_id, caller_name, purpose, outcome)
       VALUES ($1, $2, now(), 'floor', 'floor', 'bench', 'granted')`,
      [randomUUID(), id],
    );
    return rows[0] as Record<string, unknown>;
  });
  if (!row) return send(response, 404, { title: 'not found' });
  const { content, ...rest } = row;
  send(response, 200, { ...(content as object), ...rest });
}

async function list(params: URLSearchParams, response: ServerResponse): Promise<void> {
  const limit = Number(params.get('limit') ?? 50);
  const where = [`status <> 'destroyed'`];
  const values: unknown[] = [];
  const q = params.get('q');
  if (q) {
    values.push(`%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    where.push(`(name ILIKE $${values.length} ESCAPE '\\' OR code ILIKE $${values.length} ESCAPE '\\')`);
  }
  if (params.get('reviewOverdue') === 'true') {
    values.push(new Date());
    where.push(`status = 'active' AND next_review_due_at IS NOT NULL AND next_review_due_at < $${values.length}`);
  }
  values.push(limit + 1);
  const { rows } = await reads.query(
    `SELECT id, seq, code, name, type, grade, credit_rating, status, confidentiality FROM customers
      WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${values.length}`,
    values,
  );
  const page = rows.slice(0, limit);
  send(response, 200, {
    items: page.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name ?? '',
      type: row.type,
      grade: row.grade,
      creditRating: row.credit_rating,
      status: row.status,
      confidentiality: row.confidentiality,
    })),
    nextCursor: rows.length > limit ? Buffer.from(`v1:${page[page.length - 1].seq}`).toString('base64url') : null,
  });
}

interface FloorPurchase {
  storeId: string;
  transactionId: string;
  occurredAt: string;
  phone?: string;
  cardNumber?: string;
  paid: { amount: number };
  lines: { sku: string; quantity: number; unitPrice: { amount: number; currency: string }; promo?: boolean }[];
}

async function loyaltyPurchase(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const text = await readBody(request);
  const input = JSON.parse(text) as FloorPurchase;
  const hash = createHash('sha256').update(text).digest('hex');
  const id = randomUUID();
  const now = new Date();
  const answer = await transaction(writes, async (client) => {
    await client.query(`INSERT INTO inbox_messages (consumer, message_id, type) VALUES ('rpc', $1, 'command')`, [randomUUID()]);
    const claimed = await client.query(
      `INSERT INTO loyalty_purchases (id, store_id, transaction_id, body_hash, occurred_at, paid, points_earned, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT ON CONSTRAINT loyalty_purchases_natural_key DO NOTHING RETURNING id`,
      [id, input.storeId, input.transactionId, hash, input.occurredAt, input.paid.amount, now],
    );
    if (!claimed.rowCount) {
      const { rows } = await client.query('SELECT result FROM loyalty_purchases WHERE store_id = $1 AND transaction_id = $2', [
        input.storeId,
        input.transactionId,
      ]);
      return { status: 200, body: rows[0].result as unknown };
    }
    const { rows: cards } = await client.query(
      `SELECT c.balance, m.phone_key FROM loyalty_cards c JOIN loyalty_members m ON m.id = c.member_id WHERE c.number = $1 FOR UPDATE OF c`,
      [input.cardNumber],
    );
    const points = Math.floor(input.paid.amount / 10_000);
    await client.query(
      `INSERT INTO loyalty_ledger (id, card_number, type, points, lifetime_delta, cause, purchase_id, occurred_at)
       VALUES ($1, $2, 'earn', $3, $3, $4, $5, $6)`,
      [randomUUID(), input.cardNumber, points, `purchase ${input.storeId}/${input.transactionId}`, id, now],
    );
    const { rows: summary } = await client.query(
      `SELECT coalesce(max(paid), 0) AS largest, coalesce(sum(paid), 0) AS total FROM loyalty_purchases
       WHERE phone_key = $1 AND occurred_at >= $2 AND occurred_at <= $3`,
      [cards[0].phone_key, new Date(now.getTime() - 183 * 86_400_000), now],
    );
    const result = {
      purchaseId: id,
      pointsEarned: points,
      balance: Number(cards[0].balance) + points,
      vipEligible: Number(summary[0].largest) >= 100_000 || Number(summary[0].total) + input.paid.amount >= 200_000,
    };
    await client.query(`UPDATE loyalty_purchases SET phone_key = $2, card_number = $3, points_earned = $4, result = $5 WHERE id = $1`, [
      id,
      cards[0].phone_key,
      input.cardNumber,
      points,
      JSON.stringify(result),
    ]);
    const envelope = {
      id: randomUUID(),
      type: 'loyalty.points.earned',
      version: 1,
      occurredAt: now.toISOString(),
      source: 'floor',
      data: result,
    };
    await client.query('INSERT INTO outbox_messages (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)', [
      envelope.id,
      envelope.type,
      input.cardNumber,
      JSON.stringify(envelope),
    ]);
    return { status: 201, body: result as unknown };
  });
  wakeRelay();
  send(response, answer.status, answer.body);
}

async function loyaltyQuote(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const input = JSON.parse(await readBody(request)) as { cardNumber: string; idChecked?: boolean; lines: FloorPurchase['lines'] };
  const { rows } = await writes.query(
    `SELECT c.lifetime_points, to_char(m.birthday, 'YYYY-MM-DD') AS birthday FROM loyalty_cards c
     JOIN loyalty_members m ON m.id = c.member_id WHERE c.number = $1`,
    [input.cardNumber],
  );
  if (!rows.length) return send(response, 404, { title: 'not found' });
  send(response, 200, quote(input, { lifetimePoints: Number(rows[0].lifetime_points), birthday: rows[0].birthday as string }, new Date()));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (request.method === 'POST' && url.pathname === '/loyalty/purchases') return loyaltyPurchase(request, response);
  if (request.method === 'POST' && url.pathname === '/loyalty/quotes') return loyaltyQuote(request, response);
  if (request.method === 'POST' && url.pathname === '/customers') return register(request, response);
  if (request.method === 'GET' && url.pathname === '/customers') return list(url.searchParams, response);
  const byId = /^\/customers\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (request.method === 'GET' && byId) return read(byId[1], response);
  send(response, 404, { title: 'not found' });
}

async function main(): Promise<void> {
  await migrate();
  const connection = await connect(env('FLOOR_AMQP_URL'));
  channel = await connection.createConfirmChannel();
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
  // Like an outside consumer bound to crm.events (the runner binds the same kind to the suite's).
  await channel.assertQueue(SINK_QUEUE, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-max-length': 200_000 } });
  await channel.bindQueue(SINK_QUEUE, EXCHANGE, '#');
  channel.on('return', () => undefined);
  setInterval(wakeRelay, 250).unref(); // the suite's OUTBOX_POLL_MS

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, { title: error.message });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env('FLOOR_PORT')), '127.0.0.1', () => process.send?.('ready'));

  const stop = () => {
    server.close();
    void Promise.allSettled([connection.close(), writes.end(), reads.end()]).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`floor: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
