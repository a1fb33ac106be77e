import { ApiProperty } from '@nestjs/swagger';
import { Money, Text } from '../formats';

/** `GET /complaints/reports/monthly?month=2026-10` (CMP-13). */
export class ComplaintMonthlyReportQuery {
  @Text({ min: 7, max: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, patternRule: 'a month YYYY-MM', example: '2026-10' }) month: string;
}

export class ComplaintCount {
  @ApiProperty({ description: 'The value counted (a kind, category, channel, severity, reason or department)' }) key: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class ComplaintValidityCounts {
  @ApiProperty({ type: 'integer', description: 'Accepted as valid' }) valid: number;
  @ApiProperty({ type: 'integer', description: 'Rejected as invalid (CMP-3)' }) invalid: number;
  @ApiProperty({ type: 'integer', description: 'Not acknowledged yet' }) pending: number;
  @ApiProperty({ type: 'integer', description: 'Invalid and malicious' }) malicious: number;
  @ApiProperty({ type: [ComplaintCount], description: 'Invalid ones by reason' }) byInvalidReason: ComplaintCount[];
}

export class ComplaintOnTimeRate {
  @ApiProperty({ enum: ['acknowledge', 'firstProposal', 'investigationReport', 'resolution', 'followUp'] }) deadline: string;
  @ApiProperty({ type: 'integer', description: 'Records where the deadline is decided: done, or due time passed' }) decided: number;
  @ApiProperty({ type: 'integer' }) onTime: number;
  @ApiProperty({ type: String, nullable: true, example: '0.9500', description: 'onTime / decided, 4 decimals; null when none decided' })
  rate: string | null;
}

export class ComplaintOverdueEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String], description: 'The due times missed (CMP-9)' }) missed: string[];
}

export class ComplaintDepartmentPenalty {
  @ApiProperty() department: string;
  @ApiProperty({ type: 'integer' }) cases: number;
  @ApiProperty({ type: Money }) amount: Money;
  @ApiProperty({ type: 'integer' }) kpiPoints: number;
}

export class ComplaintSatisfactionAverages {
  @ApiProperty({ type: 'integer', description: 'Follow-ups with ratings' }) ratedFollowUps: number;
  @ApiProperty({ type: String, nullable: true, example: '3.25', description: '4 very satisfied … 1 poor, 2 decimals' }) attitude:
    string | null;
  @ApiProperty({ type: String, nullable: true }) skill: string | null;
  @ApiProperty({ type: String, nullable: true }) timeliness: string | null;
  @ApiProperty({ type: String, nullable: true }) promiseKept: string | null;
}

/** CMP-13: the monthly report of the records registered in a business month (Asia/Shanghai). */
export class ComplaintMonthlyReport {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ description: 'Final from the 1st of the next month; before that a provisional month-to-date report' }) final: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [ComplaintCount] }) byKind: ComplaintCount[];
  @ApiProperty({ type: [ComplaintCount] }) byCategory: ComplaintCount[];
  @ApiProperty({ type: [ComplaintCount] }) byChannel: ComplaintCount[];
  @ApiProperty({ type: [ComplaintCount], description: '`unset` before acceptance' }) bySeverity: ComplaintCount[];
  @ApiProperty({ type: [ComplaintCount], description: 'By assigned department; `unassigned` otherwise' }) byDepartment: ComplaintCount[];
  @ApiProperty({ type: ComplaintValidityCounts }) validity: ComplaintValidityCounts;
  @ApiProperty({ type: [ComplaintOnTimeRate] }) onTime: ComplaintOnTimeRate[];
  @ApiProperty({ type: String, nullable: true, example: '26.5', description: 'Registration to resolution, hours, 1 decimal' })
  averageHandlingHours: string | null;
  @ApiProperty({ type: [ComplaintOverdueEntry], description: 'Open records overdue now (at most 100)' }) overdue: ComplaintOverdueEntry[];
  @ApiProperty({ type: 'integer' }) overdueCount: number;
  @ApiProperty({ type: [ComplaintDepartmentPenalty] }) penaltiesByDepartment: ComplaintDepartmentPenalty[];
  @ApiProperty({ type: ComplaintSatisfactionAverages }) satisfaction: ComplaintSatisfactionAverages;
}
