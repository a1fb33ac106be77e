import type { EntityManager } from 'typeorm';
import { DocumentNumberAllocator, DocumentNumberExhaustedError, DocumentPattern, DocumentSeries } from '@crm/persistence';
import { ComplaintException, ComplaintExceptionCode } from './complaint.exception';

/**
 * CMP-1: `CP-YYYYMM-NNNN`, numbered per Asia/Shanghai month. The series name is the counter's key in
 * `document_number_counters`: never rename it.
 */
export const COMPLAINT_NUMBERS = new DocumentSeries({
  series: 'complaint',
  prefix: 'CP',
  period: 'month',
  pattern: DocumentPattern.Monthly4,
});
const complaintNumbers = new DocumentNumberAllocator(COMPLAINT_NUMBERS);

/**
 * CMP-1 / SPEC "Conventions": the next number inside the registering transaction — gap-free and
 * never repeated under concurrency (the counter row stays locked until commit; a rollback gives
 * the number back). Call it last before inserting.
 */
export async function allocateComplaintNumber(manager: EntityManager, registeredAt: Date): Promise<string> {
  try {
    return (await complaintNumbers.next(manager, registeredAt)).number;
  } catch (error) {
    if (error instanceof DocumentNumberExhaustedError) {
      throw new ComplaintException(
        ComplaintExceptionCode.NumberSequenceExhausted,
        `CMP-1: complaint numbers for ${error.period} are exhausted`,
        'CMP-1',
      );
    }
    throw error;
  }
}
