import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** DEV-2: visit interval in days per grade; `none` for an archive without a grade. */
export interface VisitIntervals {
  A: number;
  B: number;
  C: number;
  D: number;
  none: number;
}

/** The development-and-visits context's settings (SPEC DEV-2). */
export interface DevelopmentSettings {
  visitIntervalDays: VisitIntervals;
}

/** SPEC DEV-2 defaults: A 30 days, B 60, C 90, D 180, no grade 90. */
export const DEFAULT_DEVELOPMENT_SETTINGS: DevelopmentSettings = {
  visitIntervalDays: { A: 30, B: 60, C: 90, D: 180, none: 90 },
};

/** Typed, validated configuration of the customers service (OPS-2); fails fast naming the variable. */
export interface CustomersConfig extends BaseServiceConfig {
  development: DevelopmentSettings;
}

export function loadCustomersConfig(env: NodeJS.ProcessEnv = process.env): CustomersConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'customers', { httpPort: 3101 });
  const defaults = DEFAULT_DEVELOPMENT_SETTINGS.visitIntervalDays;
  const days = (name: string, fallback: number) => reader.int(name, fallback, { min: 1, max: 3660 });
  const development: DevelopmentSettings = {
    visitIntervalDays: {
      A: days('VISIT_INTERVAL_DAYS_A', defaults.A),
      B: days('VISIT_INTERVAL_DAYS_B', defaults.B),
      C: days('VISIT_INTERVAL_DAYS_C', defaults.C),
      D: days('VISIT_INTERVAL_DAYS_D', defaults.D),
      none: days('VISIT_INTERVAL_DAYS_UNGRADED', defaults.none),
    },
  };
  reader.done();
  return { ...config, development };
}
