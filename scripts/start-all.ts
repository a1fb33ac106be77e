/**
 * `npm start`: checks that PostgreSQL and RabbitMQ answer, then runs the services (the projects
 * tagged `type:service`) as child processes (each creates its own database, migrates and declares
 * its topology), prints the gateway and docs URLs once the gateway is ready, and stops everything
 * cleanly on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { Client } from 'pg';
import { redactUrl } from '@crm/config';
import { readProjects, SERVICE_NODE_FLAGS, TAGS } from './workspace-projects';

// The services are the built projects tagged `type:service` (project.json copied into dist/ by
// the build): the domain services first, the gateway last.
const SERVICES = readProjects(join(__dirname, '..'))
  .filter((project) => project.tags.includes(TAGS.service))
  .sort((a, b) => Number(a.tags.includes(TAGS.gateway)) - Number(b.tags.includes(TAGS.gateway)))
  .map((project) => ({ name: project.name, main: join(__dirname, '..', project.root, 'src', 'main.js') }));
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const gatewayPort = process.env.GATEWAY_PORT ?? '3000';

function fail(message: string): never {
  process.stderr.write(`\n✖ ${message}\n\n`);
  process.exit(1);
}

async function checkPostgres(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    fail(
      `PostgreSQL is not reachable at ${redactUrl(databaseUrl)}: ${(error as Error).message}\n` +
        '  Start it with `docker compose up -d postgres` (or your local server), or set DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRabbit(): Promise<void> {
  try {
    const connection = await Promise.race([
      connect(amqpUrl),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000)),
    ]);
    await connection.close();
  } catch (error) {
    fail(
      `RabbitMQ is not reachable at ${redactUrl(amqpUrl)}: ${(error as Error).message}\n` +
        '  Start it with `docker compose up -d rabbitmq` (or `rabbitmq-server -detached`), or set AMQP_URL.',
    );
  }
}

async function waitForGateway(children: Map<string, ChildProcess>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ([...children.values()].some((child) => child.exitCode !== null)) return;
    try {
      const response = await fetch(`http://127.0.0.1:${gatewayPort}/health/ready`);
      if (response.ok) {
        process.stdout.write(
          `\n✔ Customer Service Suite is up\n  API:     http://localhost:${gatewayPort}/api/v1\n` +
            `  Docs:    http://localhost:${gatewayPort}/api/docs (JSON: /api/docs-json)\n` +
            `  Health:  http://localhost:${gatewayPort}/health/ready\n  Ctrl-C stops everything.\n\n`,
        );
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write('The gateway did not become ready within 60 s; see the logs above.\n');
}

async function main(): Promise<void> {
  await Promise.all([checkPostgres(), checkRabbit()]);
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping services…\n');
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
      process.exit(code || 1);
    }, 25_000);
    force.unref();
    const waitAll = [...children.values()].map((child) =>
      child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)),
    );
    void Promise.all(waitAll).then(() => process.exit(code));
  };

  if (SERVICES.length === 0) fail('No built services under dist/services: run `npm run build` first.');
  for (const { name, main } of SERVICES) {
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, main], { stdio: 'inherit', env: process.env });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(`${name} exited (${signal ?? code}); stopping the suite\n`);
      stopAll(code ?? 1);
    });
  }
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  await waitForGateway(children);
}

void main();
