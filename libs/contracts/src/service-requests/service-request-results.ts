import { ApiProperty } from '@nestjs/swagger';
import { Money } from '../formats';
import { Actor } from '../customers/customer-results';
import {
  SERVICE_PAYMENT_METHODS,
  SERVICE_REQUEST_KINDS,
  SERVICE_REQUEST_STATUSES,
  SERVICE_SITES,
  ServicePartUsed,
  ServiceRatings,
  ServiceRequestContact,
  ServiceRequestProduct,
  type ServicePaymentMethod,
  type ServiceRequestKind,
  type ServiceRequestStatus,
  type ServiceSite,
} from './service-request-inputs';

/*
 * What the service desk answers (API.md "After-sales service requests"). `nullable` marks exactly
 * what the service sends as `null`.
 */

const instant = { type: String, format: 'date-time' } as const;
const nullableInstant = { ...instant, nullable: true } as const;
const nullableDate = { type: String, format: 'date', nullable: true } as const;

export class ServiceDispatch {
  @ApiProperty() technician: string;
  @ApiProperty({ type: String, format: 'date', description: 'SRV-2: the promised day of arrival' }) promisedDate: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ServiceOffSiteApproval {
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

/** SRV-3 */
export class ServiceOffSiteApplication {
  @ApiProperty() technician: string;
  @ApiProperty() destination: string;
  @ApiProperty({ type: 'integer' }) days: number;
  @ApiProperty({ type: Money }) estimatedCost: Money;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty({ type: ServiceOffSiteApproval, nullable: true, description: 'SRV-3: null until the manager approves' })
  approval: ServiceOffSiteApproval | null;
}

export class ServiceSignature {
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ServiceCustomerSignature {
  @ApiProperty() signedBy: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor, description: 'Who recorded the signature' }) by: Actor;
}

/** SRV-4 */
export class ServiceVoucher {
  @ApiProperty({ example: 'SV-202611-0001', description: 'SRV-4/SRV-5: the voucher number finance books against' }) number: string;
  @ApiProperty(instant) startedAt: string;
  @ApiProperty(instant) endedAt: string;
  @ApiProperty() work: string;
  @ApiProperty({ type: [ServicePartUsed] }) parts: ServicePartUsed[];
  @ApiProperty({ enum: SERVICE_PAYMENT_METHODS, nullable: true, description: 'SRV-5: paid requests only' })
  payment: ServicePaymentMethod | null;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty({ type: ServiceSignature, nullable: true, description: "SRV-4: the service manager's countersignature" })
  countersignature: ServiceSignature | null;
  @ApiProperty({ type: ServiceCustomerSignature, nullable: true }) customerSignature: ServiceCustomerSignature | null;
}

export class ServiceGrievanceAnswer {
  @ApiProperty() answer: string;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

export class ServiceGrievance {
  @ApiProperty() text: string;
  @ApiProperty() serious: boolean;
  @ApiProperty({
    enum: ['executive', 'service'],
    description: 'SRV-6: who answers — an executive when serious, else the service department',
  })
  answeredBy: 'executive' | 'service';
  @ApiProperty({ type: ServiceGrievanceAnswer, nullable: true }) answer: ServiceGrievanceAnswer | null;
}

/** SRV-6 */
export class ServiceOpinion {
  @ApiProperty({ type: ServiceRatings }) ratings: ServiceRatings;
  @ApiProperty({ type: String, nullable: true }) suggestion: string | null;
  @ApiProperty({ type: ServiceGrievance, nullable: true }) grievance: ServiceGrievance | null;
  @ApiProperty(instant) at: string;
  @ApiProperty({ type: Actor }) by: Actor;
}

/** What lists and the dispatch queue show. */
export class ServiceRequestSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SR-202611-0001', description: 'SRV-1' }) number: string;
  @ApiProperty({ enum: SERVICE_REQUEST_KINDS }) kind: ServiceRequestKind;
  @ApiProperty({ enum: SERVICE_SITES }) site: ServiceSite;
  @ApiProperty({ enum: SERVICE_REQUEST_STATUSES }) status: ServiceRequestStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true }) technician: string | null;
  @ApiProperty(nullableDate) promisedDate: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    description: 'SRV-2: the working day whose queue the request arrived in (after hours or on a non-working day: the next working day)',
  })
  queueDate: string;
  @ApiProperty({ description: 'SRV-2: not dispatched on the working day it arrived' }) carriedOver: boolean;
  @ApiProperty(instant) createdAt: string;
}

