import { type BaseServiceConfig, EnvReader, readBaseConfig } from '@crm/config';

/** What the returns domain is configured with (RET-3). */
export interface ReturnsSettings {
  /**
   * RET-3 = the CMP-8 threshold: a manager approves return orders and credit notes worth up to this
   * many fen, an executive above. Read from the same variable as complaints, so the suite has one.
   */
  managerApprovalLimitFen: number;
}

export const DEFAULT_RETURNS_SETTINGS: ReturnsSettings = { managerApprovalLimitFen: 500_000 };

/** Typed, validated configuration of the returns service (OPS-2); fails fast naming the variable. */
export type ReturnsConfig = BaseServiceConfig & { returns: ReturnsSettings };

export function loadReturnsConfig(env: NodeJS.ProcessEnv = process.env): ReturnsConfig {
  const reader = new EnvReader(env);
  const config = readBaseConfig(reader, 'returns', { httpPort: 3103 });
  const returns: ReturnsSettings = {
    managerApprovalLimitFen: reader.int('COMPLAINT_MANAGER_APPROVAL_LIMIT_FEN', DEFAULT_RETURNS_SETTINGS.managerApprovalLimitFen, {
      min: 0,
      max: 1_000_000_000_000,
    }),
  };
  reader.done();
  return { ...config, returns };
}
