// `npm run dlq -- <command>`: dead letters of the suite's services (docs/messaging.md "Dead letters").
//   list                               depth of every <service>.dlq and <service>.commands.dlq
//   show <queue> [limit]               the letters of a queue (id, type, reason, source, preview); they stay
//   replay <queue> --all | <id> [...]  sends letters back to the queue they died in, after a fix
// AMQP_URL as for the services (default amqp://guest:guest@127.0.0.1:5672).
import { DOMAIN_SERVICES } from '@crm/contracts';
import { DeadLetterDesk } from '@crm/messaging';

const USAGE = 'usage: npm run dlq -- list | show <queue> [limit] | replay <queue> (--all | <message-id> ...)';

async function main(argv: string[]): Promise<number> {
  const desk = new DeadLetterDesk(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  const [command, queue, ...rest] = argv;
  if (command === 'list') {
    for (const { queue: name, messages } of await desk.depths(DOMAIN_SERVICES)) {
      console.log(`${messages === null ? 'absent'.padStart(8) : String(messages).padStart(8)}  ${name}`);
    }
    return 0;
  }
  if (command === 'show' && queue) {
    const letters = await desk.inspect(queue, rest[0] ? Number(rest[0]) : 20);
    for (const letter of letters) console.log(JSON.stringify(letter));
    console.log(`${letters.length} letter(s) shown; they stay in ${queue}`);
    return 0;
  }
  if (command === 'replay' && queue && rest.length) {
    const outcome = await desk.replay(queue, rest.includes('--all') ? 'all' : { messageIds: rest });
    for (const letter of outcome.replayed) console.log(`replayed ${letter.messageId ?? '(no id)'} → ${letter.source}`);
    console.log(`${outcome.replayed.length} replayed, ${outcome.kept} kept in ${queue}`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
