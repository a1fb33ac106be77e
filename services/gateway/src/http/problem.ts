import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import {
  DomainException,
  ErrorKind,
  PROBLEM_TYPE_BASE,
  type ProblemDetails,
  RemoteException,
  httpStatusOf,
  problemFromPayload,
  publicPayload,
  titleOf,
} from '@crm/errors';
import { isTransientDatabaseError } from '@crm/persistence';
import { GatewayException } from './gateway.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export type ProblemBody = ProblemDetails & Record<string, unknown>;

export interface ProblemResponse {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
  /** A fault of ours (500): logged with its stack. */
  unexpected: boolean;
}

/** A complete problem answered again as it was first sent (GW-6 replay of a refusal). */
export class StoredProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
  ) {
    super(String(body.detail ?? 'stored problem'));
    this.name = 'StoredProblem';
  }
}

const KIND_BY_STATUS = new Map<number, ErrorKind>(Object.values(ErrorKind).map((kind) => [httpStatusOf(kind), kind]));

/**
 * GW-5: the one mapping from anything thrown to RFC 9457 problem details. Remote errors keep the
 * domain service's kind, code, rule and field errors (`httpStatusOf` decides the status);
 * framework errors (unknown route, malformed JSON, 413, 415) keep their status.
 */
export function toProblem(exception: unknown, requestId: string, instance?: string): ProblemResponse {
  const finish = (
    problem: ProblemDetails,
    headers: Record<string, string> = {},
    extensions: Record<string, unknown> = {},
    unexpected = false,
  ) => ({
    status: problem.status,
    body: { ...problem, ...extensions, ...(instance ? { instance } : {}), requestId } as ProblemBody,
    headers,
    unexpected,
  });

  if (exception instanceof StoredProblem) {
    return { status: exception.status, body: { ...exception.body, requestId }, headers: {}, unexpected: false };
  }
  if (exception instanceof RemoteException) {
    const kind = Object.values(ErrorKind).includes(exception.payload.kind) ? exception.payload.kind : ErrorKind.Internal;
    // GW-5: a service's internal error is only "Internal error" here, and no stack or SQL rides on a refusal.
    const payload = publicPayload({ ...exception.payload, kind });
    return finish(problemFromPayload(payload), {}, extensionsOf(payload), kind === ErrorKind.Internal);
  }
  if (exception instanceof GatewayException) {
    return finish(problemFromPayload(exception.toPayload()), exception.headers, exception.extensions);
  }
  if (exception instanceof DomainException) {
    return finish(problemFromPayload(exception.toPayload()), {}, {}, exception.kind === ErrorKind.Internal);
  }
  if (exception instanceof HttpException) {
    return finish(fromHttpException(exception), {}, {}, exception.getStatus() >= 500);
  }
  if (isTransientDatabaseError(exception)) {
    // GW-4: a database that is down is a 503 the caller may retry, not a 500.
    return finish(
      problemFromPayload({
        kind: ErrorKind.Unavailable,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The gateway database is unavailable; try again shortly',
      }),
      {
        'Retry-After': '1',
      },
    );
  }
  return finish(problemFromPayload({ kind: ErrorKind.Internal, code: 'INTERNAL_ERROR', message: 'Internal error' }), {}, {}, true);
}

const PAYLOAD_MEMBERS = new Set(['kind', 'code', 'message', 'rule', 'errors']);
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId']);

/** Extra members of a remote error (e.g. CUS-9's `tombstone` on 410) travel on as RFC 9457 extensions. */
function extensionsOf(payload: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([name]) => !PAYLOAD_MEMBERS.has(name) && !PROBLEM_MEMBERS.has(name)));
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const kind = KIND_BY_STATUS.get(status);
  const title = kind ? titleOf(kind) : (STATUS_CODES[status] ?? 'Error');
  const slug = kind ? kind.replace(/_/g, '-') : title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    type: `${PROBLEM_TYPE_BASE}${slug}`,
    title,
    status,
    detail: status >= 500 ? 'Internal error' : messageOf(exception),
    code: (kind ?? title).toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
  };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
