import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

function declaresAccess(target: object): boolean {
  const roles = Reflect.getMetadata(ROLES_KEY, target) as unknown[] | undefined;
  return Reflect.getMetadata(PUBLIC_KEY, target) === true || (Array.isArray(roles) && roles.length > 0);
}

/** Routes (`Controller.method`) that declare neither `@Roles` nor `@Public` (GW-3). */
export function routesWithoutAccessDeclaration(controllers: Type[]): string[] {
  const missing: string[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const isRoute =
        Reflect.getMetadata(PATH_METADATA, handler) !== undefined && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined;
      if (isRoute && !declaresAccess(handler) && !declaresAccess(controller)) missing.push(`${controller.name}.${name}`);
    }
  }
  return missing;
}

/** GW-3 default deny, checked at boot: a route nobody declared roles for must not ship. */
export function assertEveryRouteDeclaresAccess(app: INestApplication): void {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type),
  );
  const missing = routesWithoutAccessDeclaration(controllers);
  if (missing.length) {
    throw new Error(`GW-3: these routes declare neither @Roles nor @Public: ${missing.join(', ')}`);
  }
}
