import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  DevelopmentOperations as ops,
  type KeyCustomer,
  type KeyCustomerReport,
  type KeyCustomersQuery,
} from '@crm/contracts';
import { requireRole } from '../../archive/customer.policy';
import { growthRate, parseReportPeriod, profitMargin } from '../key-customers.policy';
import { SALES_CURRENCY } from '../sales-figures/put-sales-figures.handler';

const TOP = 10;

interface TotalRow {
  customer_id: string;
  code: string;
  sales: string;
  cost_of_sales: string;
  previous_sales: string | null;
}

/*
 * Rates are ordered exactly in SQL: numerator and denominator are at most ~10^14 fen, so two
 * different rates differ by more than 10^-28, and a quotient carried to 30 decimal places orders
 * them as the fractions themselves (equal fractions tie and fall to the customer code).
 */
const SELECT = `SELECT t.customer_id, t.code, t.sales, t.cost_of_sales, p.sales AS previous_sales FROM customer_sales_totals t`;
const PREVIOUS = `customer_sales_totals p ON p.period = $2 AND p.customer_id = t.customer_id`;
const QUERIES = {
  bySales: `${SELECT} LEFT JOIN ${PREVIOUS} WHERE t.period = $1 ORDER BY t.sales DESC, t.code LIMIT ${TOP}`,
  byGrowth: `${SELECT} JOIN ${PREVIOUS} AND p.sales > 0 WHERE t.period = $1
             ORDER BY (t.sales - p.sales)::numeric(60, 30) / p.sales DESC, t.code LIMIT ${TOP}`,
  byMargin: `${SELECT} LEFT JOIN ${PREVIOUS} WHERE t.period = $1 AND t.sales > 0
             ORDER BY (t.sales - t.cost_of_sales)::numeric(60, 30) / t.sales DESC, t.code LIMIT ${TOP}`,
} as const;

/**
 * DEV-5: the key-customer report of a month, quarter or year — top 10 by sales, by growth against
 * the previous period of the same length (customers without a previous figure > 0 left out) and by
 * profit margin (sales > 0); ties by customer code; rates as 4-place strings computed in integers.
 * It reads the per-period totals the figures PUT keeps, so a year costs one row per customer.
 */
@Injectable()
export class KeyCustomersHandler {
  async execute(manager: EntityManager, caller: Caller, input: KeyCustomersQuery): Promise<KeyCustomerReport> {
    requireRole(caller, ops.keyCustomers);
    const period = parseReportPeriod(input.period);
    const params = [period.key, period.previousKey];
    const bySales: TotalRow[] = await manager.query(QUERIES.bySales, params);
    const byGrowth: TotalRow[] = await manager.query(QUERIES.byGrowth, params);
    const byMargin: TotalRow[] = await manager.query(QUERIES.byMargin, params);

    const ids = [...new Set([...bySales, ...byGrowth, ...byMargin].map((row) => row.customer_id))];
    const names = new Map<string, string>(
      ids.length
        ? (
            (await manager.query('SELECT id, name FROM customers WHERE id = ANY($1::uuid[])', [ids])) as {
              id: string;
              name: string | null;
            }[]
          ).map((row) => [row.id, row.name ?? ''])
        : [],
    );
    const entry = (row: TotalRow): KeyCustomer => {
      const sales = BigInt(row.sales);
      const previous = row.previous_sales === null ? null : BigInt(row.previous_sales);
      const growth = growthRate(sales, previous);
      const margin = profitMargin(sales, BigInt(row.cost_of_sales));
      return {
        customerId: row.customer_id,
        code: row.code,
        name: names.get(row.customer_id) ?? '',
        sales: { amount: Number(sales), currency: SALES_CURRENCY },
        ...(previous !== null ? { previousSales: { amount: Number(previous), currency: SALES_CURRENCY } } : {}),
        ...(growth !== undefined ? { growthRate: growth } : {}),
        ...(margin !== undefined ? { margin } : {}),
      };
    };
    return {
      period: period.key,
      previousPeriod: period.previousKey,
      bySales: bySales.map(entry),
      byGrowth: byGrowth.map(entry),
      byMargin: byMargin.map(entry),
    };
  }
}
