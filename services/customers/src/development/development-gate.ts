import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerDevelopment } from './customer-development.entity';
import { assertSubmittable } from './development.policy';

/**
 * DEV-1 seen from the archive: CUS-2 submission asks here, in its own transaction and after it
 * has locked the archive row (halt and resume lock it too), whether the prospect is halted.
 */
@Injectable()
export class DevelopmentGate {
  async assertSubmittable(manager: EntityManager, customerId: string): Promise<void> {
    const development = await manager.findOne(CustomerDevelopment, { where: { customerId } });
    assertSubmittable(development);
  }
}
