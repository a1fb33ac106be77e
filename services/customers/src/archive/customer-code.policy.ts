import { businessYear } from '@crm/calendar';
import { DocumentNumberExhaustedError, DocumentPattern, DocumentSeries } from '@crm/persistence';
import { CustomerException, CustomerExceptionCode } from './customer.exception';

/**
 * CUS-4: `C` + year + 6-digit sequence, e.g. `C2026000123`, numbered per Asia/Shanghai year.
 * The series name is the counter's key in `document_number_counters`: never rename it.
 */
export const CUSTOMER_CODE_SERIES = new DocumentSeries({
  series: 'customer-code',
  prefix: 'C',
  period: 'year',
  pattern: DocumentPattern.Yearly6,
});
export const CUSTOMER_CODE_PATTERN = CUSTOMER_CODE_SERIES.regex;
export const MAX_CODE_SEQUENCE = CUSTOMER_CODE_SERIES.maxSequence;

/** CUS-4: the year of the code is the Asia/Shanghai year of approval. */
export function codeYear(approvedAt: Date): number {
  return businessYear(approvedAt);
}

export function formatCustomerCode(year: number, sequence: number): string {
  try {
    return CUSTOMER_CODE_SERIES.format(String(year).padStart(4, '0'), sequence);
  } catch (error) {
    throw error instanceof DocumentNumberExhaustedError ? codeSequenceExhausted(year) : error;
  }
}

/** Six digits are the format; a seventh would change every consumer's parser. Refuse instead. */
export function codeSequenceExhausted(year: number | string): CustomerException {
  return new CustomerException(
    CustomerExceptionCode.CodeSequenceExhausted,
    `CUS-4: the customer code sequence for ${year} is exhausted`,
    'CUS-4',
  );
}
