import { GatewayException } from './gateway.exception';
import { accessPurpose } from './access-purpose';

/** How Node hands a header's UTF-8 bytes to the application: one latin1 character per byte. */
const onTheWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('accessPurpose (CUS-7)', () => {
  it('decodes UTF-8 sent as header bytes', () => {
    expect(accessPurpose(onTheWire('年度审查'))).toBe('年度审查');
    expect(accessPurpose(onTheWire('  annual review  '))).toBe('annual review');
  });

  it('counts the 200-character limit in characters, not bytes', () => {
    expect(accessPurpose(onTheWire('审'.repeat(200)))).toBe('审'.repeat(200));
    expect(() => accessPurpose(onTheWire('审'.repeat(201)))).toThrow(GatewayException);
    expect(() => accessPurpose('x'.repeat(201))).toThrow(/at most 200 characters/);
  });

  it('refuses bytes that are not UTF-8, and a missing or blank purpose', () => {
    expect(() => accessPurpose('caf\u00e9')).toThrow(/UTF-8/);
    expect(() => accessPurpose(undefined)).toThrow(/required/);
    expect(() => accessPurpose('   ')).toThrow(/required/);
  });
});
