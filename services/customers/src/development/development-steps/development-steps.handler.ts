import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CustomerIdPayload,
  type DevelopmentApplicationPayload,
  DevelopmentOperations as ops,
  type DevelopmentView,
  type ReasonPayload,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { requireText } from '../../archive/customer-content.policy';
import type { Customer } from '../../archive/customer.entity';
import { loadForCommand } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { actorOf } from '../../archive/customer.view';
import { CustomerDevelopment } from '../customer-development.entity';
import { DevelopmentException } from '../development.exception';
import { assertDeveloping, assertMayApply, assertMayApprove, assertMayHalt, assertMayResume } from '../development.policy';
import { toDevelopmentView } from '../development.view';
import { recordDevelopmentHalted } from '../events/development-events.event';

/**
 * DEV-1: the development of a prospect — a sales rep applies, a manager approves; a manager halts
 * it (a credit problem) and resumes it. Each step locks the archive row first, so a submission
 * (CUS-2, which checks the halt) and a halt of the same archive are decided one after the other.
 */
@Injectable()
export class DevelopmentStepsHandler {
  constructor(private readonly outbox: OutboxWriter) {}

  async apply(manager: EntityManager, caller: Caller, input: DevelopmentApplicationPayload, now = new Date()): Promise<DevelopmentView> {
    requireRole(caller, ops.apply);
    const { customer, development } = await this.load(manager, input.id, 'apply for');
    assertMayApply(development);
    const errors = [...requireText('target', input.target, 'DEV-1'), ...requireText('approach', input.approach, 'DEV-1')];
    if (errors.length) throw DevelopmentException.invalid('DEV-1', errors);
    const row = development ?? this.create(manager, customer, now);
    Object.assign(row, {
      status: 'pending',
      target: input.target,
      approach: input.approach,
      expectedAnnualVolume: input.expectedAnnualVolume ?? null,
      appliedBy: actorOf(caller),
    });
    return this.save(manager, row, now);
  }

  async approve(manager: EntityManager, caller: Caller, input: CustomerIdPayload, now = new Date()): Promise<DevelopmentView> {
    requireRole(caller, ops.approve);
    const { development } = await this.load(manager, input.id, 'approve');
    assertMayApprove(development);
    const row = development as CustomerDevelopment;
    row.status = 'approved';
    row.approvedBy = actorOf(caller);
    row.approvedAt = now;
    return this.save(manager, row, now);
  }

  async halt(manager: EntityManager, caller: Caller, input: ReasonPayload, now = new Date()): Promise<DevelopmentView> {
    requireRole(caller, ops.halt);
    const { customer, development } = await this.load(manager, input.id, 'halt');
    assertMayHalt(development);
    const errors = requireText('reason', input.reason, 'DEV-1');
    if (errors.length) throw DevelopmentException.invalid('DEV-1', errors);
    // DEV-1: a halt needs no application (a credit problem may come first); it blocks submission either way.
    const row = development ?? this.create(manager, customer, now);
    row.halted = true;
    row.haltReason = input.reason;
    row.haltHistory = [...row.haltHistory, { action: 'halted', reason: input.reason, by: actorOf(caller), at: now.toISOString() }];
    const view = await this.save(manager, row, now);
    await recordDevelopmentHalted(this.outbox, manager, customer, row, now);
    return view;
  }

  async resume(manager: EntityManager, caller: Caller, input: CustomerIdPayload, now = new Date()): Promise<DevelopmentView> {
    requireRole(caller, ops.resume);
    const { development } = await this.load(manager, input.id, 'resume');
    assertMayResume(development);
    const row = development as CustomerDevelopment;
    row.halted = false;
    row.haltReason = null;
    row.haltHistory = [...row.haltHistory, { action: 'resumed', reason: null, by: actorOf(caller), at: now.toISOString() }];
    return this.save(manager, row, now);
  }

  private async load(
    manager: EntityManager,
    id: string,
    action: string,
  ): Promise<{ customer: Customer; development: CustomerDevelopment | null }> {
    const customer = await loadForCommand(manager, id);
    assertDeveloping(customer.status, action);
    const development = await manager.findOne(CustomerDevelopment, { where: { customerId: customer.id } });
    return { customer, development };
  }

  private create(manager: EntityManager, customer: Customer, now: Date): CustomerDevelopment {
    return manager.create(CustomerDevelopment, {
      customerId: customer.id,
      id: randomUUID(),
      status: null,
      target: null,
      approach: null,
      expectedAnnualVolume: null,
      appliedBy: null,
      approvedBy: null,
      approvedAt: null,
      halted: false,
      haltReason: null,
      haltHistory: [],
      createdAt: now,
      version: 0,
    });
  }

  private async save(manager: EntityManager, row: CustomerDevelopment, now: Date): Promise<DevelopmentView> {
    row.updatedAt = now;
    row.version += 1;
    await manager.save(row);
    return toDevelopmentView(row);
  }
}
