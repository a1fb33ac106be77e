import { HttpException } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/**
 * GW-5 for what Fastify's router refuses before any hook or Nest runs — a malformed URL
 * (FST_ERR_BAD_URL, 400), a route parameter over the router's limit (FST_ERR_MAX_PARAM_LENGTH,
 * 414): problem details with the request id, like every other error. (Passed as the adapter's
 * `frameworkErrors`; it replaces Nest's, whose only extra is the built-in security hook the
 * gateway does not use.)
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const requestId = typeof request.id === 'string' && request.id ? request.id : requestIdFrom(undefined);
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  const problem = toProblem(new HttpException(error.message, status, { cause: error }), requestId);
  void reply
    .status(problem.status)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .header(REQUEST_ID_HEADER, requestId)
    .send(JSON.stringify(problem.body));
}
