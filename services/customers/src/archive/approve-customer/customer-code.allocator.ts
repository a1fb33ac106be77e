import type { EntityManager } from 'typeorm';
import { DocumentNumberAllocator, DocumentNumberExhaustedError } from '@crm/persistence';
import { CUSTOMER_CODE_SERIES, codeSequenceExhausted } from '../customer-code.policy';

const customerCodes = new DocumentNumberAllocator(CUSTOMER_CODE_SERIES);

/**
 * CUS-4: takes the next code of the approval's Asia/Shanghai year inside the approving
 * transaction (libs/persistence `DocumentNumberAllocator`): concurrent approvals queue on the
 * year's counter row and each gets its own number; a rolled-back approval gives its number back,
 * so codes are gap-free and never handed out twice (the unique index on `customers.code` would
 * refuse a duplicate anyway). Call it last before saving: the row stays locked until commit.
 */
export async function allocateCustomerCode(manager: EntityManager, approvedAt: Date): Promise<string> {
  try {
    return (await customerCodes.next(manager, approvedAt)).number;
  } catch (error) {
    if (error instanceof DocumentNumberExhaustedError) throw codeSequenceExhausted(error.period);
    throw error;
  }
}
