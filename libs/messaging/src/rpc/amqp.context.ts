import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@crm/contracts';

interface AmqpContextArgs {
  message: ConsumeMessage;
  pattern: string;
  correlationId: string;
  caller?: Caller;
  /** Set for events and plain inputs only: the transaction the inbox row was written in. */
  manager?: EntityManager;
  /** The id the message is deduplicated by: event id, AMQP `message_id`, or an input's natural key. */
  messageId?: string;
}

/**
 * What a handler may know about the message it is handling. Event and plain input handlers write their effect
 * through `manager` — the same transaction as the inbox row — so effect and dedupe commit together.
 */
export class AmqpContext extends BaseRpcContext<[AmqpContextArgs]> {
  constructor(args: AmqpContextArgs) {
    super([args]);
  }

  get pattern(): string {
    return this.getArgs()[0].pattern;
  }

  get correlationId(): string {
    return this.getArgs()[0].correlationId;
  }

  get message(): ConsumeMessage {
    return this.getArgs()[0].message;
  }

  /** The authenticated caller; RPC commands from the gateway always carry one. */
  get caller(): Caller | undefined {
    return this.getArgs()[0].caller;
  }

  get messageId(): string | undefined {
    return this.getArgs()[0].messageId;
  }

  get manager(): EntityManager {
    const manager = this.getArgs()[0].manager;
    if (!manager) throw new Error('No transaction: only event and plain input handlers receive a manager');
    return manager;
  }
}
