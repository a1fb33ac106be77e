import type { Caller, RegisterComplaintBody } from '@crm/contracts';

/** CUS-2 applies to complaints tied to an order (a product case with an order number) of a known customer. */
export function customerToCheck(input: Pick<RegisterComplaintBody, 'customerId' | 'product'>): string | null {
  return input.product && input.customerId ? input.customerId : null;
}

/** Who the complaints service is when it asks the customers service for a status (CUS-2 fallback). */
export const COMPLAINTS_SERVICE_CALLER: Caller = {
  keyId: '00000000-0000-4000-8000-0000000c0301',
  name: 'complaints-service (CUS-2 check)',
  roles: ['service'],
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
};
