import { GatewayException } from './gateway.exception';
import { etagOf, parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"3"', 3],
    [' 12 ', 12],
    ['W/"0"', 0],
    [['"7"', '"8"'], 7],
  ])('reads %j as %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([undefined, '', '   '])('refuses a missing header (%j) naming If-Match', (header) => {
    try {
      parseIfMatch(header);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayException);
      expect((error as GatewayException).errors).toEqual([{ field: 'If-Match', message: expect.stringContaining('required') }]);
    }
  });

  it.each(['*', '"3', '3"', 'W/3x', 'abc', '-1', '1.5', '"1", "2"', 'w/"3"', '1234567890123456'])('refuses %j', (header) => {
    expect(() => parseIfMatch(header)).toThrow(GatewayException);
  });

  it('round-trips with etagOf', () => {
    expect(parseIfMatch(etagOf(42))).toBe(42);
  });
});
