/** The four domain services; each owns one RPC command queue and one event queue. */
export const DOMAIN_SERVICES = ['customers', 'complaints', 'returns', 'loyalty'] as const;
export type DomainService = (typeof DOMAIN_SERVICES)[number];

/** Every domain service answers this pattern; the gateway's readiness probe uses it. */
export const PING_PATTERN = 'system.ping';

export interface PingReply {
  service: string;
  database: 'up';
  at: string;
}
