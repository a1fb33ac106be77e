import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { Class } from '@crm/contracts';

/**
 * The fields a contract class refuses in `value`, validated exactly as the gateway's and the
 * services' pipes do (whitelist, unknown fields refused) — for tests of the contracts themselves.
 */
export function contractErrors(contract: Class<object>, value: unknown): string[] {
  const instance = plainToInstance(contract as new () => object, value);
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return ['(body)'];
  return flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [...(error.constraints ? [field] : []), ...flatten(error.children ?? [], field)];
  });
}
