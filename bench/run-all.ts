/** `npm run bench`: runs every benchmark in turn and prints its figures. */
import { runGatewayBench } from './gateway.bench';
import { runMessagingBench } from './messaging.bench';

async function main(): Promise<void> {
  console.log(`Customer Service Suite benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  console.log('== messaging');
  await runMessagingBench();
  console.log('\n== gateway (HTTP end to end)');
  await runGatewayBench();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
