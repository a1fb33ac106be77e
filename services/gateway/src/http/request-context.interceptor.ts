import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runInContext } from '@crm/observability';
import type { AuthenticatedRequest } from '../auth/current-caller.decorator';

/**
 * Runs the handler inside the request's context: the correlation id (`X-Request-Id`) and the
 * caller reach the logger and every RPC without being passed by hand.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return new Observable((subscriber) =>
      runInContext({ correlationId: request.id, caller: request.caller }, () => next.handle().subscribe(subscriber)),
    );
  }
}
