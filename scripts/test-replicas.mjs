// `npm run test:replicas` (issue 11, replicas): the acceptance walks with two instances of every
// domain service and two gateways behind a round-robin balancer (SUITE_REPLICAS=2, read by
// e2e/support/suite.ts), so consecutive steps of a walk land on different replicas. Extra
// arguments go to Jest; a `--testPathPatterns` of their own replaces the list of walks
// (e.g. `npm run test:replicas -- --testPathPatterns loyalty-walk`).
import { spawnSync } from 'node:child_process';

const walks = [
  'complaint-lifecycle',
  'finance-booking',
  'loyalty-walk',
  'service-request-desk',
  'customer-development',
  'customer-lifecycle',
  'customer-registered-event',
  'loyalty-personal-data',
  'loyalty-retry-storm',
  'openapi-conformance',
];
// Not gateway-security: it pins one gateway's own limits — the per-key rate and the per-address
// key-guessing throttle, which are per replica by decision (docs/decisions.md "Replicas"), and a
// 413 that a balancer buffering bodies would answer itself.

const extra = process.argv.slice(2);
const chosen = extra.some((arg) => arg.startsWith('--testPathPatterns'))
  ? []
  : ['--testPathPatterns', `e2e/(${walks.join('|')})\\.e2e-spec\\.ts$`];
const args = ['jest', '--selectProjects', 'e2e', '--runInBand', '--testTimeout=120000', ...chosen, ...extra];
const started = Date.now();
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, SUITE_REPLICAS: '2' } });
process.stdout.write(
  `\ntest:replicas (two replicas of everything) ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
);
process.exit(result.status ?? 1);
