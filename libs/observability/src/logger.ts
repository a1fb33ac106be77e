import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, Logger } from 'pino';
import { currentContext } from './request-context';

/**
 * What the logger censors wherever it appears (STYLE rule 9, LOY-10, issue 11): credentials (API
 * keys, the admin key, passwords and URLs that carry them) and the members a database error drags
 * along with the values of the failed statement — `parameters` (names, phones of the row) and the
 * driver's `detail` ("Key (phone)=(…) already exists").
 */
export const REDACTED_PATHS = [
  '*.authorization',
  '*.Authorization',
  '*["x-api-key"]',
  'req.headers.authorization',
  'headers.authorization',
  'req.headers["x-api-key"]',
  'headers["x-api-key"]',
  '*.phone',
  '*.password',
  '*.key',
  '*.apiKey',
  '*.adminKey',
  '*.secret',
  '*.token',
  '*.databaseUrl',
  '*.amqpUrl',
  'databaseUrl',
  'amqpUrl',
  '*.parameters',
  '*.driverError.detail',
  '*.driverError.parameters',
  'err.detail',
  'error.detail',
];

/**
 * Structured JSON logs (OPS-1) with the current correlation id on every line. Personal data
 * (phones, names, birthdays) is never passed to the logger (LOY-10); the redaction list is a
 * second line of defence for the fields most likely to slip through. `destination` is for tests.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Routes Nest's own log calls into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }

  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}
