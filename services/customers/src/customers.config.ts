import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** Typed, validated configuration of the customers service (OPS-2); fails fast naming the variable. */
export type CustomersConfig = BaseServiceConfig;

export function loadCustomersConfig(env: NodeJS.ProcessEnv = process.env): CustomersConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'customers', { httpPort: 3101 });
  reader.done();
  return config;
}
