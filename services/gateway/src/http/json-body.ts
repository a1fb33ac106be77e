import type { FastifyInstance } from 'fastify';
import { LIMITS } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { GatewayErrorCode, GatewayException } from './gateway.exception';

/** Deeper JSON is refused (400): no request body of the API nests beyond a few levels. */
export const MAX_JSON_DEPTH = 32;
/**
 * Longer lists are refused (400) before validation: no list of the API takes more than
 * `LIMITS.list` items, and class-validator would otherwise check every item of a 200 KB body of
 * 100,000 and answer with 100,000 errors — seconds of CPU and megabytes of answer (issue 11).
 */
export const MAX_JSON_ITEMS = LIMITS.list;
/** Objects with more members are refused (400) for the same reason: no contract has 100 fields. */
export const MAX_JSON_MEMBERS = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not enter the system: NUL (PostgreSQL refuses it) or not well-formed UTF-16. */
function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (no lone surrogates)';
  return null;
}

/**
 * GW-5: the first problem of a parsed JSON body, if any — nesting deeper than 32 levels, a list
 * of more than 100 items, an object of more than 100 members, or a
 * string (value or member name) with NUL or a lone surrogate — named by its path (`contacts.0.name`).
 * Walks with its own stack, so no body can exhaust the call stack.
 */
export function inspectJson(value: unknown): FieldError | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  const name = (path: string) => path || 'body';
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = stringProblem(item.value);
      if (problem) return { field: name(item.path), message: `${name(item.path)} ${problem}` };
      continue;
    }
    if (!item.value || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > MAX_JSON_DEPTH) {
      return { field: name(item.path), message: `the body must not nest deeper than ${MAX_JSON_DEPTH} levels` };
    }
    const entries = Object.entries(item.value);
    if (Array.isArray(item.value) && entries.length > MAX_JSON_ITEMS) {
      return { field: name(item.path), message: `${name(item.path)} must not have more than ${MAX_JSON_ITEMS} items` };
    }
    if (!Array.isArray(item.value) && entries.length > MAX_JSON_MEMBERS) {
      return { field: name(item.path), message: `${name(item.path)} must not have more than ${MAX_JSON_MEMBERS} members` };
    }
    for (const [key, child] of entries) {
      const path = item.path ? `${item.path}.${key}` : key;
      const keyProblem = stringProblem(key);
      if (keyProblem) return { field: name(item.path), message: `member names ${keyProblem}` };
      stack.push({ value: child, depth, path });
    }
  }
  return null;
}

/**
 * Replaces Fastify's `application/json` parser: Fastify's own secure parser (prototype poisoning
 * refused), then `inspectJson` (400 naming the problem). The body limit stays Fastify's (413).
 * An empty body is `{}`, so commands without a body (`/approve`) accept
 * `Content-Type: application/json` with nothing after it; where a body is required, validation
 * then names the missing fields.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  const secureParse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    if (body === '') {
      done(null, {});
      return;
    }
    secureParse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) {
        done(error);
        return;
      }
      const problem = inspectJson(value);
      if (problem) {
        done(new GatewayException(GatewayErrorCode.InvalidBody, `The JSON body is refused: ${problem.message}`, { errors: [problem] }));
        return;
      }
      done(null, value);
    });
  });
}
