import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * GW-5: the gateway's one exception filter. Every error — thrown by a guard, pipe, handler,
 * a domain service over RPC, or by Fastify itself (malformed JSON, 413, 415, unknown route) —
 * leaves as `application/problem+json` carrying the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter<unknown> {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = typeof request?.id === 'string' && request.id ? request.id : requestIdFrom(undefined);
    const path = request?.url?.split('?')[0];
    const problem = toProblem(exception, requestId, path);
    if (problem.unexpected) {
      this.logger.error({ err: exception, requestId, path }, 'unexpected error');
    }
    if (reply.sent) return;
    reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).header(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
    void reply.send(JSON.stringify(problem.body));
  }
}
