import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Caller } from '@crm/contracts';
import { CommonErrorCode, CommonException } from '@crm/errors';
import type { AmqpContext } from '@crm/messaging';

/** RPC commands from the gateway always carry the caller; without one nobody is accountable. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new CommonException(CommonErrorCode.CallerRequired, 'The request carries no authenticated caller');
  return caller;
}

/** The authenticated caller of an RPC command (header `x-caller`); refused as unauthenticated when absent. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller =>
  requireCaller(context.switchToRpc().getContext<AmqpContext>().caller),
);
