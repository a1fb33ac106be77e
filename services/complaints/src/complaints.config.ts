import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** Typed, validated configuration of the complaints service (OPS-2); fails fast naming the variable. */
export type ComplaintsConfig = BaseServiceConfig;

export function loadComplaintsConfig(env: NodeJS.ProcessEnv = process.env): ComplaintsConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'complaints', { httpPort: 3102 });
  reader.done();
  return config;
}
