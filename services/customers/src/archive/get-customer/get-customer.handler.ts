import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, type CustomerArchive, CustomerOperations, type CustomerTombstone } from '@crm/contracts';
import { DevelopmentArchiveReader } from '../../development/development-archive.reader';
import { ArchiveReadCheck, type ReadOutcome } from '../../access-register/archive-read.check';
import { toArchive, toTombstone } from '../customer.view';

/**
 * CUS-6/CUS-7: reads a full archive (or, once destroyed, its tombstone) after the shared read check,
 * which records every attempt on an existing archive in the borrowing register. The archive shows
 * what the development context keeps on it (DEV-1 credit investigations, DEV-2 visit programme).
 */
@Injectable()
export class GetCustomerHandler {
  constructor(
    private readonly reads: ArchiveReadCheck,
    private readonly development: DevelopmentArchiveReader,
  ) {}

  async execute(
    manager: EntityManager,
    caller: Caller,
    payload: { id: string; purpose?: string },
    now = new Date(),
  ): Promise<ReadOutcome<CustomerArchive | CustomerTombstone>> {
    const read = await this.reads.check(manager, caller, payload, CustomerOperations.get, 'a customer archive', now);
    if (!read.granted) return read;
    const customer = read.value;
    // CUS-9: only the tombstone remains, and it is what a read answers (never the old data).
    if (customer.status === 'destroyed') return { granted: true, value: toTombstone(customer) };
    return { granted: true, value: toArchive(customer, now, await this.development.read(manager, customer.id)) };
  }
}
