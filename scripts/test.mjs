// `npm test`: static checks, then the Jest projects in an order that keeps them apart —
// unit (parallel), integration and e2e (in band, real PostgreSQL + RabbitMQ), and last the chaos
// suite that stops and restarts the servers (alone, in band). Stops at the first red step.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['npx', 'eslint', '.']],
  ['format', ['npx', 'prettier', '--check', '.']],
  ['unit', ['npx', 'jest', '--selectProjects', 'unit', '--ci']],
  ['integration', ['npx', 'jest', '--selectProjects', 'integration', '--runInBand', '--ci', '--testTimeout=60000']],
  ['e2e', ['npx', 'jest', '--selectProjects', 'e2e', '--runInBand', '--ci', '--testTimeout=60000']],
  ['chaos', ['npx', 'jest', '--selectProjects', 'chaos', '--runInBand', '--ci', '--testTimeout=120000']],
];

const only = process.argv.slice(2);
const started = Date.now();
if (process.env.CI) spawnSync(process.execPath, ['scripts/clean-test-artifacts.mjs'], { stdio: 'inherit' });
for (const [name, [command, ...args]] of steps) {
  if (only.length && !only.includes(name)) continue;
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n=== ${name} FAILED after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${name} passed in ${seconds}s\n`);
}
process.stdout.write(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
