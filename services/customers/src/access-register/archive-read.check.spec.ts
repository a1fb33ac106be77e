import { ErrorKind } from '@crm/errors';
import { requirePurpose } from './archive-read.check';

/** CUS-7: a full read needs a purpose. */
describe('requirePurpose', () => {
  it.each([undefined, '', '   ', '\t\n'])('refuses %p as invalid, naming CUS-7', (purpose) => {
    expect(() => requirePurpose(purpose)).toThrow(
      expect.objectContaining({ kind: ErrorKind.Invalid, rule: 'CUS-7', code: 'CUSTOMER_PURPOSE_REQUIRED' }),
    );
  });

  it('keeps a valid purpose literally (its length is for the contract to check)', () => {
    expect(requirePurpose(' annual review ')).toBe(' annual review ');
  });
});
