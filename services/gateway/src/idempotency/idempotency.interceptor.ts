import { type CallHandler, type ExecutionContext, HttpStatus, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { type Observable, catchError, from, mergeMap, of, switchMap } from 'rxjs';
import { currentContext } from '@crm/observability';
import type { AuthenticatedRequest } from '../auth/current-caller.decorator';
import { LOGGER } from '../gateway.tokens';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { StoredProblem, toProblem } from '../http/problem';
import { resourceIdOf, settlementOf } from './idempotency-outcome';
import { IdempotencyStore } from './idempotency.store';
import { SKIP_IDEMPOTENCY_KEY } from './idempotent.decorator';
import { IDEMPOTENCY_KEY_HEADER, isSaneIdempotencyKey, requestHash } from './request-hash';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * GW-6 on every POST with an `Idempotency-Key`: the first request claims the key; a replay gets
 * the first answer (same status and body); the same key with another body is 422; while the
 * first is still running, 409. Only final answers are kept — a success or a domain service's
 * refusal. A failure where nothing can have run (validation, broker down before publishing)
 * frees the key; after a 504 or any other failure where the command may have run, the record
 * stays in progress until its lock expires (`settlementOf`); the retry then sends the same command
 * ids (`command-id.ts`), so a command that did run is answered, not applied again. Each record notes the resource it
 * is about (`resourceIdOf`) so that CUS-9 destruction can forget it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    const caller = request.caller;
    if (request.method !== 'POST' || header === undefined || !caller) return next.handle();
    if (this.reflector.get<boolean>(SKIP_IDEMPOTENCY_KEY, context.getHandler())) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!isSaneIdempotencyKey(key)) {
      throw GatewayException.invalidHeader('Idempotency-Key', 'must be 1 to 200 printable characters without spaces');
    }
    const hash = requestHash(request.method, request.url, request.body);
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.store.claim(caller.keyId, key, hash)).pipe(
      switchMap((claim) => {
        switch (claim.type) {
          case 'mismatch':
            throw new GatewayException(GatewayErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used with a different request', {
              rule: 'GW-6',
            });
          case 'in_progress':
            throw new GatewayException(GatewayErrorCode.IdempotencyInProgress, 'A request with this Idempotency-Key is still in progress', {
              rule: 'GW-6',
            });
          case 'replay':
            void reply.header(REPLAYED_HEADER, 'true');
            if (claim.status >= 400) throw new StoredProblem(claim.status, claim.body as StoredProblem['body']);
            return of(claim.body);
          case 'started': {
            // The commands this request sends carry ids derived from the record's seed (DomainClient): a
            // retry after an unknown outcome sends the same ones, which the service answers from its
            // command inbox instead of applying them twice (GW-6).
            const requestContext = currentContext();
            if (requestContext) requestContext.idempotencySeed = claim.commandSeed;
            return this.runAndRecord(next, caller.keyId, key, successStatus, request.id, request.params, claim.fresh);
          }
        }
      }),
    );
  }

  private runAndRecord(
    next: CallHandler,
    keyId: string,
    key: string,
    status: number,
    requestId: string,
    params: unknown,
    fresh: boolean,
  ): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.store.complete(keyId, key, status, body, resourceIdOf(body, params)).catch((error: Error) => {
          // The effect is committed; the caller is told so. A retry after the lock elapses sends the same
          // command id again, which the service answers from its command inbox.
          this.logger.warn({ err: error.message }, 'could not record idempotent response');
        });
        return body;
      }),
      catchError(async (error: unknown) => {
        const problem = toProblem(error, requestId);
        const settlement = settlementOf(error, problem.status);
        if (settlement === 'keep') {
          // GW-6/GW-4: the command may still commit; a retry is 409 until the lock expires.
          this.logger.info({ requestId, status: problem.status }, 'idempotency record kept in progress until its lock expires');
          throw error;
        }
        const record =
          settlement === 'store'
            ? this.store.complete(keyId, key, problem.status, { ...problem.body, requestId: undefined }, resourceIdOf(undefined, params))
            : this.store.release(keyId, key, fresh);
        await record.catch((storeError: Error) => this.logger.warn({ err: storeError.message }, 'could not update idempotency record'));
        throw error;
      }),
    );
  }
}
