import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { toErrorPayload } from './to-error-payload';

/**
 * Nest's default RPC filter flattens every error to "Internal server error". This one hands the
 * original error to the transport untouched, which maps it once (`toErrorPayload`).
 */
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

export { toErrorPayload };
