import { validateSync } from 'class-validator';
import { IsPhone } from './validators';

class Holder {
  @IsPhone()
  phone!: string;
}

function accepts(phone: string): boolean {
  const holder = Object.assign(new Holder(), { phone });
  return validateSync(holder).length === 0;
}

describe('IsPhone — the same rule as the customers service (libs/contracts PHONE_PATTERN)', () => {
  it('accepts international, bracketed and dashed numbers of 5–20 characters', () => {
    for (const phone of ['+86 10 5555 0101', '(0571) 8888-6666', '12345', '+8613912345678']) expect(accepts(phone)).toBe(true);
  });

  it('refuses numbers without 5 digits, with + elsewhere than first, letters, or over 20 characters', () => {
    for (const phone of ['+++++', '12-34', '123+45678', '555-CALL-NOW', '1'.repeat(21)]) expect(accepts(phone)).toBe(false);
  });
});
