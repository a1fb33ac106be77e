/**
 * Whether a database error may succeed if simply tried again later (server down, restarting,
 * connection lost, serialization conflict). Consumers back off on these instead of dead-lettering.
 */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'the database system is starting up',
  'the database system is shutting down',
  'terminating connection',
  'Query read timeout',
];
/**
 * TypeORM 1.x, when the server ends the connection mid-transaction (found by the fault suite,
 * scenario 3): the query runner lost its connection and was released under the handler's remaining
 * queries, or under its COMMIT — which then was never sent, so nothing committed.
 */
const TRANSIENT_ERROR_NAMES = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isTransientDatabaseError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof candidate.name === 'string' && TRANSIENT_ERROR_NAMES.has(candidate.name)) return true;
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
  if (TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  if (TRANSIENT_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  return isTransientDatabaseError(candidate.driverError) || isTransientDatabaseError(candidate.cause);
}
