// `npm run test:faults [-- --runs N]` (issue 11): the fault suite — the whole suite as processes,
// servers stopped and processes killed under a recorded client stream, each scenario judged by the
// lost / duplicated / unexpected checker (e2e/faults/) — run N times in a row (default 1), then a
// table per scenario and run from the verdicts in tmp/faults/. Stops PostgreSQL and RabbitMQ for a
// while: never run it next to other tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const runsArg = args.find((arg) => arg.startsWith('--runs'));
const runs = runsArg ? Number(runsArg.split('=')[1] ?? args[args.indexOf(runsArg) + 1]) : 1;
const jestArgs = args.filter((arg, index) => arg !== runsArg && !(runsArg === '--runs' && index === args.indexOf(runsArg) + 1));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

rmSync('tmp/faults', { recursive: true, force: true });
mkdirSync('tmp/faults', { recursive: true });
const started = Date.now();
let status = 0;
for (let run = 1; run <= runs && status === 0; run++) {
  process.stdout.write(`\n=== fault suite, run ${run} of ${runs}\n`);
  const result = spawnSync('npx', ['jest', '--selectProjects', 'faults', '--runInBand', '--ci', '--testTimeout=300000', ...jestArgs], {
    stdio: 'inherit',
    env: { ...process.env, FAULT_RUN: String(run), FORCE_COLOR: '0' },
  });
  status = result.status ?? 1;
}

const verdicts = readdirSync('tmp/faults')
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(`tmp/faults/${name}`, 'utf8')))
  .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.run - b.run);
process.stdout.write(
  '\nscenario                  run  issued  acked  failed  unknown  effects  lost  dup  unexp  events(committed/received)  leftovers\n',
);
for (const verdict of verdicts) {
  const kinds = Object.values(verdict.kinds);
  const sum = (field) => kinds.reduce((total, kind) => total + (Array.isArray(kind[field]) ? kind[field].length : kind[field]), 0);
  process.stdout.write(
    `${verdict.scenario.padEnd(26)}${String(verdict.run).padStart(3)}${String(sum('issued')).padStart(8)}${String(sum('acknowledged')).padStart(7)}` +
      `${String(sum('failed')).padStart(8)}${String(sum('unknown')).padStart(9)}${String(sum('effects')).padStart(9)}${String(sum('lost')).padStart(6)}` +
      `${String(sum('duplicated')).padStart(5)}${String(sum('unexpected')).padStart(7)}` +
      `${`${verdict.events.committed}/${verdict.events.received}`.padStart(28)}${String(verdict.leftovers.length).padStart(11)}\n`,
  );
}
process.stdout.write(
  `\nfault suite ${status === 0 ? 'passed' : 'FAILED'} (${runs} run(s)) in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
);
process.exit(status);
