import type { EntityManager } from 'typeorm';
import { DocumentNumberAllocator, DocumentNumberExhaustedError, DocumentPattern, DocumentSeries } from '@crm/persistence';
import { ReturnsException, ReturnsExceptionCode } from './returns.exception';

/*
 * The returns service's document numbers, per Asia/Shanghai month. A series name is its counter's
 * key in `document_number_counters`: never rename one.
 */
/** RET-1: `RT-YYYYMM-NNNN`. */
export const RETURN_NUMBERS = new DocumentSeries({
  series: 'return-order',
  prefix: 'RT',
  period: 'month',
  pattern: DocumentPattern.Monthly4,
});
/** RET-6: `CN-YYYYMM-NNNN` (our choice; API.md names no format). */
export const CREDIT_NOTE_NUMBERS = new DocumentSeries({
  series: 'credit-note',
  prefix: 'CN',
  period: 'month',
  pattern: DocumentPattern.Monthly4,
});
/** RET-5: `PZ-YYYYMM-NNNN`. */
export const VOUCHER_NUMBERS = new DocumentSeries({ series: 'voucher', prefix: 'PZ', period: 'month', pattern: DocumentPattern.Monthly4 });

const allocators = new Map<DocumentSeries, DocumentNumberAllocator>();

/**
 * The next number of `series` inside the caller's transaction — gap-free and never repeated under
 * concurrency (the counter row stays locked until commit): allocate last. A full month is 422.
 */
export async function allocateNumber(manager: EntityManager, series: DocumentSeries, rule: string, at: Date): Promise<string> {
  let allocator = allocators.get(series);
  if (!allocator) allocators.set(series, (allocator = new DocumentNumberAllocator(series)));
  try {
    return (await allocator.next(manager, at)).number;
  } catch (error) {
    if (error instanceof DocumentNumberExhaustedError) {
      throw new ReturnsException(ReturnsExceptionCode.NumberSequenceExhausted, `${rule}: numbers for ${error.period} are exhausted`, rule);
    }
    throw error;
  }
}
