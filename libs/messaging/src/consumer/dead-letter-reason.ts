import type { ErrorPayload } from '@crm/errors';

/** A message no retry can fix: it goes to the dead-letter queue with this error's message as reason. */
export class PermanentFailure extends Error {}

/**
 * The `x-dead-letter-reason` of a failure: code and message, then each field error as
 * `field: message` so an operator sees what to fix without decoding the body. `fieldPrefix` says
 * where the validated object sits in the message (`data` of an event envelope).
 */
export function deadLetterReason(payload: ErrorPayload, fieldPrefix = ''): string {
  const fields = (payload.errors ?? []).map(
    ({ field, message }) => `${fieldPrefix && field ? `${fieldPrefix}.${field}` : fieldPrefix || field}: ${message}`,
  );
  return fields.length ? `${payload.code}: ${fields.join('; ')}` : `${payload.code}: ${payload.message}`;
}
