import { GatewayException } from './gateway.exception';

export const MAX_PURPOSE_CHARACTERS = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * CUS-7: the `X-Access-Purpose` of a full read. Node hands header bytes over as latin1; callers
 * send UTF-8 (年度审查), so the bytes are decoded again as UTF-8 — bytes that are not UTF-8 are
 * refused (400) rather than recorded as mojibake. Required; at most 200 characters (code points).
 */
export function accessPurpose(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let decoded = raw ?? '';
  if (!/[^\x00-\xff]/.test(decoded)) {
    try {
      decoded = utf8.decode(Buffer.from(decoded, 'latin1'));
    } catch {
      throw GatewayException.invalidHeader('X-Access-Purpose', 'must be UTF-8 text');
    }
  }
  const purpose = decoded.trim();
  if (!purpose) throw GatewayException.invalidHeader('X-Access-Purpose', 'is required to read a full archive (CUS-7)');
  if ([...purpose].length > MAX_PURPOSE_CHARACTERS) {
    throw GatewayException.invalidHeader('X-Access-Purpose', `must be at most ${MAX_PURPOSE_CHARACTERS} characters`);
  }
  return purpose;
}
