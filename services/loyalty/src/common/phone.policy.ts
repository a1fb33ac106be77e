/**
 * LOY-1/LOY-2: a shopper is identified by the phone. Tills type it in many ways (`+86 138 0013 8000`,
 * `13800138000`, `138-0013-8000`), so the key is its digits, without China's country code `86` in
 * front of an 11-digit mobile number.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}
