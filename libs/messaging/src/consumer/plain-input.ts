import { createHash } from 'node:crypto';
import { PermanentFailure } from './dead-letter-reason';

/** inbox_messages.message_id is varchar(200); AMQP message ids longer than that are not used. */
const MAX_MESSAGE_ID = 200;

/** A plain JSON object (not an array, not a primitive): what a command body must be. */
export function parseJsonObject(content: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    throw new PermanentFailure('malformed JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new PermanentFailure('body is not a JSON object');
  return body as Record<string, unknown>;
}

/**
 * The id a plain message is deduplicated by: its AMQP `message_id` when it has a usable one, else
 * its natural key (`key:["S001","T-42"]`; hashed when it would not fit the inbox column). The
 * natural key is read from the validated body, so its fields are the contract's.
 */
export function plainMessageId(messageId: unknown, body: object, naturalKey: readonly string[]): string {
  if (typeof messageId === 'string' && messageId.length > 0 && messageId.length <= MAX_MESSAGE_ID) return messageId;
  const values = naturalKey.map((field) => (body as Record<string, unknown>)[field]);
  const usable = (value: unknown) =>
    (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value));
  if (naturalKey.length === 0 || !values.every(usable)) {
    throw new PermanentFailure(`no message_id and no natural key (${naturalKey.join(', ') || 'none declared'})`);
  }
  const key = `key:${JSON.stringify(values)}`;
  return key.length <= MAX_MESSAGE_ID ? key : `key:sha256:${createHash('sha256').update(key).digest('hex')}`;
}
