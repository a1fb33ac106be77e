import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole, type Role } from '@crm/contracts';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { ApiKeysService } from './api-keys.service';
import type { AuthenticatedRequest } from './current-caller.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Failed authentications tolerated per client address and second (a burst of that many). */
export const FAILED_AUTH_PER_SECOND = 20;

/** A key that was presented and is not a live one (unknown, revoked or expired) — a guess, not an outage. */
function isWrongKey(error: unknown): boolean {
  return (
    error instanceof GatewayException && (error.code === GatewayErrorCode.ApiKeyInvalid || error.code === GatewayErrorCode.ApiKeyExpired)
  );
}

/**
 * The one global guard, in this order: authenticate the key (401, GW-2), apply its rate limit
 * (429, GW-4), check the route's roles (403, GW-3). Guards run before pipes and handlers, so a
 * caller without the role gets 403 before anything could reveal whether the id exists (GW-4).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // GW-4: a client guessing keys costs a database lookup per attempt; after a burst of wrong
    // keys from one address it is refused (429) before any lookup. Only a wrong key counts: an
    // outage (the lookup failing, 503) says nothing about the caller, and integrators often share
    // one egress address.
    const failures = `auth-failures:${request.ip}`;
    if (this.limiter.isExhausted(failures, FAILED_AUTH_PER_SECOND)) {
      throw new GatewayException(GatewayErrorCode.RateLimited, 'Too many requests with invalid API keys from this address', {
        headers: { 'Retry-After': '1' },
      });
    }
    const principal = await this.apiKeys.authenticate(request.headers.authorization).catch((error: unknown) => {
      if (isWrongKey(error)) this.limiter.take(failures, FAILED_AUTH_PER_SECOND);
      throw error;
    });
    request.caller = principal.caller;

    const taken = this.limiter.take(principal.caller.keyId, principal.rateLimitPerSecond);
    if (!taken.allowed) {
      const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      throw new GatewayException(GatewayErrorCode.RateLimited, `Rate limit of ${principal.rateLimitPerSecond} requests/s exceeded`, {
        headers: { 'Retry-After': String(seconds) },
      });
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) {
      throw new GatewayException(GatewayErrorCode.RouteWithoutRoles, 'This route admits no role (GW-3 default deny)', { rule: 'GW-3' });
    }
    if (!hasAnyRole(principal.caller, roles)) {
      throw new GatewayException(GatewayErrorCode.RoleForbidden, `This operation needs one of the roles: ${roles.join(', ')}`, {
        rule: 'GW-3',
      });
    }
    return true;
  }
}
