import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addBusinessMonths } from '@crm/calendar';
import {
  type AcceptComplaintPayload,
  type AssignComplaintPayload,
  type Caller,
  type ComplaintFindingsPayload,
  type ComplaintFollowUpPayload,
  type ComplaintFollowUpResult,
  type ComplaintIdPayload,
  type ComplaintProposalPayload,
  type ComplaintView,
  ComplaintEventType,
  ComplaintOperations as ops,
  type ExtendComplaintPayload,
  type Operation,
  type RejectComplaintPayload,
  type ResolveComplaintPayload,
} from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { assertMayApprove, approvalLevel, proposalValue } from '../complaint-authority.policy';
import { ComplaintDeadlines } from '../complaint-deadlines.policy';
import { Complaint } from '../complaint.entity';
import { ComplaintException } from '../complaint.exception';
import { createComplaint } from '../complaint.factory';
import { penaltyOf } from '../complaint-findings.policy';
import { handOffOf, receivablesNoteOf } from '../complaint-handoff.policy';
import { type ComplaintStep, nextStatus } from '../complaint-lifecycle.policy';
import { loadForCommand, touch } from '../complaint.loader';
import { allocateComplaintNumber } from '../complaint-number.policy';
import { requireRole } from '../complaint.policy';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../complaint-settings';
import { TOP_ESCALATION_LEVEL } from '../complaint-sla.policy';
import { escalationFor } from '../complaint-validity.policy';
import { actorOf, toView } from '../complaint.view';
import { recordComplaintEvent } from '../events/complaint.event';
import { recordRegistration } from '../register-complaint/register-complaint.handler';

/**
 * The workflow steps of one complaint (CMP-3..CMP-12). Every step has the same shape — role check
 * (GW-3), row lock, the transition from the one state machine (CMP-5, `LIFECYCLE`), the step's own
 * pure rules, save with `version` + 1, its event in the outbox of the same transaction — so they
 * share `step()` and live in one class instead of nine near-identical handler files.
 */
