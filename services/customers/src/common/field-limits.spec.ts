import { maxLength } from 'class-validator';
import { PHONE_PATTERN, characterCount, isPhone, isWellFormed, truncateCharacters, unstorableStringErrors } from './field-limits';

const SCRIPT_X = '\u{1D4B3}'; // 𝒳: one character, two UTF-16 units

describe('characterCount', () => {
  it('counts characters (code points), not UTF-16 units', () => {
    expect(characterCount(SCRIPT_X.repeat(150))).toBe(150);
    expect(SCRIPT_X.repeat(150).length).toBe(300);
    expect(characterCount('测试 abc')).toBe(6);
    expect(characterCount('a\uD800b')).toBe(3); // a lone surrogate is one (unstorable) character
  });

  it('equals [...s].length (code points), as PostgreSQL counts varchar(n)', () => {
    for (const value of ['', 'abc', `${SCRIPT_X}x${SCRIPT_X}`, '\u2764\uFE0F', '\u{1F600}\uFE0F', 'e\u0301', '\uDC00\uD800']) {
      expect(characterCount(value)).toBe([...value].length);
    }
  });

  it.each([
    ['ascii', 'x'],
    ['astral', SCRIPT_X],
    ['CJK', '测'],
    ['combining mark', 'e\u0301'],
  ])('agrees with the gateway (class-validator MaxLength) on the limit boundary: %s', (_case, unit) => {
    for (const max of [1, 200, 10_000]) {
      for (const repeat of [max - 1, max, max + 1]) {
        const value = unit.repeat(Math.max(repeat, 0));
        expect(characterCount(value) <= max).toBe(maxLength(value, max));
      }
    }
  });

  it('counts a presentation selector, which class-validator skips (documented difference)', () => {
    const heart = '\u2764\uFE0F';
    expect(characterCount(heart.repeat(100))).toBe(200);
    expect(characterCount(heart.repeat(101))).toBe(202);
    expect(maxLength(heart.repeat(101), 200)).toBe(true);
  });
});

describe('truncateCharacters', () => {
  it('cuts by characters and never splits a surrogate pair', () => {
    expect(truncateCharacters(SCRIPT_X.repeat(201), 200)).toBe(SCRIPT_X.repeat(200));
    expect(truncateCharacters('short', 200)).toBe('short');
    expect(isWellFormed(truncateCharacters(`a${SCRIPT_X}`, 1))).toBe(true);
  });
});

describe('isWellFormed', () => {
  it.each(['', 'plain', SCRIPT_X, 'a\uD800b', 'a\uDC00b', '\uD800', '\uDC00\uD800', `${SCRIPT_X}\uD800`, '\uD800\uD800\uDC00'])(
    'matches String.prototype.isWellFormed for %j',
    (value) => {
      const native = (value as unknown as { isWellFormed(): boolean }).isWellFormed();
      expect(isWellFormed(value)).toBe(native);
    },
  );
});

describe('unstorableStringErrors', () => {
  it('names every NUL-bearing or ill-formed string, nested ones included', () => {
    expect(
      unstorableStringErrors({
        name: 'a\uD800b',
        notes: 'x\u0000',
        contacts: [{ name: 'ok' }, { name: 'b\uDC00' }],
        businessStatus: { cooperationAttitude: '\uD83D' },
        fine: SCRIPT_X,
      }).map((error) => error.field),
    ).toEqual(['name', 'notes', 'contacts.1.name', 'businessStatus.cooperationAttitude']);
    expect(unstorableStringErrors('a\uD800b', 'reason')).toEqual([{ field: 'reason', message: expect.stringContaining('well-formed') }]);
    expect(unstorableStringErrors(`${SCRIPT_X} 测试`, 'reason')).toEqual([]);
  });
});

describe('phone rule (README "Phone numbers")', () => {
  it.each(['12345', '+86 571 8888 1234', '(010) 6552-9988', '+1 (555) 123-4567', '13800138000', '+12345678901234567890'.slice(0, 20)])(
    'accepts %j',
    (phone) => expect(isPhone(phone)).toBe(true),
  );

  it.each([
    ['only pluses', '+++++'],
    ['a + after the start', '12+345'],
    ['two leading +', '++12345'],
    ['fewer than 5 digits', '(12) 34'],
    ['fewer than 5 characters', '1234'],
    ['more than 20 characters', '1'.repeat(21)],
    ['letters', '12345 ext 6'],
    ['dots', '010.6552.9988'],
    ['full-width digits', '１２３４５'],
    ['a trailing newline', '12345\n'],
    ['not a string', 12345],
  ])('refuses %s', (_case, phone) => expect(isPhone(phone)).toBe(false));

  it('is one regex the DTO uses as well', () => {
    expect(PHONE_PATTERN.test('+++++')).toBe(false);
    expect(PHONE_PATTERN.test('(010) 6552-9988')).toBe(true);
  });
});
