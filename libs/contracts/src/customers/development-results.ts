import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '../formats';
import { GRADES, type Grade } from './customer-inputs';
import { Actor } from './customer-results';
import {
  DEVELOPMENT_STATUSES,
  type DevelopmentStatus,
  URGENT_KINDS,
  type UrgentKind,
  VISIT_KINDS,
  type VisitKind,
  VisitMatter,
} from './development-inputs';

/* What the development-and-visits context answers (DEV-1..DEV-5), documented once for OpenAPI. */

const instant = { type: String, format: 'date-time' } as const;
const nullableInstant = { ...instant, nullable: true } as const;

export class DevelopmentHalt {
  @ApiProperty({ enum: ['halted', 'resumed'] }) action: 'halted' | 'resumed';
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Actor }) by: Actor;
  @ApiProperty(instant) at: string;
}

/** DEV-1: the development of a prospect — its application and whether it is halted. */
export class DevelopmentView {
  @ApiProperty({ format: 'uuid', description: 'The application' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ enum: DEVELOPMENT_STATUSES, nullable: true, description: 'null: no application yet (only a halt recorded)' })
  status: DevelopmentStatus | null;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty({ type: String, nullable: true }) approach: string | null;
  @ApiProperty({ type: Money, nullable: true }) expectedAnnualVolume: Money | null;
  @ApiProperty({ type: Actor, nullable: true }) appliedBy: Actor | null;
  @ApiProperty({ type: Actor, nullable: true }) approvedBy: Actor | null;
  @ApiProperty(nullableInstant) approvedAt: string | null;
  @ApiProperty({ description: 'DEV-1: a halted prospect cannot be submitted (CUS-2)' }) halted: boolean;
  @ApiProperty({ type: String, nullable: true }) haltReason: string | null;
  @ApiProperty({ type: [DevelopmentHalt] }) haltHistory: DevelopmentHalt[];
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** DEV-2: an archive's visit programme. */
export class VisitProgramme {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GRADES, nullable: true }) grade: Grade | null;
  @ApiProperty({ type: String, nullable: true, description: 'Designated visitor; null until designated' }) visitor: string | null;
  @ApiProperty({ type: 'integer', description: 'DEV-2: visit interval of the grade, in days' }) intervalDays: number;
  @ApiProperty(nullableInstant) lastVisitedAt: string | null;
  @ApiProperty({ ...instant, description: 'DEV-2: last visit (or approval) + interval' }) nextVisitDueAt: string;
  @ApiProperty() overdue: boolean;
}

export class UrgentReportView {
  @ApiProperty({ enum: URGENT_KINDS }) kind: UrgentKind;
  @ApiProperty() summary: string;
  @ApiPropertyOptional() sku?: string;
  @ApiPropertyOptional() batchNo?: string;
}

/** DEV-3: a visit report (archive content: CUS-6 clearance, read through the borrowing register CUS-7). */
export class VisitReport {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ enum: VISIT_KINDS, description: 'DEV-1/DEV-2' }) kind: VisitKind;
  @ApiProperty() visitor: string;
  @ApiProperty(instant) visitedAt: string;
  @ApiProperty({ format: 'date', description: 'Business date of the visit (Asia/Shanghai)' }) businessDate: string;
  @ApiPropertyOptional() opinions?: string;
  @ApiPropertyOptional() suggestions?: string;
  @ApiPropertyOptional() hopes?: string;
  @ApiPropertyOptional() marketInfo?: string;
  @ApiPropertyOptional() competitorInfo?: string;
  @ApiPropertyOptional() effect?: string;
  @ApiProperty({ type: [VisitMatter] }) matters: VisitMatter[];
  @ApiProperty({ type: UrgentReportView, nullable: true }) urgent: UrgentReportView | null;
  @ApiProperty({ type: Actor }) recordedBy: Actor;
  @ApiProperty(instant) createdAt: string;
}

export class VisitReportPage {
  @ApiProperty({ type: [VisitReport] }) items: VisitReport[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** DEV-3: one line of a visitor's daily report — where and when, not the report's content. */
export class DailyVisit {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: VISIT_KINDS }) kind: VisitKind;
  @ApiProperty(instant) visitedAt: string;
  @ApiProperty({ enum: URGENT_KINDS, nullable: true }) urgentKind: UrgentKind | null;
}

