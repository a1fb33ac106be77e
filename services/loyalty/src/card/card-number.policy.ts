import { randomInt } from 'node:crypto';

/** LOY-2: the Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    // Doubling starts at the rightmost payload digit (the check digit will sit to its right).
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** LOY-2: 16 digits whose last is the Luhn check digit of the first 15. */
export function isValidCardNumber(number: string): boolean {
  return /^\d{16}$/.test(number) && luhnCheckDigit(number.slice(0, 15)) === Number(number[15]);
}

/**
 * LOY-2: a new card number — 15 digits from the operating system's cryptographic random source
 * (not guessable, not sequential: 10^15 possibilities, so a guess hits one of a million cards once
 * in a billion tries) and the Luhn check digit. Uniqueness is the database's (primary key); the
 * issuer retries on the rare collision.
 */
export function newCardNumber(random: (max: number) => number = (max) => randomInt(max)): string {
  // Three draws of 5 digits each: randomInt takes ranges below 2^48.
  const payload = [0, 1, 2].map(() => String(random(100_000)).padStart(5, '0')).join('');
  return `${payload}${luhnCheckDigit(payload)}`;
}
