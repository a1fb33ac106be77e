import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** Typed, validated configuration of the loyalty service (OPS-2); fails fast naming the variable. */
export type LoyaltyConfig = BaseServiceConfig;

export function loadLoyaltyConfig(env: NodeJS.ProcessEnv = process.env): LoyaltyConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'loyalty', { httpPort: 3104 });
  reader.done();
  return config;
}