export class DailyVisitReport {
  @ApiProperty() visitor: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [DailyVisit], description: 'Oldest first' }) items: DailyVisit[];
}

export class OverdueVisit {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GRADES, nullable: true }) grade: Grade | null;
  @ApiProperty() visitor: string;
  @ApiProperty(nullableInstant) lastVisitedAt: string | null;
  @ApiProperty(instant) nextVisitDueAt: string;
}

export class OverdueVisitPage {
  @ApiProperty({ type: [OverdueVisit], description: 'Longest overdue first' }) items: OverdueVisit[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** DEV-4: an urgent report as managers list it (no archive content above confidential). */
export class UrgentVisitReport {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: URGENT_KINDS }) kind: UrgentKind;
  @ApiProperty() summary: string;
  @ApiPropertyOptional() sku?: string;
  @ApiPropertyOptional() batchNo?: string;
  @ApiProperty() visitor: string;
  @ApiProperty(instant) visitedAt: string;
}

export class UrgentVisitReportPage {
  @ApiProperty({ type: [UrgentVisitReport], description: 'Newest first' }) items: UrgentVisitReport[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VisitCounts {
  @ApiProperty({ type: 'integer' }) visits: number;
  @ApiProperty({ type: 'integer', description: 'Distinct archives visited' }) archivesVisited: number;
  @ApiProperty({ type: 'integer', description: 'Archives whose visit was overdue at the end of the month (or now)' })
  archivesOverdue: number;
  @ApiProperty({ type: 'integer' }) urgentReports: number;
}

export class VisitorVisitCounts extends VisitCounts {
  @ApiProperty() visitor: string;
}

export class GradeVisitCounts extends VisitCounts {
  @ApiProperty({ enum: GRADES, nullable: true, description: 'null: archives without a grade' }) grade: Grade | null;
}

/** DEV-3: the monthly visit report. */
export class VisitMonthlyReport {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty(instant) overdueAt: string;
  @ApiProperty({ type: [VisitorVisitCounts] }) byVisitor: VisitorVisitCounts[];
  @ApiProperty({ type: [GradeVisitCounts] }) byGrade: GradeVisitCounts[];
}

export class SalesFigureRevision {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: Money }) sales: Money;
  @ApiProperty({ type: Money }) costOfSales: Money;
  @ApiProperty({ type: Actor }) recordedBy: Actor;
  @ApiProperty(instant) recordedAt: string;
}

/** DEV-5: a customer's figures of one month, with the figures they replaced. */
export class SalesFigures {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ type: Money }) sales: Money;
  @ApiProperty({ type: Money }) costOfSales: Money;
  @ApiProperty({ type: 'integer', description: '1 for the first figure, +1 per correction' }) revision: number;
  @ApiProperty(instant) recordedAt: string;
  @ApiProperty({ type: [SalesFigureRevision], description: 'Replaced figures, newest first' }) history: SalesFigureRevision[];
}

export class KeyCustomer {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: 'C2026000123' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Money }) sales: Money;
  @ApiPropertyOptional({ type: Money, description: 'Sales of the previous period of the same length, when > 0' }) previousSales?: Money;
  @ApiPropertyOptional({ example: '0.1250', description: '(sales − previous) / previous, 4 places, half-up' }) growthRate?: string;
  @ApiPropertyOptional({ example: '0.2500', description: '(sales − cost) / sales, 4 places, half-up' }) margin?: string;
}

/** DEV-5: the key-customer report of a month, quarter or year. */
export class KeyCustomerReport {
  @ApiProperty({ example: '2026-Q3' }) period: string;
  @ApiProperty({ example: '2026-Q2' }) previousPeriod: string;
  @ApiProperty({ type: [KeyCustomer] }) bySales: KeyCustomer[];
  @ApiProperty({ type: [KeyCustomer] }) byGrowth: KeyCustomer[];
  @ApiProperty({ type: [KeyCustomer] }) byMargin: KeyCustomer[];
}
