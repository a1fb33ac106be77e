import type { Caller, DestructionApproval } from '@crm/contracts';
import { type Customer, clearWorkflowRecord } from './customer.entity';
import { CustomerException, CustomerExceptionCode } from './customer.exception';

/** CUS-9: the three officers whose approvals destroy an archive, in the order slots are offered. */
export const DESTRUCTION_SLOTS = ['archivist', 'manager', 'executive'] as const;
export type DestructionSlot = (typeof DESTRUCTION_SLOTS)[number];

/**
 * CUS-9: which slot the caller's approval fills. The caller's own roles decide: a key holding
 * several of the three roles fills the first still-open one (archivist → manager → executive).
 * `admin` alone fills no slot — the rule asks for three named officers, and an all-powerful key
 * must not stand in for them. One key fills at most one slot, so three distinct keys are needed.
 */
export function chooseDestructionSlot(caller: Caller, approvals: readonly DestructionApproval[]): DestructionSlot {
  if (approvals.some((approval) => approval.by.keyId === caller.keyId)) {
    throw new CustomerException(
      CustomerExceptionCode.DestructionAlreadyApproved,
      'CUS-9: this key has already approved the destruction; the three approvals must come from distinct keys',
      'CUS-9',
    );
  }
  const eligible = DESTRUCTION_SLOTS.filter((slot) => caller.roles.includes(slot));
  if (eligible.length === 0) {
    throw new CustomerException(
      CustomerExceptionCode.RoleRequired,
      'CUS-9: destruction is approved by the archivist, the manager and the executive; this key holds none of these roles',
      'CUS-9',
    );
  }
  const open = eligible.filter((slot) => !approvals.some((approval) => approval.role === slot));
  if (open.length === 0) {
    throw new CustomerException(
      CustomerExceptionCode.DestructionAlreadyApproved,
      `CUS-9: the ${eligible.join('/')} approval has already been given`,
      'CUS-9',
    );
  }
  return open[0];
}

/** CUS-9: destroyed once every slot is filled (by construction, by distinct keys). */
export function isDestructionApproved(approvals: readonly DestructionApproval[]): boolean {
  const keys = new Set(approvals.map((approval) => approval.by.keyId));
  return DESTRUCTION_SLOTS.every((slot) => approvals.some((approval) => approval.role === slot)) && keys.size === DESTRUCTION_SLOTS.length;
}

/**
 * CUS-9: erases the personal and business data of an archive, keeping only the tombstone (id,
 * code, destroyedAt, approvers) and the classification needed to list it (type, level, status).
 * Everything else — content, contacts, notes, survey, decisions and their reasons, grades and
 * their history, reviews, who created and approved it — is cleared.
 */
export function eraseArchive(customer: Customer, destroyedAt: Date): void {
  customer.status = 'destroyed';
  customer.destroyedAt = destroyedAt;
  customer.name = null;
  customer.content = null;
  customer.grade = null;
  customer.creditRating = null;
  customer.firstContactAt = null;
  customer.archiveDueBy = null;
  customer.createdLate = false;
  customer.createdBy = null;
  clearWorkflowRecord(customer);
}
