import { CONFIDENTIALITY_LEVELS } from '../caller';
import { Instant, LIMITS, Nested, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES, GRADES } from './customer-inputs';

/** Event types of the customers service (CUS-10). Versioned by the envelope's `version`. */
export const CustomerEventType = {
  Registered: 'customers.customer.registered',
  Submitted: 'customers.customer.submitted',
  Approved: 'customers.customer.approved',
  Rejected: 'customers.customer.rejected',
  Updated: 'customers.customer.updated',
  Graded: 'customers.customer.graded',
  Reviewed: 'customers.customer.reviewed',
  Dormant: 'customers.customer.dormant',
  Destroyed: 'customers.customer.destroyed',
} as const;
export type CustomerEventType = (typeof CustomerEventType)[keyof typeof CustomerEventType];

/**
 * `data` of every customers event except `destroyed` (version 1). CUS-10: summary-level fields
 * only — never contacts, notes, surveys or credit details, whatever the archive's level.
 */
export class CustomerEventData {
  @Uuid() customerId: string;
  /** CUS-4: assigned on approval; `null` before. */
  @Text({ nullable: true }) code: string | null;
  /** Empty once the archive is destroyed (CUS-9): earlier events still in the outbox lose the name. */
  @Text({ min: 0 }) name: string;
  @OneOf(CUSTOMER_TYPES) type: string;
  @OneOf(CUSTOMER_STATUSES) status: string;
  @OneOf(GRADES, { nullable: true }) grade: string | null;
  @OneOf(GRADES, { nullable: true }) creditRating: string | null;
  @OneOf(CONFIDENTIALITY_LEVELS) confidentiality: string;

  /**
   * `customers.customer.updated` only: names (not values) of the fields the update set. Every
   * submitted field counts, equal to the stored value or not, so the event reveals no content (CUS-6).
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.list)
  @IsString({ each: true })
  @MaxLength(LIMITS.string, { each: true })
  changedFields?: string[];
}

/** CUS-9: the three roles whose approvals destroy an archive. */
export const DESTRUCTION_APPROVER_ROLES = ['archivist', 'manager', 'executive'] as const;

export class CustomerDestructionApproverData {
  @OneOf(DESTRUCTION_APPROVER_ROLES) role: (typeof DESTRUCTION_APPROVER_ROLES)[number];
  @Text() keyId: string;
  @Instant() at: string;
}

/** `data` of `customers.customer.destroyed` (version 1): the tombstone, without the name (CUS-9). */
export class CustomerDestroyedEventData {
  @Uuid() customerId: string;
  @Text({ nullable: true }) code: string | null;
  @Instant() destroyedAt: string;
  @Nested(() => CustomerDestructionApproverData, { list: true, maxItems: DESTRUCTION_APPROVER_ROLES.length })
  approvers: CustomerDestructionApproverData[];
}

/** The `data` contract of each customers event type (libs/contracts `EVENT_DATA_CONTRACTS`). */
export const CUSTOMER_EVENT_DATA: { readonly [Type in CustomerEventType]: ContractClass } = {
  [CustomerEventType.Registered]: CustomerEventData,
  [CustomerEventType.Submitted]: CustomerEventData,
  [CustomerEventType.Approved]: CustomerEventData,
  [CustomerEventType.Rejected]: CustomerEventData,
  [CustomerEventType.Updated]: CustomerEventData,
  [CustomerEventType.Graded]: CustomerEventData,
  [CustomerEventType.Reviewed]: CustomerEventData,
  [CustomerEventType.Dormant]: CustomerEventData,
  [CustomerEventType.Destroyed]: CustomerDestroyedEventData,
};
