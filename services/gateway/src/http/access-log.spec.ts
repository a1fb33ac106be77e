import { loggablePath } from './access-log';

describe('loggablePath (issue 11: no personal data in the access log)', () => {
  const id = '54ec1f87-c592-4a42-bc01-3967b6cae318';

  it('keeps ids, card numbers and periods in the parameters of a matched route', () => {
    expect(loggablePath(`/api/v1/customers/${id}/approve`, '/api/v1/customers/:id/approve')).toBe(`/api/v1/customers/${id}/approve`);
    expect(loggablePath('/api/v1/loyalty/cards/6200000000000003/ledger?limit=5', '/api/v1/loyalty/cards/:cardNumber/ledger')).toBe(
      '/api/v1/loyalty/cards/6200000000000003/ledger',
    );
    expect(loggablePath(`/api/v1/customers/${id}/sales-figures/2026-10`, '/api/v1/customers/:id/sales-figures/:period')).toBe(
      `/api/v1/customers/${id}/sales-figures/2026-10`,
    );
  });

  it('masks a parameter that is not one of our ids: a tax number, a phone, a name', () => {
    for (const typed of ['310115198804127715', '13924681357', 'Zhuge%20Kongming', 'zhuge'])
      expect(loggablePath(`/api/v1/customers/${typed}`, '/api/v1/customers/:id')).toBe('/api/v1/customers/[masked]');
  });

  it('masks what is neither a route word nor an id in an unmatched path, and malformed escapes', () => {
    expect(loggablePath(`/api/v1/customers/${id}/13924681357/Zhuge`, undefined)).toBe(`/api/v1/customers/${id}/[masked]/[masked]`);
    expect(loggablePath('/api/v1/no-such-thing/%E0%A4%A', undefined)).toBe('/api/v1/no-such-thing/[masked]');
  });
});
