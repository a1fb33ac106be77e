import type { DataSource } from 'typeorm';
import { PosPurchaseInput } from '@crm/contracts';
import { createLogger } from '@crm/observability';
import type { AmqpConnection } from '../amqp/amqp-connection';
import { AmqpServer } from './amqp.server';

/** What the transport decides before it touches the broker: which patterns are events, and whether its inputs are wired. */
describe('AmqpServer declarations', () => {
  const setups: unknown[] = [];
  const connection = { addSetup: async (setup: unknown) => void setups.push(setup) } as unknown as AmqpConnection;
  const logger = createLogger('amqp-server-spec', 'silent');

  function server(inputs = [PosPurchaseInput]): AmqpServer {
    return new AmqpServer({ service: 'loyalty', connection, dataSource: {} as DataSource, logger, inputs });
  }

  function listen(target: AmqpServer): Promise<unknown> {
    return new Promise((resolve) => void target.listen((error) => resolve(error)));
  }

  beforeEach(() => setups.splice(0));

  it('binds event patterns to crm.events, but not the pattern of a plain input', () => {
    const target = server();
    target.addHandler('customers.customer.registered', async () => undefined, true);
    target.addHandler(PosPurchaseInput.pattern, async () => undefined, true);
    target.addHandler('loyalty.cards.get', async () => undefined, false);
    expect(target.eventPatterns()).toEqual(['customers.customer.registered']);
  });

  it('refuses to start when a declared input has no @EventPattern handler', async () => {
    const target = server([PosPurchaseInput, { ...PosPurchaseInput, name: 'other', pattern: 'loyalty.other' }]);
    target.addHandler(PosPurchaseInput.pattern, async () => undefined, true);
    target.addHandler('loyalty.other', async () => undefined, false);
    expect(String(await listen(target))).toBe('Error: Input "other" names pattern "loyalty.other", but no @EventPattern handler has it');
    expect(setups).toEqual([]);
  });

  it('starts when every input has its handler', async () => {
    const target = server();
    target.addHandler(PosPurchaseInput.pattern, async () => undefined, true);
    expect(await listen(target)).toBeUndefined();
    expect(setups).toHaveLength(1);
  });
});
