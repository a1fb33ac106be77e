import { Client } from 'pg';
import { EnvReader, readBaseConfig } from '@crm/config';
import { databaseUrl } from '@crm/persistence';
import { testEnv } from '@crm/testing';
import { DOMAIN_SERVICES, type DomainService } from '@crm/contracts';
import { GatewayHarness } from '../../services/gateway/test/support/gateway-harness';
import { startCustomersService } from '../../services/customers/src/customers.service';
import { startComplaintsService } from '../../services/complaints/src/complaints.service';
import type { ComplaintSettings } from '../../services/complaints/src/complaints.config';
import { startReturnsService } from '../../services/returns/src/returns.service';
import { startLoyaltyService } from '../../services/loyalty/src/loyalty.service';

export { GatewayHarness as Suite, type TestKey as ApiKey } from '../../services/gateway/test/support/gateway-harness';

// Keyed by the runtime list (which scripts/service-list.spec.ts ties to the `service:domain`
// project tags): a domain added there does not compile until its starter is added here.
const STARTERS = {
  customers: startCustomersService,
  complaints: startComplaintsService,
  returns: startReturnsService,
  loyalty: startLoyaltyService,
} as const satisfies Record<DomainService, unknown>;
export type DomainServiceName = DomainService;

/** How many replicas of everything `startSuite` starts unless told: `SUITE_REPLICAS` (`npm run test:replicas` sets 2). */
export function suiteReplicas(): number {
  const raw = process.env.SUITE_REPLICAS ?? '1';
  const replicas = Number(raw);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 4) throw new Error(`SUITE_REPLICAS must be 1..4, got ${raw}`);
  return replicas;
}

export interface SuiteOptions {
  /** Instances of every chosen domain service and of the gateway (default `suiteReplicas()`). */
  replicas?: number;
  /** Complaints settings instead of the SPEC defaults (e.g. a fast SLA scan). */
  complaints?: ComplaintSettings;
}

/**
 * The whole suite in this process: the chosen domain services, each on a test database of its
 * own, and the gateway in front of them, all on one RabbitMQ vhost of their own — the real
 * servers, isolated per test file. With `replicas` > 1 (issue 11) every service runs that many
 * instances on its one database and the vhost, and so does the gateway; `url` and `http()` then
 * reach a round-robin balancer, so consecutive requests land on different gateways.
 */
export function startSuite(
  purpose: string,
  services: readonly DomainServiceName[] = DOMAIN_SERVICES,
  options: SuiteOptions = {},
): Promise<GatewayHarness> {
  const replicas = options.replicas ?? suiteReplicas();
  return GatewayHarness.start(purpose, {
    gateways: replicas,
    boot: async (harness) => {
      for (const service of services) {
        const config = {
          ...readBaseConfig(new EnvReader({}), service, { httpPort: 0 }),
          databaseName: await harness.database(`${purpose}_${service}`),
          amqpUrl: harness.vhost.url,
          logLevel: 'warn',
          outboxPollMs: 50,
          complaints: options.complaints,
        };
        // A service's replicas start together, as a deployment's pods do (migrations take an advisory lock).
        const started = await Promise.allSettled(Array.from({ length: replicas }, () => STARTERS[service](config)));
        for (const result of started) if (result.status === 'fulfilled') harness.onClose(() => result.value.close());
        const failed = started.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      }
    },
  });
}

/**
 * A SQL connection to the database of `service` that a suite started for `purpose` (what the API
 * cannot show or do, e.g. let a card expire, count rows).
 */
export async function serviceSql(purpose: string, service: string): Promise<Client> {
  const admin = new Client({ connectionString: testEnv.databaseUrl });
  await admin.connect();
  let database: string;
  try {
    const rows = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`test_${purpose}_${service}%`])).rows;
    if (rows.length !== 1) throw new Error(`expected one ${service} database for ${purpose}, found ${rows.length}`);
    database = rows[0].datname as string;
  } finally {
    await admin.end();
  }
  const sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database) });
  await sql.connect();
  return sql;
}
