// class-transformer's @Type reads decorator metadata: whoever imports the contracts first needs the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { CONFIDENTIALITY_LEVELS } from '../caller';
import { IsInstant, IsNullable, MAX_LIST, MAX_STRING } from '../contract-fields';
import type { ContractClass } from '../message-contracts';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES, GRADES } from './customer-shapes';

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
  @IsUUID()
  customerId: string;

  /** CUS-4: assigned on approval; `null` before. */
  @IsNullable()
  @IsString()
  @MaxLength(MAX_STRING)
  code: string | null;

  /** Empty once the archive is destroyed (CUS-9): earlier events still in the outbox lose the name. */
  @IsString()
  @MaxLength(MAX_STRING)
  name: string;

  @IsIn(CUSTOMER_TYPES)
  type: string;

  @IsIn(CUSTOMER_STATUSES)
  status: string;

  @IsNullable()
  @IsIn(GRADES)
  grade: string | null;

  @IsNullable()
  @IsIn(GRADES)
  creditRating: string | null;

  @IsIn(CONFIDENTIALITY_LEVELS)
  confidentiality: string;

  /**
   * `customers.customer.updated` only: names (not values) of the fields the update set. Every
   * submitted field counts, equal to the stored value or not, so the event reveals no content (CUS-6).
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_STRING, { each: true })
  changedFields?: string[];
}

/** CUS-9: the three roles whose approvals destroy an archive. */
export const DESTRUCTION_APPROVER_ROLES = ['archivist', 'manager', 'executive'] as const;

export class CustomerDestructionApproverData {
  @IsIn(DESTRUCTION_APPROVER_ROLES)
  role: (typeof DESTRUCTION_APPROVER_ROLES)[number];

  @IsString()
  @Length(1, MAX_STRING)
  keyId: string;

  @IsInstant()
  at: string;
}

/** `data` of `customers.customer.destroyed` (version 1): the tombstone, without the name (CUS-9). */
export class CustomerDestroyedEventData {
  @IsUUID()
  customerId: string;

  @IsNullable()
  @IsString()
  @MaxLength(MAX_STRING)
  code: string | null;

  @IsInstant()
  destroyedAt: string;

  @IsArray()
  @ArrayMaxSize(DESTRUCTION_APPROVER_ROLES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CustomerDestructionApproverData)
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
