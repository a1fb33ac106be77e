import { DevelopmentException } from './development.exception';

/** DEV-5: a report period — its months (inclusive) and the previous period of the same length. */
export interface ReportPeriod {
  key: string;
  previousKey: string;
  kind: 'month' | 'quarter' | 'year';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-10` → 2026*12+9; back with {@link monthOfIndex}. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOfIndex(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** DEV-5: `2026-10`, `2026-Q3` or `2026`, and the period of the same length before it. */
export function parseReportPeriod(period: string): ReportPeriod {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { key: period, previousKey: monthOfIndex(monthIndex(period) - 1), kind: 'month' };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { key: period, previousKey: q === 1 ? `${pad(year - 1, 4)}-Q4` : `${pad(year, 4)}-Q${q - 1}`, kind: 'quarter' };
  }
  if (/^\d{4}$/.test(period)) return { key: period, previousKey: pad(Number(period) - 1, 4), kind: 'year' };
  throw DevelopmentException.invalid('DEV-5', [
    { field: 'period', message: 'period must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY' },
  ]);
}

/** DEV-5: the totals a month's figure counts in — the month, its quarter and its year. */
export function periodsOfMonth(month: string): [string, string, string] {
  const year = month.slice(0, 4);
  const quarter = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
  return [month, `${year}-Q${quarter}`, year];
}

/**
 * DEV-5: `numerator / denominator` as a decimal string with 4 places, rounded half-up (half away
 * from zero for negative rates), computed in integers — never floating point. `denominator` > 0.
 */
export function decimalRate(numerator: bigint, denominator: bigint, places = 4): string {
  if (denominator <= 0n) throw new Error('decimalRate needs a positive denominator');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const scale = 10n ** BigInt(places);
  const scaled = (magnitude * scale * 2n + denominator) / (2n * denominator);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return `${negative && scaled !== 0n ? '-' : ''}${whole}.${fraction}`;
}

/** DEV-5: growth against the previous period; left out (undefined) without a previous figure > 0. */
export function growthRate(sales: bigint, previousSales: bigint | null): string | undefined {
  if (previousSales === null || previousSales <= 0n) return undefined;
  return decimalRate(sales - previousSales, previousSales);
}

/** DEV-5: profit margin `(sales − cost) / sales`, only for sales > 0. */
export function profitMargin(sales: bigint, costOfSales: bigint): string | undefined {
  if (sales <= 0n) return undefined;
  return decimalRate(sales - costOfSales, sales);
}

/** DEV-5: the period of the same length after `period` (the one whose growth it is the base of). */
export function followingPeriod(period: string): string {
  const parsed = parseReportPeriod(period);
  if (parsed.kind === 'month') return monthOfIndex(monthIndex(period) + 1);
  const year = Number(period.slice(0, 4));
  if (parsed.kind === 'year') return pad(year + 1, 4);
  const quarter = Number(period.slice(6));
  return quarter === 4 ? `${pad(year + 1, 4)}-Q1` : `${pad(year, 4)}-Q${quarter + 1}`;
}

/** DEV-5: exact comparison of two fractions a/b and c/d (b, d > 0) — for ordering rates without rounding. */
export function compareFractions(a: bigint, b: bigint, c: bigint, d: bigint): number {
  const left = a * d;
  const right = c * b;
  return left < right ? -1 : left > right ? 1 : 0;
}
