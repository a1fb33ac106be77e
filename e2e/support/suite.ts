import { EnvReader, readBaseConfig } from '@crm/config';
import { DOMAIN_SERVICES, type DomainService } from '@crm/contracts';
import { GatewayHarness } from '../../services/gateway/test/support/gateway-harness';
import { startCustomersService } from '../../services/customers/src/customers.service';
import { startComplaintsService } from '../../services/complaints/src/complaints.service';
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

/**
 * The whole suite in this process: the chosen domain services, each on a test database of its
 * own, and the gateway in front of them, all on one RabbitMQ vhost of their own — the real
 * servers, isolated per test file.
 */
export function startSuite(purpose: string, services: readonly DomainServiceName[] = DOMAIN_SERVICES): Promise<GatewayHarness> {
  return GatewayHarness.start(purpose, {
    boot: async (harness) => {
      for (const service of services) {
        const running = await STARTERS[service]({
          ...readBaseConfig(new EnvReader({}), service, { httpPort: 0 }),
          databaseName: await harness.database(`${purpose}_${service}`),
          amqpUrl: harness.vhost.url,
          logLevel: 'warn',
          outboxPollMs: 50,
        });
        harness.onClose(() => running.close());
      }
    },
  });
}
