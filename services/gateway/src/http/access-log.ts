import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { metrics } from '@crm/observability';
import type { AuthenticatedRequest } from '../auth/current-caller.decorator';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Fastify hooks around every request, including the ones Nest never sees (docs, 404, body
 * errors): echo `X-Request-Id`, then one JSON access-log line and one metrics sample (OPS-1).
 * Never logged: the Authorization header, bodies, query strings (they may hold names, CUS-6).
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
      path: request.url.split('?')[0],
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
