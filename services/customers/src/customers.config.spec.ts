import { loadCustomersConfig } from './customers.config';

describe('customers configuration (OPS-2, DEV-2 visit intervals)', () => {
  it('defaults to the SPEC intervals: A 30, B 60, C 90, D 180, ungraded 90 days', () => {
    expect(loadCustomersConfig({}).development.visitIntervalDays).toEqual({ A: 30, B: 60, C: 90, D: 180, none: 90 });
  });

  it('reads each interval from its variable', () => {
    const config = loadCustomersConfig({ VISIT_INTERVAL_DAYS_A: '14', VISIT_INTERVAL_DAYS_UNGRADED: '45' });
    expect(config.development.visitIntervalDays).toMatchObject({ A: 14, B: 60, none: 45 });
  });

  it('refuses a bad interval naming the variable', () => {
    expect(() => loadCustomersConfig({ VISIT_INTERVAL_DAYS_B: 'often' })).toThrow(/VISIT_INTERVAL_DAYS_B/);
    expect(() => loadCustomersConfig({ VISIT_INTERVAL_DAYS_D: '0' })).toThrow(/VISIT_INTERVAL_DAYS_D/);
  });
});
