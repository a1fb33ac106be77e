import { Instant, OneOf, Text, Uuid } from '../formats';
import type { ContractClass } from '../message-contracts';
import { URGENT_KINDS, VISIT_KINDS } from './development-inputs';

/** Events of the development-and-visits context (DEV-1, DEV-3, DEV-4). CUS-10: nothing above `confidential`. */
export const DevelopmentEventType = {
  VisitRecorded: 'customers.visit.recorded',
  UrgentReported: 'customers.visit.urgent-reported',
  DevelopmentHalted: 'customers.development.halted',
} as const;
export type DevelopmentEventType = (typeof DevelopmentEventType)[keyof typeof DevelopmentEventType];

/** `customers.visit.recorded` (version 1): who visited which archive when — not the report. */
export class VisitRecordedEventData {
  @Uuid() visitId: string;
  @Uuid() customerId: string;
  @Text({ nullable: true }) code: string | null;
  @OneOf(VISIT_KINDS) kind: string;
  @Text() visitor: string;
  @Instant() visitedAt: string;
  @Instant({ nullable: true }) nextVisitDueAt: string | null;
}

/** `customers.visit.urgent-reported` (version 1): ids, kind, summary and the product of a defect (DEV-4). */
export class UrgentReportedEventData {
  @Uuid() visitId: string;
  @Uuid() customerId: string;
  @Text({ nullable: true }) code: string | null;
  @OneOf(URGENT_KINDS) kind: string;
  @Text({ max: 2000 }) summary: string;
  @Text({ optional: true }) sku?: string;
  @Text({ optional: true }) batchNo?: string;
  @Text() visitor: string;
  @Instant() visitedAt: string;
}

/** `customers.development.halted` (version 1): the ids only — the reason is archive content. */
export class DevelopmentHaltedEventData {
  @Uuid() customerId: string;
  @Uuid() developmentId: string;
  @Text({ nullable: true }) code: string | null;
  @Instant() haltedAt: string;
}

export const DEVELOPMENT_EVENT_DATA: { readonly [Type in DevelopmentEventType]: ContractClass } = {
  [DevelopmentEventType.VisitRecorded]: VisitRecordedEventData,
  [DevelopmentEventType.UrgentReported]: UrgentReportedEventData,
  [DevelopmentEventType.DevelopmentHalted]: DevelopmentHaltedEventData,
};
