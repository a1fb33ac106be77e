import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerDevelopment } from './customer-development.entity';
import { assertNotOwnerRep, assertSubmittable } from './development.policy';
import { VisitProgrammeRecord } from './visit-programme.entity';

/**
 * The development rules the archive context checks in its own commands, in their transaction and
 * after they locked the archive row (the development commands lock it too): DEV-1 for CUS-2
 * submission, DEV-2 for an edit of the owner rep.
 */
@Injectable()
export class DevelopmentGate {
  async assertSubmittable(manager: EntityManager, customerId: string): Promise<void> {
    const development = await manager.findOne(CustomerDevelopment, { where: { customerId } });
    assertSubmittable(development);
  }

  /** DEV-2 seen from an archive edit: the owner rep cannot become the archive's designated visitor. */
  async assertOwnerRepAllowed(manager: EntityManager, customerId: string, ownerRep: string): Promise<void> {
    const programme = await manager.findOne(VisitProgrammeRecord, { where: { customerId } });
    if (programme?.visitor) assertNotOwnerRep(programme.visitor, ownerRep);
  }
}
