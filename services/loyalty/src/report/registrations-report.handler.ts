import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessInstant, businessMonth } from '@crm/calendar';
import { type Caller, LoyaltyOperations, type RegistrationsReport, type RegistrationsReportQuery } from '@crm/contracts';
import { requireRole } from '../common/access.policy';

/** The business month `YYYY-MM` as the instants `[start, end)` in Asia/Shanghai. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { start: businessInstant(`${month}-01`), end: businessInstant(`${next}-01`) };
}

/**
 * LOY-10: new VIP registrations (members, not renewals or replacements) per registering store in a
 * business month. Computed from the members table on request, so it is ready the moment the month
 * ends (well before the 2nd); `final` is false for the month still running. Counts only — no
 * member data.
 */
@Injectable()
export class RegistrationsReportHandler {
  async execute(manager: EntityManager, caller: Caller, input: RegistrationsReportQuery, now = new Date()): Promise<RegistrationsReport> {
    requireRole(caller, LoyaltyOperations.registrationsReport);
    const { start, end } = monthBounds(input.month);
    const rows = (await manager.query(
      `SELECT store_id, count(*) AS registrations FROM loyalty_members WHERE created_at >= $1 AND created_at < $2
       GROUP BY store_id ORDER BY store_id`,
      [start, end],
    )) as { store_id: string; registrations: string }[];
    const stores = rows.map((row) => ({ storeId: row.store_id, registrations: Number(row.registrations) }));
    return {
      month: input.month,
      final: businessMonth(now) > input.month,
      stores,
      total: stores.reduce((sum, store) => sum + store.registrations, 0),
    };
  }
}
