import { PageCursor, decodeCursor, encodeCursor, toPage } from './page-cursor';

/** API.md "Lists": opaque cursors, nextCursor null on the last page. */
describe('seq page cursor', () => {
  it('round-trips a position and is opaque (not the bare number)', () => {
    const cursor = encodeCursor('12345');
    expect(cursor).not.toContain('12345');
    expect(decodeCursor(cursor)).toBe('12345');
  });

  it('keeps the format of the cursors already handed out (v1:<seq>)', () => {
    expect(encodeCursor('42')).toBe(Buffer.from('v1:42').toString('base64url'));
    expect(decodeCursor(Buffer.from('v1:999999999999999999').toString('base64url'))).toBe('999999999999999999');
  });

  it.each([
    '',
    'abc',
    '!!!',
    Buffer.from('v1:0').toString('base64url'),
    Buffer.from('v1:-3').toString('base64url'),
    Buffer.from('v2:5').toString('base64url'),
    Buffer.from('v1:5 OR 1=1').toString('base64url'),
    Buffer.from('v1:5:6').toString('base64url'),
    Buffer.from('v1:1234567890123456789').toString('base64url'),
    'x'.repeat(200),
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

describe('PageCursor over several key fields', () => {
  const cursor = new PageCursor({ dueAt: 'timestamp', id: 'uuid', name: 'text' });
  const position = { dueAt: '2026-12-01T10:00:00.000Z', id: '0b7e4c52-8f1e-4f7a-9d0c-3a1f2b3c4d5e', name: 'a:b%c 𝒳' };

  it('round-trips every field, separators and non-ASCII included', () => {
    expect(cursor.decode(cursor.encode(position))).toEqual(position);
  });

  it('builds the next cursor from the last row of the page', () => {
    const rows = [position, { ...position, id: '1b7e4c52-8f1e-4f7a-9d0c-3a1f2b3c4d5e' }];
    const page = cursor.page(
      rows,
      1,
      (row) => row,
      (row) => row.id,
    );
    expect(page.items).toEqual([position.id]);
    expect(cursor.decode(page.nextCursor!)).toEqual(position);
  });

  it.each([
    ['a bad timestamp', { ...position, dueAt: '2026-13-45T10:00:00.000Z' }],
    ['a timestamp without milliseconds', { ...position, dueAt: '2026-12-01T10:00:00Z' }],
    ['an upper-case uuid', { ...position, id: position.id.toUpperCase() }],
    ['a NUL in text', { ...position, name: 'a\0b' }],
  ])('refuses %s', (_case, bad) => {
    expect(cursor.decode(cursor.encode(bad))).toBeNull();
  });

  it('refuses a cursor of another version or shape', () => {
    const other = new PageCursor({ dueAt: 'timestamp', id: 'uuid', name: 'text' }, 'v2');
    expect(cursor.decode(other.encode(position))).toBeNull();
    expect(cursor.decode(encodeCursor('5'))).toBeNull();
    expect(cursor.decode(Buffer.from('v1:%E0%A4%A:x:y').toString('base64url'))).toBeNull();
  });
});
