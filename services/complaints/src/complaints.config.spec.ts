import { ConfigError } from '@crm/config';
import { loadComplaintsConfig } from './complaints.config';

/** OPS-2 for CMP-9's per kind/category/severity deadlines: read at start, refused naming the variable. */
describe('complaints configuration: COMPLAINT_SLA_OVERRIDES', () => {
  it('reads the overrides', () => {
    const config = loadComplaintsConfig({ COMPLAINT_SLA_OVERRIDES: '[{"when":{"severity":"major"},"set":{"resolutionDays":1}}]' });
    expect(config.complaints.slaOverrides).toEqual([{ when: { severity: 'major' }, set: { resolutionDays: 1 } }]);
    expect(loadComplaintsConfig({}).complaints.slaOverrides).toEqual([]);
  });

  it('refuses a wrong override at start, naming the variable and the entry', () => {
    const load = () => loadComplaintsConfig({ COMPLAINT_SLA_OVERRIDES: '[{"when":{"severity":"huge"},"set":{"resolutionDays":1}}]' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/COMPLAINT_SLA_OVERRIDES.*entry 0: when.severity must be one of general, major/);
  });
});

/** OPS-2 for SRV-5's on-site cash limit. */
describe('complaints configuration: SERVICE_CASH_LIMIT_FEN', () => {
  it('defaults to 500.00 CNY and reads a configured limit', () => {
    expect(loadComplaintsConfig({}).complaints.serviceCashLimitFen).toBe(50_000);
    expect(loadComplaintsConfig({ SERVICE_CASH_LIMIT_FEN: '80000' }).complaints.serviceCashLimitFen).toBe(80_000);
  });

  it('refuses a limit that is not a whole number of fen, naming the variable', () => {
    expect(() => loadComplaintsConfig({ SERVICE_CASH_LIMIT_FEN: '500.00' })).toThrow(/SERVICE_CASH_LIMIT_FEN/);
    expect(() => loadComplaintsConfig({ SERVICE_CASH_LIMIT_FEN: '-1' })).toThrow(/SERVICE_CASH_LIMIT_FEN/);
  });
});
