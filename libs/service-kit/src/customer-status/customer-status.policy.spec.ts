import { ErrorKind } from '@crm/errors';
import { assertActiveCustomer } from './customer-status.policy';

const refusedCus2 = expect.objectContaining({ kind: ErrorKind.RuleViolation, rule: 'CUS-2' });
const PURPOSE = 'complaints tied to orders';

/** CUS-2: only active customers are served — read model first, RPC fallback. */
describe('CUS-2 customer status gate', () => {
  it('trusts the read model when it says active, without asking the customers service', async () => {
    const fetch = jest.fn();
    await expect(assertActiveCustomer('c', 'active', fetch, PURPOSE)).resolves.toBe('model');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the customers service when the model does not know or says not active', async () => {
    await expect(assertActiveCustomer('c', null, async () => ({ status: 'active' }), PURPOSE)).resolves.toBe('customers-service');
    await expect(assertActiveCustomer('c', 'pending_approval', async () => ({ status: 'active' }), PURPOSE)).resolves.toBe(
      'customers-service',
    );
  });

  it('refuses a customer that is not active or does not exist, naming CUS-2 and the purpose', async () => {
    await expect(assertActiveCustomer('c', 'prospect', async () => ({ status: 'prospect' }), PURPOSE)).rejects.toThrow(refusedCus2);
    await expect(assertActiveCustomer('c', null, async () => ({ missing: true }), PURPOSE)).rejects.toThrow(
      'CUS-2: customer c does not exist; complaints tied to orders need an active customer',
    );
  });
});
