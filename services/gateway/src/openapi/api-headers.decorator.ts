import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';

/** Documents `X-Request-Id` (accepted and echoed on every response). */
export function ApiRequestId(): ClassDecorator & MethodDecorator {
  return ApiHeader({
    name: 'X-Request-Id',
    required: false,
    description: 'Correlation id (≤ 200 printable characters); generated when absent or malformed; echoed on the response',
  });
}

/** GW-6: every POST accepts `Idempotency-Key`. */
export function ApiIdempotencyKey(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'GW-6: a replay returns the first answer (header Idempotent-Replayed: true); the same key with another body is 422, while the first is still running 409',
    }),
    ApiProblems(409, 422),
  );
}

/** PATCH: `If-Match` with the version read (API.md). */
export function ApiIfMatch(): MethodDecorator {
  return ApiHeader({ name: 'If-Match', required: true, description: 'The version you read: 3, "3" or W/"3"; stale → 412' });
}
