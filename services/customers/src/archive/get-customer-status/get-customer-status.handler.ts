import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerIdPayload, CustomerQueries, type CustomerStatusAnswer } from '@crm/contracts';
import { Customer } from '../customer.entity';
import { CustomerException } from '../customer.exception';
import { requireRole } from '../customer.policy';

/**
 * CUS-2 for other services: is this customer active? Summary level (CUS-6: every staff role sees
 * summaries), so no clearance and no borrowing-register entry (CUS-7 is about the full archive).
 * A destroyed archive answers `destroyed`, an unknown id 404.
 */
@Injectable()
export class GetCustomerStatusHandler {
  async execute(manager: EntityManager, caller: Caller, input: CustomerIdPayload): Promise<CustomerStatusAnswer> {
    requireRole(caller, CustomerQueries.status);
    const customer = await manager.findOne(Customer, { where: { id: input.id }, select: { id: true, status: true } });
    if (!customer) throw CustomerException.notFound(input.id);
    return { id: customer.id, status: customer.status };
  }
}
