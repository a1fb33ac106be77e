import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessMonth } from '@crm/calendar';
import { type Caller, type ComplaintMonthlyReport, type ComplaintMonthlyReportQuery, ComplaintOperations } from '@crm/contracts';
import { Complaint } from '../complaint.entity';
import { ComplaintException } from '../complaint.exception';
import { requireRole } from '../complaint.policy';
import { monthRange, monthlyReport } from './monthly-report.policy';

/**
 * CMP-13: the report of a business month — final from the 1st of the next month, provisional
 * month-to-date for the current one; a future month is refused (422 naming CMP-13).
 */
@Injectable()
export class MonthlyReportHandler {
  async execute(
    manager: EntityManager,
    caller: Caller,
    input: ComplaintMonthlyReportQuery,
    now = new Date(),
  ): Promise<ComplaintMonthlyReport> {
    requireRole(caller, ComplaintOperations.monthlyReport);
    if (input.month > businessMonth(now)) throw ComplaintException.rule('CMP-13', `${input.month} has not begun yet`);
    const { start, end } = monthRange(input.month);
    const records = await manager
      .createQueryBuilder(Complaint, 'c')
      .where('c.createdAt >= :start AND c.createdAt < :end', { start, end })
      .orderBy('c.seq', 'ASC')
      .getMany();
    return monthlyReport(records, input.month, now);
  }
}