@Injectable()
export class ComplaintStepsHandler {
  private readonly deadlines: ComplaintDeadlines;

  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(COMPLAINT_SETTINGS) private readonly settings: ComplaintSettings,
  ) {
    this.deadlines = new ComplaintDeadlines(settings);
  }

  private async step(
    manager: EntityManager,
    caller: Caller,
    operation: Operation,
    id: string,
    step: ComplaintStep,
    now: Date,
    apply: (complaint: Complaint) => void | Promise<void>,
  ): Promise<Complaint> {
    requireRole(caller, operation);
    const complaint = await loadForCommand(manager, id);
    const next = nextStatus(complaint.status, step);
    await apply(complaint);
    complaint.status = next;
    touch(complaint, now);
    await manager.save(complaint);
    return complaint;
  }

  /** CMP-3 valid, CMP-4 severity: `major` escalates to an executive at once. */
  async accept(manager: EntityManager, caller: Caller, input: AcceptComplaintPayload, now = new Date()): Promise<ComplaintView> {
    let escalated = false;
    const complaint = await this.step(manager, caller, ops.accept, input.id, 'accept', now, (c) => {
      c.severity = input.severity ?? c.severity ?? 'general';
      c.acknowledgedAt = now;
      this.deadlines.replanAtAcceptance(c); // CMP-9 per severity
      this.deadlines.applyWarnings(c);
      escalated = !c.escalatedTo && escalationFor(c.severity) !== null;
      c.escalatedTo = c.escalatedTo ?? escalationFor(c.severity);
      if (c.escalatedTo) c.escalationLevel = TOP_ESCALATION_LEVEL;
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Accepted, complaint);
    if (escalated) await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Escalated, complaint, { escalatedTo: 'executive' });
    return toView(complaint, now);
  }

  /** CMP-3 invalid: one of the reasons, ordinary or malicious. */
  async reject(manager: EntityManager, caller: Caller, input: RejectComplaintPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.reject, input.id, 'reject', now, (c) => {
      c.invalidReason = input.reason;
      c.malicious = input.malicious ?? false;
      c.acknowledgedAt ??= now;
      c.receivablesNote = receivablesNoteOf({ status: 'rejected', details: c.details }); // CMP-10
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Rejected, complaint, { malicious: complaint.malicious ?? false });
    return toView(complaint, now);
  }

  /** CMP-5: assigned to a responsible department and person → investigating. */
  async assign(manager: EntityManager, caller: Caller, input: AssignComplaintPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.assign, input.id, 'assign', now, (c) => {
      c.assignment = { department: input.department, assignee: input.assignee, at: now.toISOString(), by: actorOf(caller) };
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Assigned, complaint);
    return toView(complaint, now);
  }

  /** CMP-6 findings, with the CMP-11 penalty. */
  async findings(manager: EntityManager, caller: Caller, input: ComplaintFindingsPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.findings, input.id, 'findings', now, (c) => {
      const penalty = penaltyOf(c.kind, input);
      c.findings = {
        rootCause: input.rootCause,
        ourFault: input.ourFault,
        responsibleDepartment: input.responsibleDepartment,
        responsiblePerson: input.responsiblePerson ?? null,
        correctiveAction: input.correctiveAction ?? null,
        preventiveAction: input.preventiveAction ?? null,
        penalty,
        at: now.toISOString(),
        by: actorOf(caller),
      };
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.FindingsRecorded, complaint);
    return toView(complaint, now);
  }

  /** CMP-7: the proposal follows the findings (CMP-6); its value decides who approves (CMP-8). */
  async propose(manager: EntityManager, caller: Caller, input: ComplaintProposalPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.propose, input.id, 'propose', now, (c) => {
      if (!c.findings) throw ComplaintException.rule('CMP-6', 'record the investigation findings before proposing a resolution');
      if ((input.resolution === 'discount' || input.resolution === 'compensation') && !input.amount) {
        throw ComplaintException.rule('CMP-7', `a ${input.resolution} needs an amount`, [{ field: 'amount', message: 'required' }]);
      }
      if (['return', 'reprocess', 'exchange'].includes(input.resolution) && !input.lines?.length) {
        throw ComplaintException.rule('CMP-7', `a ${input.resolution} needs lines with quantities`, [
          { field: 'lines', message: 'required' },
        ]);
      }
      const value = proposalValue(input);
      c.proposal = {
        resolution: input.resolution,
        amount: input.amount ? { ...input.amount } : null,
        lines: (input.lines ?? []).map((line) => ({ ...line })),
        purchaseRef: input.purchaseRef ? { ...input.purchaseRef } : null,
        note: input.note ?? null,
        value,
        approvalBy: approvalLevel(value, this.settings.managerApprovalLimitFen),
        at: now.toISOString(),
        by: actorOf(caller),
      };
      c.approval = null;
      c.firstProposalAt ??= now;
    });
    const proposal = complaint.proposal!;
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Proposed, complaint, {
      resolution: proposal.resolution,
      value: proposal.value,
    });
    return toView(complaint, now);
  }

  /** CMP-8: manager up to the threshold, executive above, never the proposer; CMP-10 hand-off in the event. */
  async approve(manager: EntityManager, caller: Caller, input: ComplaintIdPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.approve, input.id, 'approve', now, (c) => {
      const authority = assertMayApprove(caller, c.proposal!, this.settings.managerApprovalLimitFen);
      c.approval = { at: now.toISOString(), by: actorOf(caller), authority };
    });
    const proposal = complaint.proposal!;
    const handOff = handOffOf(complaint);
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Approved, complaint, {
      resolution: proposal.resolution,
      value: proposal.value,
      ...(handOff ? { handOff } : {}),
    });
    return toView(complaint, now);
  }

  /** CMP-5: the customer is informed; CMP-9: the follow-up is due 1 working day after. */
  async resolve(manager: EntityManager, caller: Caller, input: ResolveComplaintPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.resolve, input.id, 'resolve', now, (c) => {
      c.resolution = { message: input.message, at: now.toISOString(), by: actorOf(caller) };
      c.resolvedAt = now;
      c.followUpDueAt = this.deadlines.followUpDue(now, c);
      this.deadlines.applyWarnings(c);
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Resolved, complaint);
    return toView(complaint, now);
  }

  /**
   * CMP-12 ratings; CMP-5: satisfied → closed (CMP-14: kept at least a year, major indefinitely);
   * not satisfied → a new complaint linked to this one (`supersedes`), this one `superseded`.
   */
  async followUp(
    manager: EntityManager,
    caller: Caller,
    input: ComplaintFollowUpPayload,
    now = new Date(),
  ): Promise<ComplaintFollowUpResult> {
    let reopened: Complaint | null = null;
    const complaint = await this.step(
      manager,
      caller,
      ops.followUp,
      input.id,
      input.satisfied ? 'followUpSatisfied' : 'followUpUnsatisfied',
      now,
      async (c) => {
        c.followUps = [
          ...c.followUps,
          {
            satisfied: input.satisfied,
            ratings: input.ratings ? { ...input.ratings } : null,
            comment: input.comment ?? null,
            at: now.toISOString(),
            by: actorOf(caller),
          },
        ];
        if (input.satisfied) {
          c.closedAt = now;
          c.retainUntil = c.severity === 'major' ? null : addBusinessMonths(now, 12);
          return;
        }
        const number = await allocateComplaintNumber(manager, now);
        reopened = createComplaint(
          {
            kind: c.kind,
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            customerId: c.customerId,
            occurredAt: null, // the reopened case is about our handling, not a late event (CMP-3)
            details: {
              ...c.details,
              description: input.comment ? `${c.details.description}\n\nFollow-up: ${input.comment}` : c.details.description,
            },
            supersedes: c.id,
          },
          caller,
          now,
          this.deadlines,
          number,
        );
        await manager.insert(Complaint, reopened);
        c.supersededBy = reopened.id;
      },
    );
    if (reopened) {
      const created: Complaint = reopened;
      await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Reopened, complaint, { reopenedAs: created.id });
      await recordRegistration(this.outbox, manager, created);
    } else {
      await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Closed, complaint);
    }
    return { ...toView(complaint, now), reopenedAs: complaint.supersededBy };
  }

  /** CMP-9: once, with a reason; the resolution is then due 7 working days after registration. */
  async extend(manager: EntityManager, caller: Caller, input: ExtendComplaintPayload, now = new Date()): Promise<ComplaintView> {
    const complaint = await this.step(manager, caller, ops.extend, input.id, 'extend', now, (c) => {
      if (c.extension) throw ComplaintException.rule('CMP-9', 'the resolution deadline can be extended only once');
      if (!input.reason.trim())
        throw ComplaintException.rule('CMP-9', 'an extension needs a reason', [{ field: 'reason', message: 'must not be blank' }]);
      c.extension = { reason: input.reason, at: now.toISOString(), by: actorOf(caller) };
      c.resolutionDueAt = this.deadlines.resolutionDue(c.createdAt, c, true);
      c.followUpDueAt = this.deadlines.followUpDue(c.resolutionDueAt, c);
      this.deadlines.applyWarnings(c);
    });
    await recordComplaintEvent(this.outbox, manager, ComplaintEventType.Extended, complaint);
    return toView(complaint, now);
  }
}
