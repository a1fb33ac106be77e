// Removes test databases (`test_*`) and RabbitMQ vhosts (`test_*`) that an interrupted test run
// left behind. Tests clean up after themselves; this only catches runs killed half-way.
// `npm test` calls it first when CI=true (a developer's parallel runs are left alone otherwise).
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
await client.connect();
const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'");
for (const { datname } of rows) {
  if (!/^test_[a-z0-9_]+$/.test(datname)) continue;
  await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}
await client.end();

let vhosts = [];
try {
  vhosts = execFileSync('rabbitmqctl', ['-q', 'list_vhosts', 'name'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => /^test_[a-z0-9_]+$/.test(name));
} catch {
  /* rabbitmqctl not available (e.g. a remote broker): nothing to clean */
}
for (const vhost of vhosts) execFileSync('rabbitmqctl', ['-q', 'delete_vhost', vhost]);
process.stdout.write(`cleaned ${rows.length} test database(s) and ${vhosts.length} test vhost(s)\n`);
