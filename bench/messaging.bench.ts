/**
 * Messaging benchmarks: RPC round trips through RabbitMQ to a real domain service, and outbox
 * relay throughput (write → publish with confirms → marked published). Runs against the local
 * PostgreSQL and RabbitMQ in a throw-away database and vhost. Prints figures; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { AmqpConnection, OutboxRelay, OutboxWriter, RpcClient, MessagingTables1763900000000 } from '@crm/messaging';
import { createLogger } from '@crm/observability';
import { createDataSource, runMigrations } from '@crm/persistence';
import { createTestDatabase, createTestVhost, testEnv, EventProbe } from '@crm/testing';
import { bootstrapDomainService } from '@crm/service-kit';
import { readBaseConfig, EnvReader } from '@crm/config';
import { type DynamicModule, Module } from '@nestjs/common';

@Module({})
class EmptyModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: EmptyModule, imports: [core] };
  }
}

/** Sequential pings; the concurrent run sends five times as many (kept short: `npm run bench` stays under 5 minutes). */
const PINGS = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export async function runMessagingBench(): Promise<void> {
  const logger = createLogger('bench', 'warn');
  const database = await createTestDatabase('bench');
  const vhost = await createTestVhost('bench');
  const config = {
    ...readBaseConfig(new EnvReader({}), 'benchsvc', { httpPort: 0 }),
    databaseName: database.name,
    amqpUrl: vhost.url,
    logLevel: 'warn',
  };
  const service = await bootstrapDomainService(config, { module: (core) => EmptyModule.with(core), entities: [], migrations: [] });
  const connection = new AmqpConnection({ url: vhost.url, connectionName: 'bench-client', logger });
  await connection.connect();
  const rpc = new RpcClient(connection, logger);
  await rpc.start();
  try {
    // --- RPC latency, sequential ---
    const sequential: number[] = [];
    for (let i = 0; i < 200; i++) await rpc.send('benchsvc', 'system.ping', {}, { correlationId: 'warmup' });
    for (let i = 0; i < PINGS; i++) {
      const t0 = process.hrtime.bigint();
      await rpc.send('benchsvc', 'system.ping', {}, { correlationId: randomUUID() });
      sequential.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    sequential.sort((a, b) => a - b);
    console.log(
      `rpc ping sequential  n=${PINGS}  p50=${percentile(sequential, 50).toFixed(2)}ms  p95=${percentile(sequential, 95).toFixed(2)}ms  p99=${percentile(sequential, 99).toFixed(2)}ms`,
    );

    // --- RPC throughput, 50 concurrent callers ---
    const total = 5 * PINGS;
    const concurrency = 50;
    let next = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next++;
          await rpc.send('benchsvc', 'system.ping', {}, { correlationId: 'bench' });
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    console.log(`rpc ping concurrent  n=${total} c=${concurrency}  ${(total / seconds).toFixed(0)} req/s`);

    // --- Outbox relay throughput ---
    const dataSource = createDataSource({
      serverUrl: testEnv.databaseUrl,
      database: database.name,
      entities: [],
      migrations: [MessagingTables1763900000000],
      applicationName: 'bench',
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await service.relay.stop();
    const writer = new OutboxWriter('bench');
    const probe = await EventProbe.bind('bench.#', vhost.url);
    const events = 5000;
    const tWrite = Date.now();
    for (let batch = 0; batch < events / 50; batch++) {
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < 50; i++) await writer.record(manager, { type: 'bench.thing.happened', aggregateId: `agg-${i}`, data: { i } });
      });
    }
    const writeSeconds = (Date.now() - tWrite) / 1000;
    const relay = new OutboxRelay({ dataSource, connection, writer, logger, service: 'benchsvc', pollMs: 50, batchSize: 500 });
    const tRelay = Date.now();
    relay.start();
    await probe.waitFor((messages) => messages.length >= events, 60_000);
    const relaySeconds = (Date.now() - tRelay) / 1000;
    await relay.stop();
    console.log(`outbox write         n=${events}  ${(events / writeSeconds).toFixed(0)} events/s (50 per transaction)`);
    console.log(`outbox relay         n=${events}  ${(events / relaySeconds).toFixed(0)} events/s published with confirms and received`);
    const memory = process.memoryUsage();
    console.log(
      `memory               rss=${mib(memory.rss)}MiB heapUsed=${mib(memory.heapUsed)}MiB (bench process incl. one in-process service)`,
    );
    await probe.close();
    await dataSource.destroy();
  } finally {
    await rpc.close();
    await connection.close();
    await service.close();
    await vhost.delete();
    await database.drop();
  }
}
