import type { Caller } from '@crm/contracts';

/** Who the returns service is when it asks the customers service for a status (CUS-2 fallback). */
export const RETURNS_SERVICE_CALLER: Caller = {
  keyId: '00000000-0000-4000-8000-0000000c0401',
  name: 'returns-service (CUS-2 check)',
  roles: ['sales'],
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
};
