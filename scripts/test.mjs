// `npm test`: static checks, then the Jest projects in an order that keeps them apart —
// unit (parallel), integration and e2e (in band, real PostgreSQL + RabbitMQ), and last the chaos
// suite that stops and restarts the servers (alone, in band). Stops at the first red step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

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
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('tmp', { recursive: true });
const started = Date.now();
if (process.env.CI) spawnSync(process.execPath, ['scripts/clean-test-artifacts.mjs'], { stdio: 'inherit' });
for (const [name, [command, ...args]] of steps) {
  if (only.length && !only.includes(name)) continue;
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const report = `tmp/jest-${name}.json`;
  const isJest = args[0] === 'jest';
  const fullArgs = isJest ? [...args, '--json', `--outputFile=${report}`] : args;
  rmSync(report, { force: true });
  const result = spawnSync(command, fullArgs, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (isJest) {
    try {
      const counts = JSON.parse(readFileSync(report, 'utf8'));
      totals.passed += counts.numPassedTests;
      totals.failed += counts.numFailedTests;
      totals.skipped += counts.numPendingTests + counts.numTodoTests;
    } catch {
      /* Jest crashed before writing its report: the exit status below says so */
    }
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n=== ${name} FAILED after ${seconds}s\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${name} passed in ${seconds}s\n`);
}
process.stdout.write(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
