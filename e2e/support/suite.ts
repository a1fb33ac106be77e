import { EnvReader, readBaseConfig } from '@crm/config';
import { GatewayHarness } from '../../services/gateway/test/support/gateway-harness';
import { startCustomersService } from '../../services/customers/src/customers.service';
import { startComplaintsService } from '../../services/complaints/src/complaints.service';
import { startReturnsService } from '../../services/returns/src/returns.service';
import { startLoyaltyService } from '../../services/loyalty/src/loyalty.service';

export { GatewayHarness as Suite, type TestKey as ApiKey } from '../../services/gateway/test/support/gateway-harness';

const STARTERS = {
  customers: startCustomersService,
  complaints: startComplaintsService,
  returns: startReturnsService,
  loyalty: startLoyaltyService,
} as const;
export type DomainServiceName = keyof typeof STARTERS;

/**
 * The whole suite in this process: the chosen domain services, each on a test database of its
 * own, and the gateway in front of them, all on one RabbitMQ vhost of their own — the real
 * servers, isolated per test file.
 */
export function startSuite(
  purpose: string,
  services: DomainServiceName[] = ['customers', 'complaints', 'returns', 'loyalty'],
): Promise<GatewayHarness> {
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
