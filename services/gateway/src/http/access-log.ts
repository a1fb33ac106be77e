import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { metrics } from '@crm/observability';
import type { AuthenticatedRequest } from '../auth/current-caller.decorator';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Fastify hooks around every request, including the ones Nest never sees (docs, 404, body
 * errors): echo `X-Request-Id`, then one JSON access-log line and one metrics sample (OPS-1).
 * Never logged: the Authorization header, bodies, query strings (they may hold names, CUS-6), and
 * path segments that are not ids (`loggablePath`).
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.observe({ method: request.method, route, status: String(status) }, seconds);
    const line = {
      method: request.method,
      route,
      path: loggablePath(request.url, request.routeOptions?.url),
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      requestId: request.id,
      keyName: (request as AuthenticatedRequest).caller?.name,
    };
    if (status >= 500) logger.warn(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}

/** Values a path parameter may show in a log line: our ids (UUIDs, LOY-2 card numbers) and periods. */
const LOGGABLE_VALUE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{16}|\d{4}-(?:\d{2}|Q[1-4]))$/i;
/** Segments of an unmatched path that look like route words (`customers`, `report-lost`, `v1`); a lower-case word is kept. */
const ROUTE_WORD = /^[a-z]+(?:-[a-z]+)*$|^v\d+$/;

/**
 * Issue 11, STYLE rule 9: the path as it may be logged. A caller can type anything where an id
 * belongs — a tax number, a phone, a name — so a parameter that is not one of our ids is masked,
 * and so is any segment of an unmatched path that is neither a route word nor an id.
 */
export function loggablePath(url: string, route: string | undefined): string {
  const segments = url.split('?')[0].split('/');
  const template = route?.split('/');
  const mask = (segment: string, index: number) => {
    let value = segment;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return '[masked]';
    }
    if (value === '' || LOGGABLE_VALUE.test(value)) return segment;
    if (template && template.length === segments.length) return template[index].startsWith(':') ? '[masked]' : segment;
    return ROUTE_WORD.test(value) ? segment : '[masked]';
  };
  return segments.map(mask).join('/');
}
