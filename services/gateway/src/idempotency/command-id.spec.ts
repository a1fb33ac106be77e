import { randomUUID } from 'node:crypto';
import { commandIdFor } from './command-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('command ids under an Idempotency-Key (GW-6)', () => {
  const seed = randomUUID();

  it('are UUIDs, the same for a retry under the same record', () => {
    const first = commandIdFor(seed, 'customers', 'customers.register', 1);
    expect(first).toMatch(UUID);
    expect(commandIdFor(seed, 'customers', 'customers.register', 1)).toBe(first);
  });

  it('differ by record, service, pattern and position in the request', () => {
    const ids = new Set([
      commandIdFor(seed, 'customers', 'customers.register', 1),
      commandIdFor(randomUUID(), 'customers', 'customers.register', 1),
      commandIdFor(seed, 'loyalty', 'customers.register', 1),
      commandIdFor(seed, 'customers', 'customers.update', 1),
      commandIdFor(seed, 'customers', 'customers.register', 2),
    ]);
    expect(ids.size).toBe(5);
  });
});
