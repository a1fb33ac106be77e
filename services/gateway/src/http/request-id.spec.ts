import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a sane caller id', () => {
    expect(requestIdFrom('order-42/abc')).toBe('order-42/abc');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it.each([undefined, '', ' ', 'has space', 'x'.repeat(201), 'tab\there', 'naïve', 'line\nbreak'])('replaces %j with a UUID', (header) => {
    expect(requestIdFrom(header)).toMatch(UUID);
  });

  it('accepts exactly 200 characters', () => {
    expect(requestIdFrom('a'.repeat(200))).toBe('a'.repeat(200));
  });
});
