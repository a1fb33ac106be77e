import { likeContains, pageLimit } from './page-limit';

/** API.md "Lists": limit default 50 / max 200 (the cursors themselves are tested in libs/persistence). */
describe('page limit', () => {
  it('defaults to 50 and accepts 1..200 only', () => {
    expect(pageLimit(undefined)).toBe(50);
    expect(pageLimit(1)).toBe(1);
    expect(pageLimit(200)).toBe(200);
    for (const bad of [0, 201, -1, 2.5]) expect(pageLimit(bad)).toBeNull();
  });
});

describe('likeContains', () => {
  it('escapes LIKE wildcards and the escape character so q matches literally', () => {
    expect(likeContains('abc')).toBe('%abc%');
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
