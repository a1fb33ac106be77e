import { SetMetadata } from '@nestjs/common';

export const SKIP_IDEMPOTENCY_KEY = 'gateway:skip-idempotency';

/** A POST whose answer must not be stored (it holds a secret); the header is then ignored. */
export function SkipIdempotency(): MethodDecorator {
  return SetMetadata(SKIP_IDEMPOTENCY_KEY, true);
}
