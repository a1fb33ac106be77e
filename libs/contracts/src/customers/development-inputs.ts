import { IntersectionType } from '@nestjs/swagger';
import { BusinessDate, FreeText, Instant, Money, Nested, OneOf, Text } from '../formats';
import { PageQuery } from '../page';
import { CustomerIdPayload, GRADES, type Grade } from './customer-inputs';

/*
 * What callers send to the development-and-visits context of the customers service (DEV-1..DEV-5,
 * API.md "Customer development and field visits"): HTTP bodies and the RPC payloads (body + path).
 */

/** DEV-1 / DEV-2: a visit to a prospect is a survey until its development is approved; active archives get programme visits. */
export const VISIT_KINDS = ['survey', 'development', 'programme'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** DEV-4: what an urgent visit report is about. */
export const URGENT_KINDS = ['competitor_policy', 'competitor_product', 'competitor_service', 'product_defect', 'other'] as const;
export type UrgentKind = (typeof URGENT_KINDS)[number];

export const DEVELOPMENT_STATUSES = ['pending', 'approved'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

/** DEV-5: a month `2026-10`, a quarter `2026-Q3` or a year `2026`. */
export const REPORT_PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** DEV-1: the development application (target, planned approach, expected volume). */
export class DevelopmentApplicationBody {
  @Text({ max: 10_000, description: 'What the development aims at', example: 'Become their main tea supplier' }) target: string;
  @Text({ max: 10_000, description: 'Planned approach', example: 'Tasting at their head office, then a trial order' }) approach: string;
  @Nested(() => Money, { optional: true }) expectedAnnualVolume?: Money;
}

/** DEV-1: the handbook's credit investigation form. */
export class CreditInvestigationBody {
  @FreeText({ min: 1, description: 'Payment habits found' }) paymentHabits: string;
  @Text({ optional: true, description: 'Bank and account holder' }) bank?: string;
  @FreeText({ optional: true, description: 'Guarantees offered' }) guarantees?: string;
  @FreeText({ min: 1, description: 'Conclusion of the investigation' }) conclusion: string;
  @OneOf(GRADES, { description: 'Highest credit level the investigation supports' }) highestCreditLevel: Grade;
}

/** DEV-2: the designated visitor of an active archive (never its owner sales rep). */
export class DesignateVisitorBody {
  @Text({ description: 'Staff member who visits the customer', example: 'visitor-012' }) visitor: string;
}

export class VisitMatter {
  @Text() subject: string;
  @FreeText({ min: 1 }) outcome: string;
}

/** DEV-4: an urgent report raised by a visit. */
export class UrgentReportInput {
  @OneOf(URGENT_KINDS) kind: UrgentKind;
  @Text({ max: 2000, description: 'Summary (published in customers.visit.urgent-reported: nothing above confidential)' }) summary: string;
  @Text({ optional: true, description: 'product_defect: the product', example: 'TEA-500G' }) sku?: string;
  @Text({ optional: true, description: 'product_defect: the batch', example: 'B-7' }) batchNo?: string;
}

/** DEV-3: a visit report. */
export class VisitReportBody {
  @Instant() visitedAt: string;
  @Text({ example: 'visitor-012' }) visitor: string;
  @FreeText({ optional: true }) opinions?: string;
  @FreeText({ optional: true }) suggestions?: string;
  @FreeText({ optional: true, description: "The customer's hopes" }) hopes?: string;
  @FreeText({ optional: true }) marketInfo?: string;
  @FreeText({ optional: true }) competitorInfo?: string;
  @FreeText({ optional: true }) effect?: string;
  @Nested(() => VisitMatter, { optional: true, list: true }) matters?: VisitMatter[];
  @Nested(() => UrgentReportInput, { optional: true }) urgent?: UrgentReportInput;
}

/** DEV-5: one month's figures from the ERP. */
export class SalesFiguresBody {
  @Nested(() => Money) sales: Money;
  @Nested(() => Money) costOfSales: Money;
}

export class DailyVisitsQuery {
  @Text({ example: 'visitor-012' }) visitor: string;
  @BusinessDate({ description: 'Business date (Asia/Shanghai)' }) date: string;
}

export class OverdueVisitsQuery extends PageQuery {
  @Text({ optional: true, example: 'visitor-012' }) visitor?: string;
}

export class UrgentReportsQuery extends PageQuery {
  @Instant({ optional: true }) from?: string;
  @Instant({ optional: true }) to?: string;
}

export class VisitMonthlyReportQuery {
  @Text({ min: 7, max: 7, pattern: MONTH_PATTERN, patternRule: 'a month YYYY-MM', example: '2026-10' }) month: string;
}

export class KeyCustomersQuery {
  @Text({
    min: 4,
    max: 7,
    pattern: REPORT_PERIOD_PATTERN,
    patternRule: 'a month YYYY-MM, a quarter YYYY-Qn or a year YYYY',
    example: '2026-Q3',
  })
  period: string;
}

// ---- RPC payloads -----------------------------------------------------------------------------

export class DevelopmentApplicationPayload extends IntersectionType(DevelopmentApplicationBody, CustomerIdPayload) {}
export class CreditInvestigationPayload extends IntersectionType(CreditInvestigationBody, CustomerIdPayload) {}
export class DesignateVisitorPayload extends IntersectionType(DesignateVisitorBody, CustomerIdPayload) {}
export class VisitReportPayload extends IntersectionType(VisitReportBody, CustomerIdPayload) {}

export class CustomerVisitsPayload extends IntersectionType(PageQuery, CustomerIdPayload) {
  /** CUS-7 `X-Access-Purpose`: visit reports are part of the archive. */
  @Text({ optional: true, min: 0 }) purpose?: string;
}

export class SalesFiguresPayload extends IntersectionType(SalesFiguresBody, CustomerIdPayload) {
  @Text({ min: 7, max: 7, pattern: MONTH_PATTERN, patternRule: 'a month YYYY-MM', example: '2026-10' }) period: string;
}
