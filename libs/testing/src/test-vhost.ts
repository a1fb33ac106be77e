import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testEnv, uniqueSuffix } from './test-env';

const run = promisify(execFile);

export interface TestVhost {
  name: string;
  /** AMQP URL of the vhost, with the credentials of `AMQP_URL`. */
  url: string;
  delete(): Promise<void>;
}

/**
 * A RabbitMQ virtual host of its own for one test file: the real exchange and queue names
 * (`crm.events`, `customers.commands`, …) without touching a running suite or another test.
 */
export async function createTestVhost(purpose: string): Promise<TestVhost> {
  const name = `test_${purpose}_${uniqueSuffix()}`;
  const base = new URL(testEnv.amqpUrl);
  const user = decodeURIComponent(base.username || 'guest');
  await run('rabbitmqctl', ['add_vhost', name], { timeout: 30_000 });
  await run('rabbitmqctl', ['set_permissions', '-p', name, user, '.*', '.*', '.*'], { timeout: 30_000 });
  base.pathname = `/${encodeURIComponent(name)}`;
  return {
    name,
    url: base.toString(),
    delete: async () => {
      await run('rabbitmqctl', ['delete_vhost', name], { timeout: 30_000 }).catch(() => undefined);
    },
  };
}
