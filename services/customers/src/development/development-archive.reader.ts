import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ArchiveDevelopmentFields } from '../archive/customer.view';
import { CreditInvestigationRecord } from './credit-investigation.entity';
import { toCreditInvestigation } from './development.view';
import { VisitProgrammeRecord } from './visit-programme.entity';

/** DEV-1/DEV-2 on the full archive: its visit programme and credit investigations (read under CUS-6/CUS-7). */
@Injectable()
export class DevelopmentArchiveReader {
  async read(manager: EntityManager, customerId: string): Promise<ArchiveDevelopmentFields> {
    const programme = await manager.findOne(VisitProgrammeRecord, { where: { customerId } });
    const investigations = await manager.find(CreditInvestigationRecord, { where: { customerId }, order: { seq: 'ASC' } });
    return {
      visitor: programme?.visitor ?? null,
      lastVisitedAt: programme?.lastVisitedAt?.toISOString() ?? null,
      nextVisitDueAt: programme?.nextVisitDueAt.toISOString() ?? null,
      creditInvestigations: investigations.map(toCreditInvestigation),
    };
  }
}
