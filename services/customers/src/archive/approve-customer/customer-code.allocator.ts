import type { EntityManager } from 'typeorm';
import { codeYear, formatCustomerCode } from '../customer-code.policy';

/**
 * CUS-4: takes the next number of the approval's year inside the approving transaction. The
 * upsert locks the year's counter row until commit, so concurrent approvals queue on it and each
 * gets its own number; a rolled-back approval rolls its number back too, so no code is ever
 * handed out twice (and the unique index on `customers.code` would refuse it anyway).
 */
export async function allocateCustomerCode(manager: EntityManager, approvedAt: Date): Promise<string> {
  const year = codeYear(approvedAt);
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO customer_code_counters (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = customer_code_counters.last_value + 1
     RETURNING last_value`,
    [year],
  );
  return formatCustomerCode(year, Number(rows[0].last_value));
}
