import { customerToCheck } from './complaint-customer.policy';

const product = { orderNo: 'SO-1', sku: 'S', quantity: 1, defectiveQuantity: 1 };

/** CUS-2: only a complaint tied to an order of a known customer needs an active customer. */
describe('CUS-2 for complaints', () => {
  it('checks only complaints tied to an order of a known customer', () => {
    expect(customerToCheck({ customerId: 'c', product })).toBe('c');
    expect(customerToCheck({ customerId: 'c' })).toBeNull();
    expect(customerToCheck({ product })).toBeNull();
  });
});
