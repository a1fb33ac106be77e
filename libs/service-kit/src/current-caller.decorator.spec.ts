import { ErrorKind } from '@crm/errors';
import { requireCaller } from './current-caller.decorator';

describe('requireCaller', () => {
  it('refuses a command without a caller as unauthenticated', () => {
    expect(() => requireCaller(undefined)).toThrow(expect.objectContaining({ kind: ErrorKind.Unauthenticated }));
  });
});
