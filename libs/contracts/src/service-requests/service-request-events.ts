import { Bool, BusinessDate, Instant, Money, Nested, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';
import { SERVICE_PAYMENT_METHODS, SERVICE_REQUEST_KINDS, SERVICE_REQUEST_STATUSES, SERVICE_SITES } from './service-request-inputs';

/** Event types of the service desk (API.md "After-sales service requests"). Versioned by the envelope's `version`. */
export const ServiceRequestEventType = {
  Registered: 'complaints.service-request.registered',
  Dispatched: 'complaints.service-request.dispatched',
  Completed: 'complaints.service-request.completed',
  /** SRV-5: what finance books a paid request's fee from, without calling back. */
  Charged: 'complaints.service-request.charged',
  /** SRV-6: a serious grievance, escalated to an executive at once. */
  GrievanceEscalated: 'complaints.service-request.grievance-escalated',
} as const;
export type ServiceRequestEventType = (typeof ServiceRequestEventType)[keyof typeof ServiceRequestEventType];

/**
 * `data` of registered, dispatched and completed (version 1): ids, numbers and classification,
 * built field by field — never the contact's name, phone or address.
 */
export class ServiceRequestEventData {
  @Uuid() serviceRequestId: string;
  @Text() number: string;
  @OneOf(SERVICE_REQUEST_KINDS) kind: string;
  @OneOf(SERVICE_SITES) site: string;
  @OneOf(SERVICE_REQUEST_STATUSES) status: string;
  @Uuid({ nullable: true }) customerId: string | null;
  @Text({ nullable: true }) technician: string | null;
  @BusinessDate({ nullable: true }) promisedDate: string | null;
  /** completed: the voucher and the service cost booked (SRV-3, SRV-4). */
  @Text({ optional: true }) voucherNumber?: string;
  @Nested(() => Money, { optional: true }) serviceCost?: Money;
}

/** `complaints.service-request.charged` (SRV-5): fee, method, voucher number, customer, booked service cost. */
export class ServiceRequestChargedEventData {
  @Uuid() serviceRequestId: string;
  @Text() number: string;
  @Text() voucherNumber: string;
  @Uuid({ nullable: true }) customerId: string | null;
  @Text({ nullable: true }) contractNo: string | null;
  @Nested(() => Money) fee: Money;
  @OneOf(SERVICE_PAYMENT_METHODS) method: string;
  @Nested(() => Money) serviceCost: Money;
  @Instant() completedAt: string;
}

/** `complaints.service-request.grievance-escalated` (SRV-6): who to answer; the text stays in the record. */
export class ServiceRequestGrievanceEventData {
  @Uuid() serviceRequestId: string;
  @Text() number: string;
  @Uuid({ nullable: true }) customerId: string | null;
  @Text({ nullable: true }) technician: string | null;
  @Bool() serious: boolean;
  @OneOf(['executive']) escalatedTo: string;
}

/** The `data` contract of each service-desk event type (libs/contracts `EVENT_DATA_CONTRACTS`). */
export const SERVICE_REQUEST_EVENT_DATA: { readonly [Type in ServiceRequestEventType]: ContractClass } = {
  [ServiceRequestEventType.Registered]: ServiceRequestEventData,
  [ServiceRequestEventType.Dispatched]: ServiceRequestEventData,
  [ServiceRequestEventType.Completed]: ServiceRequestEventData,
  [ServiceRequestEventType.Charged]: ServiceRequestChargedEventData,
  [ServiceRequestEventType.GrievanceEscalated]: ServiceRequestGrievanceEventData,
};
