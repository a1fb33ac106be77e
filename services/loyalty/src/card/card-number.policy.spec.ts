import { isValidCardNumber, luhnCheckDigit, newCardNumber } from './card-number.policy';

describe('LOY-2 card numbers', () => {
  it('computes the Luhn check digit of known numbers', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // the textbook example
    expect(luhnCheckDigit('453201511283036')).toBe(6); // a Visa test number 4532015112830366
    expect(isValidCardNumber('4532015112830366')).toBe(true);
    expect(isValidCardNumber('0000000000000000')).toBe(true);
  });

  it('refuses a wrong check digit, a swap of neighbours and anything but 16 digits', () => {
    expect(isValidCardNumber('4532015112830367')).toBe(false);
    expect(isValidCardNumber('5432015112830366')).toBe(false);
    expect(isValidCardNumber('453201511283036')).toBe(false);
    expect(isValidCardNumber('45320151128303666')).toBe(false);
    expect(isValidCardNumber('453201511283036a')).toBe(false);
  });

  it('issues 16 digits with a valid check digit from the random source', () => {
    for (let i = 0; i < 1000; i++) expect(isValidCardNumber(newCardNumber())).toBe(true);
    const draws = [12345, 67890, 11111];
    expect(newCardNumber(() => draws.shift()!)).toBe(`123456789011111${luhnCheckDigit('123456789011111')}`);
  });

  it('is not sequential: a thousand numbers are distinct and not in order', () => {
    const numbers = Array.from({ length: 1000 }, () => newCardNumber());
    expect(new Set(numbers).size).toBe(1000);
    const payloads = numbers.map((number) => Number(number.slice(0, 15)));
    const ascending = payloads.filter((value, index) => index > 0 && value === payloads[index - 1] + 1).length;
    expect(ascending).toBe(0);
    // Every leading digit occurs: the numbers spread over the whole space.
    expect(new Set(numbers.map((number) => number[0])).size).toBe(10);
  });
});
