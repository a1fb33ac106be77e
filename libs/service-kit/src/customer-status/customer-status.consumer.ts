import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CustomerDestroyedEventData, type CustomerEventData, CustomerEventType, type EventEnvelope } from '@crm/contracts';
import type { AmqpContext } from '@crm/messaging';
import { recordCustomerStatus } from './customer-status.store';

/**
 * CUS-2: keeps the local customer-status model from `customers.customer.*` (CUS-10). The transport
 * validates `data` against its contract first; the effect commits with the inbox row (`ctx.manager`),
 * so a redelivered event changes nothing.
 */
@Controller()
export class CustomerStatusConsumer {
  @EventPattern<string>(CustomerEventType.Registered)
  registered(@Payload() envelope: EventEnvelope<CustomerEventData>, @Ctx() ctx: AmqpContext) {
    return this.apply(envelope, ctx);
  }

  @EventPattern<string>(CustomerEventType.Submitted)
  submitted(@Payload() envelope: EventEnvelope<CustomerEventData>, @Ctx() ctx: AmqpContext) {
    return this.apply(envelope, ctx);
  }

  @EventPattern<string>(CustomerEventType.Approved)
  approved(@Payload() envelope: EventEnvelope<CustomerEventData>, @Ctx() ctx: AmqpContext) {
    return this.apply(envelope, ctx);
  }

  @EventPattern<string>(CustomerEventType.Rejected)
  rejected(@Payload() envelope: EventEnvelope<CustomerEventData>, @Ctx() ctx: AmqpContext) {
    return this.apply(envelope, ctx);
  }

  @EventPattern<string>(CustomerEventType.Dormant)
  dormant(@Payload() envelope: EventEnvelope<CustomerEventData>, @Ctx() ctx: AmqpContext) {
    return this.apply(envelope, ctx);
  }

  @EventPattern<string>(CustomerEventType.Destroyed)
  async destroyed(@Payload() envelope: EventEnvelope<CustomerDestroyedEventData>, @Ctx() ctx: AmqpContext) {
    await recordCustomerStatus(ctx.manager, envelope.data.customerId, 'destroyed', new Date(envelope.occurredAt));
  }

  private async apply(envelope: EventEnvelope<CustomerEventData>, ctx: AmqpContext): Promise<void> {
    await recordCustomerStatus(ctx.manager, envelope.data.customerId, envelope.data.status, new Date(envelope.occurredAt));
  }
}
