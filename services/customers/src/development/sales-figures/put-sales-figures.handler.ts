import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessMonth } from '@crm/calendar';
import { type Caller, DevelopmentOperations as ops, type SalesFigures, type SalesFiguresPayload } from '@crm/contracts';
import { loadForCommand } from '../../archive/customer.loader';
import { requireRole } from '../../archive/customer.policy';
import { actorOf } from '../../archive/customer.view';
import { DevelopmentException } from '../development.exception';
import { followingPeriod, periodsOfMonth } from '../key-customers.policy';
import { SalesFigureRecord } from '../sales-figure.entity';

/** DEV-5: figures are in the tenant currency, so the key-customer report adds like with like. */
export const SALES_CURRENCY = 'CNY';

export function toSalesFigures(row: SalesFigureRecord): SalesFigures {
  const money = (amount: string | number, currency: string) => ({ amount: Number(amount), currency });
  return {
    customerId: row.customerId,
    period: row.period,
    sales: money(row.sales, row.currency),
    costOfSales: money(row.costOfSales, row.currency),
    revision: row.revision,
    recordedAt: row.recordedAt.toISOString(),
    history: row.history.map((old) => ({
      revision: old.revision,
      sales: money(old.sales, old.currency),
      costOfSales: money(old.costOfSales, old.currency),
      recordedBy: old.recordedBy,
      recordedAt: old.recordedAt,
    })),
  };
}

/**
 * DEV-5: the ERP's sales and cost of sales of an active customer for one month. Idempotent per
 * customer and period: the same figures again change nothing; different ones replace them, the
 * replaced figures go to the row's history (newest first). The month, quarter and year totals the
 * key-customer report reads move by the difference in the same transaction (the archive row lock
 * orders concurrent PUTs of one customer; the totals upsert adds atomically).
 */
@Injectable()
export class PutSalesFiguresHandler {
  async execute(manager: EntityManager, caller: Caller, input: SalesFiguresPayload, now = new Date()): Promise<SalesFigures> {
    requireRole(caller, ops.putSalesFigures);
    const customer = await loadForCommand(manager, input.id);
    if (customer.status !== 'active' || !customer.code) {
      throw DevelopmentException.wrongStep('DEV-5', `sales figures are kept for active customers only (status ${customer.status})`);
    }
    for (const field of ['sales', 'costOfSales'] as const) {
      if (input[field].currency !== SALES_CURRENCY) {
        throw DevelopmentException.rule('DEV-5', `figures are in ${SALES_CURRENCY}`, [
          { field: `${field}.currency`, message: `DEV-5: must be ${SALES_CURRENCY}` },
        ]);
      }
    }
    if (input.period > businessMonth(now)) {
      throw DevelopmentException.rule('DEV-5', `no figures for a month that has not begun (${input.period})`, [
        { field: 'period', message: 'DEV-5: the month has not begun (Asia/Shanghai)' },
      ]);
    }

    const existing = await manager.findOne(SalesFigureRecord, { where: { customerId: customer.id, period: input.period } });
    const sales = input.sales.amount;
    const cost = input.costOfSales.amount;
    if (existing && Number(existing.sales) === sales && Number(existing.costOfSales) === cost) return toSalesFigures(existing);

    const row =
      existing ??
      manager.create(SalesFigureRecord, {
        customerId: customer.id,
        period: input.period,
        revision: 0,
        history: [],
        currency: SALES_CURRENCY,
      });
    const deltaSales = sales - Number(existing?.sales ?? 0);
    const deltaCost = cost - Number(existing?.costOfSales ?? 0);
    if (existing) {
      row.history = [
        {
          revision: existing.revision,
          sales: Number(existing.sales),
          costOfSales: Number(existing.costOfSales),
          currency: existing.currency,
          recordedBy: existing.recordedBy,
          recordedAt: existing.recordedAt.toISOString(),
        },
        ...existing.history,
      ];
    }
    row.sales = String(sales);
    row.costOfSales = String(cost);
    row.revision += 1;
    row.recordedBy = actorOf(caller);
    row.recordedAt = now;
    await manager.save(row);
    // The month, quarter and year of the figure move by the difference (and count one more figure
    // when it is new); the periods after them carry it as their previous period's sales.
    const periods = periodsOfMonth(input.period);
    await manager.query(
      `INSERT INTO customer_sales_totals AS t (period, customer_id, code, figures, sales, cost_of_sales, previous_sales)
       SELECT period, $2, $3, $4, $5, $6, 0 FROM unnest($1::varchar[]) AS period
       ON CONFLICT (period, customer_id) DO UPDATE
         SET figures = t.figures + excluded.figures, sales = t.sales + excluded.sales, cost_of_sales = t.cost_of_sales + excluded.cost_of_sales`,
      [periods, customer.id, customer.code, existing ? 0 : 1, deltaSales, deltaCost],
    );
    await manager.query(
      `INSERT INTO customer_sales_totals AS t (period, customer_id, code, figures, sales, cost_of_sales, previous_sales)
       SELECT period, $2, $3, 0, 0, 0, $4 FROM unnest($1::varchar[]) AS period
       ON CONFLICT (period, customer_id) DO UPDATE SET previous_sales = t.previous_sales + excluded.previous_sales`,
      [periods.map(followingPeriod), customer.id, customer.code, deltaSales],
    );
    return toSalesFigures(row);
  }
}
