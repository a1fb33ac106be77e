import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@crm/contracts';
import { LIMITS, truncateCharacters } from '@crm/contracts';
import { AccessEntry, type AccessOutcome } from './access-entry.entity';

export interface AccessAttempt {
  customerId: string;
  caller: Caller;
  purpose: string;
  outcome: AccessOutcome;
  reason?: string;
  at: Date;
}

/**
 * CUS-7: records who read (or tried to read) which archive, when, and why. It can only append:
 * there is deliberately no update or delete here, and the table's trigger refuses both.
 */
@Injectable()
export class AccessRegister {
  async record(manager: EntityManager, attempt: AccessAttempt): Promise<void> {
    await manager.insert(AccessEntry, {
      id: randomUUID(),
      customerId: attempt.customerId,
      at: attempt.at,
      callerKeyId: truncateCharacters(attempt.caller.keyId, LIMITS.string),
      callerName: truncateCharacters(attempt.caller.name ?? '', LIMITS.string),
      purpose: attempt.purpose,
      outcome: attempt.outcome,
      reason: attempt.reason === undefined ? null : truncateCharacters(attempt.reason, LIMITS.string),
    });
  }
}
