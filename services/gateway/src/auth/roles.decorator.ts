import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@crm/contracts';
import { ApiProblems, AUTHENTICATED_PROBLEMS } from '../openapi/api-problems.decorator';

export const ROLES_KEY = 'gateway:roles';
export const PUBLIC_KEY = 'gateway:public';

/**
 * GW-3: the roles a route admits (`admin` always passes). Every route declares `@Roles` or
 * `@Public`; a route with neither is refused (default deny) and fails the boot check.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiProblems(...AUTHENTICATED_PROBLEMS));
}

/** A route open without an API key (health, metrics). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
