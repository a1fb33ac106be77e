import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DevelopmentEventType } from '@crm/contracts';

/**
 * CUS-9 seen from this context: destroying an archive erases its development, credit
 * investigations, visit programme, visit reports and sales figures (business data of the archive),
 * and overwrites the urgent summaries in its stored outbox envelopes (still a valid event) — in the destroying transaction.
 */
@Injectable()
export class DevelopmentErasure {
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    for (const table of [
      'customer_sales_totals',
      'customer_sales_figures',
      'customer_visits',
      'customer_visit_programmes',
      'customer_credit_investigations',
      'customer_developments',
    ]) {
      await manager.query(`DELETE FROM ${table} WHERE customer_id = $1`, [customerId]);
    }
    await manager.query(
      `UPDATE outbox_messages SET envelope = jsonb_set(envelope, '{data,summary}', '"erased (CUS-9)"') WHERE aggregate_id = $1 AND type = $2`,
      [customerId, DevelopmentEventType.UrgentReported],
    );
  }
}
