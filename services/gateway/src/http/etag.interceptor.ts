import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { etagOf } from './if-match';

/**
 * CUS-1: every answer that carries a numeric `version` (replays included) sends it as a weak ETag,
 * the value a PATCH sends back as If-Match. The OpenAPI document declares the header on exactly
 * these answers (openapi.ts).
 */
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('ETag', etagOf(version));
      }),
    );
  }
}
