import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, serviceQuery } from '../operations';
import { CUSTOMER_STATUSES, CustomerIdPayload, type CustomerStatus } from './customer-inputs';

/** CUS-2/CUS-6: an archive's status, summary-level, as every staff role may see it. */
export class CustomerStatusAnswer {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CUSTOMER_STATUSES }) status: CustomerStatus;
}

/**
 * Queries other services ask the customers service (RPC only). `status` lets a service check
 * CUS-2 ("only active customers get orders, complaints, returns") without reading the archive:
 * summary level (CUS-6), so no clearance is needed and nothing goes into the borrowing register.
 */
export const CustomerQueries = {
  status: serviceQuery<CustomerIdPayload, CustomerStatusAnswer>({
    service: 'customers',
    pattern: 'customers.status',
    summary: 'The status of an archive (destroyed ones included), for CUS-2 checks by other services',
    roles: STAFF_ROLES,
    rules: ['CUS-2', 'CUS-6'],
    payload: CustomerIdPayload,
    result: [CustomerStatusAnswer],
  }),
};
