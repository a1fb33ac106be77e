import { businessYear } from '../common/business-time';
import { CustomerException, CustomerExceptionCode } from './customer.exception';

/** CUS-4: `C` + year + 6-digit sequence, e.g. `C2026000123`. */
export const CUSTOMER_CODE_PATTERN = /^C\d{4}\d{6}$/;
export const MAX_CODE_SEQUENCE = 999_999;

/** CUS-4: the year of the code is the Asia/Shanghai year of approval. */
export function codeYear(approvedAt: Date): number {
  return businessYear(approvedAt);
}

export function formatCustomerCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Invalid customer code sequence ${sequence}`);
  if (sequence > MAX_CODE_SEQUENCE) {
    // Six digits are the format; a seventh would change every consumer's parser. Refuse instead.
    throw new CustomerException(
      CustomerExceptionCode.CodeSequenceExhausted,
      `CUS-4: the customer code sequence for ${year} is exhausted`,
      'CUS-4',
    );
  }
  return `C${String(year).padStart(4, '0')}${String(sequence).padStart(6, '0')}`;
}
