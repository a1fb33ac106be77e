import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Caller, Role } from '@crm/contracts';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { AccessGuard, FAILED_AUTH_PER_SECOND } from './access.guard';
import type { ApiKeysService } from './api-keys.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

function callerWith(roles: Role[]): Caller {
  return { keyId: 'k1', name: 'key', roles, clearance: 'confidential', storeId: null, designatedCustomerIds: [] };
}

function guardFor(metadata: { roles?: Role[]; isPublic?: boolean }, callerRoles: Role[]) {
  const reflector = {
    getAllAndOverride: (key: string) => (key === ROLES_KEY ? metadata.roles : key === PUBLIC_KEY ? metadata.isPublic : undefined),
  } as unknown as Reflector;
  const apiKeys = { authenticate: async () => ({ caller: callerWith(callerRoles), rateLimitPerSecond: 100 }) } as unknown as ApiKeysService;
  const request = { headers: { authorization: 'Bearer x' }, ip: '127.0.0.1' };
  const context = {
    getType: () => 'http',
    getHandler: () => () => undefined,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { guard: new AccessGuard(reflector, apiKeys, new RateLimiter()), context };
}

async function refusal(promise: Promise<unknown>): Promise<GatewayException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayException) return error;
    throw error;
  }
  throw new Error('the guard admitted the request');
}

describe('AccessGuard (GW-3: every route declares its roles; the default is deny)', () => {
  it('refuses a route that declares no roles, even for an admin key', async () => {
    for (const roles of [undefined, []]) {
      const { guard, context } = guardFor({ roles }, ['admin']);
      const error = await refusal(guard.canActivate(context));
      expect(error.code).toBe(GatewayErrorCode.RouteWithoutRoles);
      expect(error.toPayload()).toMatchObject({ kind: 'forbidden', rule: 'GW-3' });
    }
  });

  it('admits a role the route declares, and admin everywhere; refuses the others', async () => {
    const manager = guardFor({ roles: ['manager'] }, ['manager']);
    expect(await manager.guard.canActivate(manager.context)).toBe(true);
    const admin = guardFor({ roles: ['auditor'] }, ['admin']);
    expect(await admin.guard.canActivate(admin.context)).toBe(true);
    const sales = guardFor({ roles: ['manager'] }, ['sales']);
    expect((await refusal(sales.guard.canActivate(sales.context))).code).toBe(GatewayErrorCode.RoleForbidden);
  });

  it('lets public routes through without a key', async () => {
    const { guard, context } = guardFor({ isPublic: true }, []);
    expect(await guard.canActivate(context)).toBe(true);
  });
});

/** GW-4: only wrong keys count towards the per-address failed-authentication burst. */
describe('AccessGuard failed-authentication burst (GW-4)', () => {
  function guardFailingWith(error: () => Error) {
    const reflector = { getAllAndOverride: () => undefined } as unknown as Reflector;
    const apiKeys = { authenticate: async () => Promise.reject(error()) } as unknown as ApiKeysService;
    const context = {
      getType: () => 'http',
      getHandler: () => () => undefined,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: 'Bearer x' }, ip: '10.0.0.1' }) }),
    } as unknown as ExecutionContext;
    return { guard: new AccessGuard(reflector, apiKeys, new RateLimiter()), context };
  }

  it('answers 429 before any lookup after a burst of wrong keys from one address', async () => {
    const { guard, context } = guardFailingWith(() => GatewayException.unauthenticated(GatewayErrorCode.ApiKeyInvalid, 'unknown'));
    for (let attempt = 0; attempt < FAILED_AUTH_PER_SECOND; attempt++) {
      expect((await refusal(guard.canActivate(context))).code).toBe(GatewayErrorCode.ApiKeyInvalid);
    }
    expect((await refusal(guard.canActivate(context))).code).toBe(GatewayErrorCode.RateLimited);
  });

  it('does not count an outage of the key lookup: the caller keeps getting the outage, never 429', async () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const { guard, context } = guardFailingWith(() => outage);
    for (let attempt = 0; attempt < FAILED_AUTH_PER_SECOND * 3; attempt++) {
      await expect(guard.canActivate(context)).rejects.toBe(outage);
    }
  });
});
