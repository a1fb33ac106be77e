import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** Typed, validated configuration of the returns service (OPS-2); fails fast naming the variable. */
export type ReturnsConfig = BaseServiceConfig;

export function loadReturnsConfig(env: NodeJS.ProcessEnv = process.env): ReturnsConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'returns', { httpPort: 3103 });
  reader.done();
  return config;
}
