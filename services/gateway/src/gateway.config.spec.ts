import { ConfigError } from '@crm/config';
import { DEV_ADMIN_KEY, loadGatewayConfig } from './gateway.config';

describe('loadGatewayConfig (OPS-2)', () => {
  it('has local defaults', () => {
    expect(loadGatewayConfig({})).toMatchObject({
      port: 3000,
      adminKey: DEV_ADMIN_KEY,
      databaseName: 'gateway',
      rpcTimeoutMs: 4500,
      bodyLimitBytes: 1_048_576,
      defaultRateLimit: 100,
      idempotencyTtlHours: 168,
      logLevel: 'info',
    });
  });

  it('requires GATEWAY_ADMIN_KEY in production, and refuses the local default there', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/GATEWAY_ADMIN_KEY/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_ADMIN_KEY: DEV_ADMIN_KEY })).toThrow(/GATEWAY_ADMIN_KEY/);
    expect(loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_ADMIN_KEY: 'a-long-enough-production-secret' }).adminKey).toBe(
      'a-long-enough-production-secret',
    );
  });

  it('names every bad variable', () => {
    try {
      loadGatewayConfig({ GATEWAY_PORT: 'eighty', RPC_TIMEOUT_MS: '-1', AMQP_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/GATEWAY_PORT/);
      expect((error as Error).message).toMatch(/RPC_TIMEOUT_MS/);
      expect((error as Error).message).toMatch(/AMQP_URL/);
    }
  });
});
