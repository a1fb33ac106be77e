import { decodeCursor, encodeCursor, toPage } from './page-cursor';
import { likeContains, pageLimit } from './page-limit';

/** API.md "Lists": opaque cursors, limit default 50 / max 200, nextCursor null on the last page. */
describe('page cursor', () => {
  it('round-trips a position and is opaque (not the bare number)', () => {
    const cursor = encodeCursor('12345');
    expect(cursor).not.toContain('12345');
    expect(decodeCursor(cursor)).toBe('12345');
  });

  it.each([
    '',
    'abc',
    '!!!',
    Buffer.from('v1:0').toString('base64url'),
    Buffer.from('v1:-3').toString('base64url'),
    Buffer.from('v2:5').toString('base64url'),
    Buffer.from('v1:5 OR 1=1').toString('base64url'),
    'x'.repeat(65),
  ])('rejects %p', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('answers a next cursor only when a row beyond the page exists', () => {
    const rows = [{ seq: '9' }, { seq: '7' }, { seq: '4' }];
    expect(toPage(rows, 2, (row) => row.seq)).toEqual({ items: ['9', '7'], nextCursor: encodeCursor('7') });
    expect(toPage(rows, 3, (row) => row.seq)).toEqual({ items: ['9', '7', '4'], nextCursor: null });
    expect(toPage([], 3, (row: { seq: string }) => row.seq)).toEqual({ items: [], nextCursor: null });
  });
});

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
