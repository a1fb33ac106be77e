import { GatewayException } from './gateway.exception';

/** API.md: `If-Match: 3`, `"3"` and `W/"3"` all mean version 3. */
const IF_MATCH = /^\s*(?:W\/)?("?)(\d{1,15})\1\s*$/;

/**
 * The version a PATCH expects (passed on as `expectedVersion`; a stale one is 412 from the
 * service). Missing or malformed → 400 naming the header.
 */
export function parseIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw GatewayException.invalidHeader('If-Match', 'is required: send the version you read, e.g. If-Match: "3"');
  }
  const match = IF_MATCH.exec(value);
  if (!match) throw GatewayException.invalidHeader('If-Match', 'must be a version: 3, "3" or W/"3"');
  return Number(match[2]);
}

/** The weak ETag of a versioned resource. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}
