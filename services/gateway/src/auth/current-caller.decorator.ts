import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '@crm/contracts';
import type { FastifyRequest } from 'fastify';

export interface AuthenticatedRequest extends FastifyRequest {
  caller?: Caller;
}

/** The API key that made the request, as the access guard resolved it (GW-2). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without authentication');
  return caller;
});
