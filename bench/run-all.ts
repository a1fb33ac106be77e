/**
 * `npm run bench` (after the build): the messaging benchmarks in this process, then the HTTP
 * scenarios — the suite as separate processes against the floor server, load from a third
 * process. Durations from the environment (bench/README.md). Prints figures; asserts nothing.
 */
import { EnvReader } from '@crm/config';
import { type BenchSettings, runHttpBench } from './http.bench';
import { runMessagingBench } from './messaging.bench';

function readSettings(): BenchSettings {
  const env = new EnvReader(process.env);
  const settings = {
    seconds: env.int('BENCH_SECONDS', 5, { min: 1, max: 600 }),
    warmupSeconds: env.int('BENCH_WARMUP_SECONDS', 1, { min: 0, max: 60 }),
    rounds: env.int('BENCH_ROUNDS', 2, { min: 1, max: 20 }),
    archives: env.int('BENCH_ARCHIVES', 100_000, { min: 1, max: 999_999 }),
    complaints: env.int('BENCH_COMPLAINTS', 100_000, { min: 1, max: 999_999 }),
    feedEvents: env.int('BENCH_FEED_EVENTS', 1_000_000, { min: 1, max: 10_000_000 }),
    salesCustomers: env.int('BENCH_SALES_CUSTOMERS', 100_000, { min: 10, max: 999_999 }),
    groups: env
      .string('BENCH_SCENARIOS', 'messaging,write,list,loyalty')
      .split(',')
      .map((group) => group.trim()),
  };
  env.done();
  return settings;
}

async function main(): Promise<void> {
  const started = Date.now();
  const settings = readSettings();
  console.log(`Customer Service Suite benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `BENCH_SECONDS=${settings.seconds} BENCH_ROUNDS=${settings.rounds} BENCH_WARMUP_SECONDS=${settings.warmupSeconds} ` +
      `BENCH_ARCHIVES=${settings.archives} BENCH_COMPLAINTS=${settings.complaints} BENCH_FEED_EVENTS=${settings.feedEvents} ` +
      `BENCH_SALES_CUSTOMERS=${settings.salesCustomers} ` +
      `BENCH_SCENARIOS=${settings.groups.join(',')}\n`,
  );
  if (settings.groups.includes('messaging')) {
    console.log('== messaging (in this process)');
    await runMessagingBench();
  }
  if (!['write', 'list', 'report', 'feed', 'key-customers', 'loyalty'].some((group) => settings.groups.includes(group))) return;
  console.log('\n== HTTP: suite (5 processes) vs floor (1 process), load from a separate process (autocannon)');
  await runHttpBench(settings);
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
