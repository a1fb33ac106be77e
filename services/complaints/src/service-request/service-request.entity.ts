import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Actor,
  ServiceDispatch,
  ServiceOffSiteApplication,
  ServiceOpinion,
  ServiceRequestContact,
  ServiceRequestKind,
  ServiceRequestProduct,
  ServiceRequestStatus,
  ServiceSite,
  ServiceVoucher,
} from '@crm/contracts';

/** SRV-1 content that is only read and written as a whole. */
export interface ServiceRequestDetails {
  contact: ServiceRequestContact;
  product: ServiceRequestProduct;
  problem: string;
}

const timestamp = { type: 'timestamptz' as const, nullable: true };
const fen = {
  type: 'bigint' as const,
  nullable: true,
  transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
};

/**
 * One after-sales service request (SRV-1). What the queue, the register check and the scorecard
 * filter or count on are columns (technician, promised day, queue day, the voucher's times and
 * signatures, the rating scores); each step's record is jsonb. `version` counts every change.
 */
@Entity({ name: 'service_requests' })
export class ServiceRequest {
  @PrimaryColumn('uuid') id: string;
  /** Set by the database (identity); read only. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;

  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ type: 'varchar', length: 20 }) kind: ServiceRequestKind;
  @Column({ type: 'varchar', length: 20 }) site: ServiceSite;
  @Column({ type: 'varchar', length: 20 }) status: ServiceRequestStatus;
  @Column({ name: 'customer_id', type: 'uuid', nullable: true }) customerId: string | null;
  @Column({ name: 'contract_no', type: 'varchar', length: 200, nullable: true }) contractNo: string | null;
  /** SRV-5: integer fen, CNY; paid requests only. */
  @Column({ name: 'fee_fen', ...fen }) feeFen: number | null;
  @Column({ type: 'jsonb' }) details: ServiceRequestDetails;
  /** SRV-2: the working day whose dispatch queue the request belongs to. */
  @Column({ name: 'queue_date', type: 'date' }) queueDate: string;

  @Column({ type: 'varchar', length: 200, nullable: true }) technician: string | null;
  @Column({ name: 'promised_date', type: 'date', nullable: true }) promisedDate: string | null;
  @Column({ type: 'jsonb', nullable: true }) dispatch: ServiceDispatch | null;
  @Column({ name: 'dispatched_at', ...timestamp }) dispatchedAt: Date | null;
  @Column({ name: 'off_site_application', type: 'jsonb', nullable: true }) offSiteApplication: ServiceOffSiteApplication | null;
  @Column({ name: 'started_at', ...timestamp }) startedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true }) voucher: ServiceVoucher | null;
  @Column({ name: 'voucher_number', type: 'varchar', length: 20, nullable: true }) voucherNumber: string | null;
  @Column({ name: 'voucher_at', ...timestamp }) voucherAt: Date | null;
  /** SRV-6: the actual start of the work = the technician's arrival. */
  @Column({ name: 'work_started_at', ...timestamp }) workStartedAt: Date | null;
  @Column({ name: 'countersigned_at', ...timestamp }) countersignedAt: Date | null;
  @Column({ name: 'customer_signed_at', ...timestamp }) customerSignedAt: Date | null;
  @Column({ name: 'completed_at', ...timestamp }) completedAt: Date | null;
  /** SRV-3: the service cost booked on completion (fen). */
  @Column({ name: 'service_cost_fen', ...fen }) serviceCostFen: number | null;

  @Column({ type: 'jsonb', nullable: true }) opinion: ServiceOpinion | null;
  /** SRV-6 scores, 4 very satisfied … 1 poor (null without an opinion). */
  @Column({ name: 'attitude_score', type: 'smallint', nullable: true }) attitudeScore: number | null;
  @Column({ name: 'skill_score', type: 'smallint', nullable: true }) skillScore: number | null;
  @Column({ name: 'arrival_score', type: 'smallint', nullable: true }) arrivalScore: number | null;
  @Column({ name: 'promise_kept_score', type: 'smallint', nullable: true }) promiseKeptScore: number | null;
  @Column({ name: 'grievance_serious', type: 'boolean', nullable: true }) grievanceSerious: boolean | null;

  @Column({ name: 'created_by', type: 'jsonb' }) createdBy: Actor;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
