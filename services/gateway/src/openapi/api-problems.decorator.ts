import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input (field errors in `errors`)',
  401: 'No API key, an unknown, revoked or expired key',
  403: 'The key lacks a role (or clearance/store) this request needs',
  404: 'Unknown id',
  409: 'Conflict: wrong workflow step, or the same Idempotency-Key is still in progress',
  410: 'Gone',
  412: 'Stale If-Match version',
  413: 'Body larger than the limit (1 MiB)',
  415: 'Body is not application/json',
  422: 'A business rule refused the request (`rule` names it), or an Idempotency-Key reused with a different body',
  429: 'Rate limit of the key exceeded; see Retry-After',
  500: 'Internal error',
  503: 'A domain service, the broker or the database is unavailable',
  504: 'A domain service did not answer in time',
};

/** Documents the problem+json answers a route can give (GW-1, GW-5). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...[...new Set(statuses)].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** What every authenticated route can answer besides its own errors. */
export const AUTHENTICATED_PROBLEMS = [401, 403, 429, 500, 503, 504];
/** What every route with a JSON body can answer on top. */
export const BODY_PROBLEMS = [400, 413, 415];
