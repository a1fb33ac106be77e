import { ROLES } from './caller';
import { ComplaintOperations } from './complaints/complaint-operations';
import { CustomerOperations } from './customers/customer-operations';
import { ReturnOperations } from './returns/return-operations';
import { DevelopmentOperations } from './customers/development-operations';
import { LoyaltyOperations } from './loyalty/loyalty-operations';
import { type OperationTable, openApiPath } from './operations';
import { ServiceRequestOperations } from './service-requests/service-request-operations';

/** Every domain's operation table, in the order docs/roles.md lists them. */
export const OPERATION_TABLES: Record<string, OperationTable> = {
  customers: CustomerOperations,
  complaints: ComplaintOperations,
  returns: ReturnOperations,
  'service requests': ServiceRequestOperations,
  'customer development': DevelopmentOperations,
  loyalty: LoyaltyOperations,
};

/**
 * docs/roles.md, generated from the operation tables (GW-3): one row per route, one column per
 * role. A unit test fails when the checked-in file differs; `npm run docs:roles` rewrites it.
 */
export function renderRolesDoc(): string {
  const lines = [
    '# Who may call what (GW-3)',
    '',
    '<!-- Generated from the operation tables in libs/contracts by `npm run docs:roles`; do not edit. -->',
    '',
    '`✓` admitted · `·` refused with 403 · `✓ˢ` the gateway lets the key through and the service refuses it',
    'itself, recording the attempt (CUS-7). `admin` may call everything. Gateway-own routes: `/events` (finance: the event feed, RET-7), `/api-keys` (admin',
    'only), `/health/*` and `/metrics` (no key).',
    '',
  ];
  for (const [domain, table] of Object.entries(OPERATION_TABLES)) {
    lines.push(`## ${domain}`, '', `| route | rules | ${ROLES.join(' | ')} |`, `| --- | --- | ${ROLES.map(() => '---').join(' | ')} |`);
    for (const operation of Object.values(table)) {
      const cells = ROLES.map((role) => {
        if (role === 'admin' || operation.roles.includes(role)) return '✓';
        return operation.refusedByService ? '✓ˢ' : '·';
      });
      const route = `${operation.http.method} ${openApiPath(operation.http.path)}`;
      lines.push(`| \`${route}\` | ${operation.rules.join(', ')} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
