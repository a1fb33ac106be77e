import { Customer } from '../customer.entity';
import { customerDestroyedEventData } from './customer-destroyed.event';
import { customerEventData } from './customer-lifecycle.event';

const customer = Object.assign(new Customer(), {
  id: 'c-1',
  code: 'C2026000001',
  type: 'dealer',
  name: 'Canal Dealers',
  status: 'active',
  confidentiality: 'top_secret',
  grade: 'A',
  creditRating: 'B',
  content: {
    contacts: [{ name: 'Zhang Min', email: 'z@example.cn' }],
    notes: 'private',
    creditInformation: { investigationSummary: 'ok' },
  },
  survey: { generalSurvey: 'g-survey', fieldSurvey: 'f-survey', submittedAt: 'x', submittedBy: { keyId: 's', name: 's' } },
  destructionApprovals: [{ role: 'archivist', by: { keyId: 'a', name: 'Archie' }, at: '2026-01-01T00:00:00Z' }],
  destroyedAt: new Date('2026-02-01T00:00:00Z'),
});

/** CUS-10: events carry summary fields only, whatever the archive's level. */
describe('customer event data', () => {
  it('is the summary and nothing else', () => {
    expect(customerEventData(customer)).toEqual({
      customerId: 'c-1',
      code: 'C2026000001',
      name: 'Canal Dealers',
      type: 'dealer',
      status: 'active',
      grade: 'A',
      creditRating: 'B',
      confidentiality: 'top_secret',
    });
    expect(JSON.stringify(customerEventData(customer, ['contacts']))).not.toMatch(/Zhang|private|survey|investigation/);
  });

  it('destroyed carries the tombstone without the name', () => {
    expect(customerDestroyedEventData(customer)).toEqual({
      customerId: 'c-1',
      code: 'C2026000001',
      destroyedAt: '2026-02-01T00:00:00.000Z',
      approvers: [{ role: 'archivist', keyId: 'a', at: '2026-01-01T00:00:00Z' }],
    });
  });
});
