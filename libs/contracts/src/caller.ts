/** Roles of GW-3; `admin` may call everything. */
export const ROLES = ['admin', 'executive', 'manager', 'archivist', 'sales', 'service', 'warehouse', 'finance', 'pos', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Confidentiality levels of CUS-6, lowest first: the order is the clearance order. */
export const CONFIDENTIALITY_LEVELS = ['confidential', 'secret', 'top_secret'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

export function clearanceCovers(clearance: ConfidentialityLevel, level: ConfidentialityLevel): boolean {
  return CONFIDENTIALITY_LEVELS.indexOf(clearance) >= CONFIDENTIALITY_LEVELS.indexOf(level);
}

/**
 * Who is calling: the authenticated API key as the gateway resolved it. Travels with every
 * RPC request (header `x-caller`) so that domain services can apply role- and clearance-based
 * rules (CUS-6, CMP-8) and record who did what, without trusting the caller's own body.
 */
export interface Caller {
  keyId: string;
  name: string;
  roles: Role[];
  clearance: ConfidentialityLevel;
  storeId: string | null;
  /** Customer archives this key is explicitly designated for (CUS-6 top_secret). */
  designatedCustomerIds: string[];
}

export function hasAnyRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller.roles.includes('admin') || caller.roles.some((role) => roles.includes(role));
}
