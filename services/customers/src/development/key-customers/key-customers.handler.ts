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
  name: string | null;
  sales: string;
  cost_of_sales: string;
  previous_sales: string;
}

/*
 * Each top 10 is read from its own index on `customer_sales_totals` (migration 1798000000000):
 * the stored growth and margin are exact quotients carried to 30 places, so the order is the
 * order of the fractions themselves; equal fractions tie and fall to the customer code.
 */
const SELECT = `SELECT t.customer_id, t.code, c.name, t.sales, t.cost_of_sales, t.previous_sales
                  FROM customer_sales_totals t JOIN customers c ON c.id = t.customer_id
                 WHERE t.period = $1 AND t.figures > 0`;
const QUERIES = {
  bySales: `${SELECT} ORDER BY t.sales DESC, t.code LIMIT ${TOP}`,
  byGrowth: `${SELECT} AND t.growth IS NOT NULL ORDER BY t.growth DESC, t.code LIMIT ${TOP}`,
  byMargin: `${SELECT} AND t.margin IS NOT NULL ORDER BY t.margin DESC, t.code LIMIT ${TOP}`,
} as const;

/**
 * DEV-5: the key-customer report of a month, quarter or year — top 10 by sales, by growth against
 * the previous period of the same length (customers without a previous figure > 0 left out) and by
 * profit margin (sales > 0); ties by customer code; rates as 4-place strings computed in integers.
 * It reads the per-period totals the figures PUT keeps, through one index per order: ten rows each.
 */
@Injectable()
export class KeyCustomersHandler {
  async execute(manager: EntityManager, caller: Caller, input: KeyCustomersQuery): Promise<KeyCustomerReport> {
    requireRole(caller, ops.keyCustomers);
    const period = parseReportPeriod(input.period);
    const params = [period.key];
    const bySales: TotalRow[] = await manager.query(QUERIES.bySales, params);
    const byGrowth: TotalRow[] = await manager.query(QUERIES.byGrowth, params);
    const byMargin: TotalRow[] = await manager.query(QUERIES.byMargin, params);
    const entry = (row: TotalRow): KeyCustomer => {
      const sales = BigInt(row.sales);
      const previous = BigInt(row.previous_sales);
      const growth = growthRate(sales, previous);
      const margin = profitMargin(sales, BigInt(row.cost_of_sales));
      return {
        customerId: row.customer_id,
        code: row.code,
        name: row.name ?? '',
        sales: { amount: Number(sales), currency: SALES_CURRENCY },
        ...(previous > 0n ? { previousSales: { amount: Number(previous), currency: SALES_CURRENCY } } : {}),
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