/** The whole record (SRV-1..SRV-6), the answer of every command and of Get. */
export class ServiceRequestView extends ServiceRequestSummary {
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: ServiceRequestContact }) contact: ServiceRequestContact;
  @ApiProperty({ type: ServiceRequestProduct }) product: ServiceRequestProduct;
  @ApiProperty() problem: string;
  @ApiProperty({ type: String, nullable: true }) contractNo: string | null;
  @ApiProperty({ type: Money, nullable: true, description: 'SRV-5: paid requests only' }) fee: Money | null;
  @ApiProperty({ type: ServiceDispatch, nullable: true }) dispatch: ServiceDispatch | null;
  @ApiProperty({ type: ServiceOffSiteApplication, nullable: true }) offSiteApplication: ServiceOffSiteApplication | null;
  @ApiProperty(nullableInstant) startedAt: string | null;
  @ApiProperty({ type: ServiceVoucher, nullable: true }) voucher: ServiceVoucher | null;
  @ApiProperty(nullableInstant) completedAt: string | null;
  @ApiProperty({
    type: Money,
    nullable: true,
    description: 'SRV-3: the service cost booked on completion (approved off-site cost, else 0)',
  })
  serviceCost: Money | null;
  @ApiProperty({ type: ServiceOpinion, nullable: true }) opinion: ServiceOpinion | null;
  @ApiProperty({ type: Actor }) createdBy: Actor;
}

export class ServiceRequestPage {
  @ApiProperty({ type: [ServiceRequestSummary] }) items: ServiceRequestSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** SRV-4: one line of the daily register check. */
export class RegisterCheckEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ type: String, nullable: true }) technician: string | null;
  @ApiProperty({ enum: ['in_progress', 'worked'], description: 'Its status at the end of the day' }) status: 'in_progress' | 'worked';
  @ApiProperty({ type: String, nullable: true }) voucherNumber: string | null;
  @ApiProperty({
    type: [String],
    enum: ['voucher', 'countersignature', 'customerSignature'],
    description: 'What was still missing at the end of the day',
  })
  missing: ('voucher' | 'countersignature' | 'customerSignature')[];
}

/** SRV-4: requests worked but not completed, and vouchers missing a signature, at the end of a business day. */
export class RegisterCheck {
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({ type: [RegisterCheckEntry] }) items: RegisterCheckEntry[];
}

export class TechnicianRatingAverages {
  @ApiProperty({ type: 'integer', description: 'Opinions counted' }) rated: number;
  @ApiProperty({ type: String, nullable: true, example: '3.25', description: '4 very satisfied … 1 poor, 2 decimals' }) attitude:
    string | null;
  @ApiProperty({ type: String, nullable: true }) skill: string | null;
  @ApiProperty({ type: String, nullable: true }) arrival: string | null;
  @ApiProperty({ type: String, nullable: true }) promiseKept: string | null;
}

/** SRV-6: one technician's month. */
export class TechnicianScore {
  @ApiProperty() technician: string;
  @ApiProperty({ type: 'integer', description: 'Requests completed in the month' }) completed: number;
  @ApiProperty({ type: TechnicianRatingAverages }) ratings: TechnicianRatingAverages;
  @ApiProperty({ type: 'integer', description: 'Completed requests whose arrival (the voucher start) was on or before the promised day' })
  arrivedOnTime: number;
  @ApiProperty({ type: String, nullable: true, example: '0.7500', description: 'arrivedOnTime / completed, 4 decimals' })
  onTimeArrivalShare: string | null;
  @ApiProperty({ type: 'integer' }) grievances: number;
  @ApiProperty({ type: 'integer' }) seriousGrievances: number;
}

/** SRV-6: the monthly technician scorecard (requests completed in the business month). */
export class TechnicianScorecard {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: [TechnicianScore] }) technicians: TechnicianScore[];
}
