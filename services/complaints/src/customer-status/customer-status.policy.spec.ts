import { ErrorKind } from '@crm/errors';
import { assertActiveCustomer, customerToCheck } from './customer-status.policy';

const refusedCus2 = expect.objectContaining({ kind: ErrorKind.RuleViolation, rule: 'CUS-2' });
const product = { orderNo: 'SO-1', sku: 'S', quantity: 1, defectiveQuantity: 1 };

/** CUS-2: a complaint tied to an order needs an active customer — read model first, RPC fallback. */
describe('CUS-2 customer status for complaints', () => {
  it('checks only complaints tied to an order of a known customer', () => {
    expect(customerToCheck({ customerId: 'c', product })).toBe('c');
    expect(customerToCheck({ customerId: 'c' })).toBeNull();
    expect(customerToCheck({ product })).toBeNull();
  });

  it('trusts the read model when it says active, without asking the customers service', async () => {
    const fetch = jest.fn();
    await expect(assertActiveCustomer('c', 'active', fetch)).resolves.toBe('model');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the customers service when the model does not know or says not active', async () => {
    await expect(assertActiveCustomer('c', null, async () => ({ status: 'active' }))).resolves.toBe('customers-service');
    await expect(assertActiveCustomer('c', 'pending_approval', async () => ({ status: 'active' }))).resolves.toBe('customers-service');
  });

  it('refuses a customer that is not active or does not exist, naming CUS-2', async () => {
    await expect(assertActiveCustomer('c', 'prospect', async () => ({ status: 'prospect' }))).rejects.toThrow(refusedCus2);
    await expect(assertActiveCustomer('c', null, async () => ({ missing: true }))).rejects.toThrow(refusedCus2);
  });
});
