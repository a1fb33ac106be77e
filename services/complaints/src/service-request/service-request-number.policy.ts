import type { EntityManager } from 'typeorm';
import { DocumentNumberAllocator, DocumentNumberExhaustedError, DocumentPattern, DocumentSeries } from '@crm/persistence';
import { ServiceRequestException, ServiceRequestExceptionCode } from './service-request.exception';

/**
 * SRV-1: `SR-YYYYMM-NNNN` per Asia/Shanghai month. SRV-4: each voucher gets `SV-YYYYMM-NNNN`, the
 * number finance books against (SRV-5). The series names are the counters' keys: never rename them.
 */
export const SERVICE_REQUEST_NUMBERS = new DocumentSeries({
  series: 'service-request',
  prefix: 'SR',
  period: 'month',
  pattern: DocumentPattern.Monthly4,
});
export const SERVICE_VOUCHER_NUMBERS = new DocumentSeries({
  series: 'service-voucher',
  prefix: 'SV',
  period: 'month',
  pattern: DocumentPattern.Monthly4,
});

const allocators = {
  'SRV-1': new DocumentNumberAllocator(SERVICE_REQUEST_NUMBERS),
  'SRV-4': new DocumentNumberAllocator(SERVICE_VOUCHER_NUMBERS),
} as const;

/**
 * The next number inside the command's transaction — gap-free and never repeated under concurrency
 * (the counter row stays locked until commit; a rollback gives it back). Call it last before saving.
 */
async function allocate(rule: keyof typeof allocators, manager: EntityManager, at: Date): Promise<string> {
  try {
    return (await allocators[rule].next(manager, at)).number;
  } catch (error) {
    if (error instanceof DocumentNumberExhaustedError) {
      throw new ServiceRequestException(
        ServiceRequestExceptionCode.NumberSequenceExhausted,
        `${rule}: numbers for ${error.period} are exhausted`,
        rule,
      );
    }
    throw error;
  }
}

export const allocateServiceRequestNumber = (manager: EntityManager, at: Date) => allocate('SRV-1', manager, at);
export const allocateVoucherNumber = (manager: EntityManager, at: Date) => allocate('SRV-4', manager, at);
