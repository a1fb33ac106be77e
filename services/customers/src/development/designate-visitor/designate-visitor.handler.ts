import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type DesignateVisitorPayload, DevelopmentOperations as ops, type VisitProgramme } from '@crm/contracts';
import { requireText } from '../../archive/customer-content.policy';
import { loadForCommand } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { actorOf } from '../../archive/customer.view';
import { DevelopmentException } from '../development.exception';
import { assertNotOwnerRep } from '../development.policy';
import { toVisitProgramme } from '../development.view';
import { VisitScheduler } from '../visit-scheduler';

/** DEV-2: a manager designates the visitor of an active archive — never its owner sales rep. */
@Injectable()
export class DesignateVisitorHandler {
  constructor(private readonly scheduler: VisitScheduler) {}

  async execute(manager: EntityManager, caller: Caller, input: DesignateVisitorPayload, now = new Date()): Promise<VisitProgramme> {
    requireRole(caller, ops.designateVisitor);
    const customer = await loadForCommand(manager, input.id);
    if (customer.status !== 'active') {
      throw DevelopmentException.wrongStep('DEV-2', `only active archives have a visit programme (status ${customer.status})`);
    }
    const errors = requireText('visitor', input.visitor, 'DEV-2');
    if (errors.length) throw DevelopmentException.invalid('DEV-2', errors);
    assertNotOwnerRep(input.visitor, customer.content?.ownerRep);

    const programme = await this.scheduler.programmeOf(manager, customer, now);
    programme.visitor = input.visitor.trim();
    programme.designatedBy = actorOf(caller);
    programme.designatedAt = programme.designatedAt ?? now;
    this.scheduler.reschedule(customer, programme, now);
    await manager.save(programme);
    return toVisitProgramme(customer, programme, now);
  }
}
