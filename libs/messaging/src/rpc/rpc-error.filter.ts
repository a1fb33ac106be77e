import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter flattens every error to "Internal server error". This one hands the
 * original error to the transport untouched, which maps it once (`toErrorPayload`). On a domain
 * service's small HTTP port (health, metrics) it answers a plain JSON status.
 */
@Catch()
export class PassThroughRpcFilter implements ExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const body = exception instanceof HttpException ? exception.getResponse() : { status: 'error' };
    const reply = host.switchToHttp().getResponse<{ status(code: number): { send(body: unknown): void } }>();
    reply.status(status).send(body);
  }
}
