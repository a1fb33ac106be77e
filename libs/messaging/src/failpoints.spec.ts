import { parseFailpoints } from './failpoints';

describe('CRM_FAILPOINT (fault suite)', () => {
  it('reads points per message type', () => {
    const points = parseFailpoints('before-commit:loyalty.purchase.record, after-commit:customers.register,after-commit:x.y');
    expect([...(points.get('before-commit') ?? [])]).toEqual(['loyalty.purchase.record']);
    expect([...(points.get('after-commit') ?? [])]).toEqual(['customers.register', 'x.y']);
  });

  it('is off when unset', () => {
    expect(parseFailpoints(undefined).size).toBe(0);
    expect(parseFailpoints('').size).toBe(0);
  });

  it.each(['crash:customers.register', 'before-commit', 'after-commit:', 'customers.register'])('refuses "%s"', (value) => {
    expect(() => parseFailpoints(value)).toThrow(/CRM_FAILPOINT/);
  });
});
