import { phoneKey } from './phone.policy';

describe('LOY-1/LOY-2 shopper identity by phone', () => {
  it('treats the ways a till types one mobile number as one shopper', () => {
    for (const typed of ['+86 138 0013 8000', '13800138000', '138-0013-8000', '(86) 13800138000'])
      expect(phoneKey(typed)).toBe('13800138000');
  });

  it('keeps other numbers apart', () => {
    expect(phoneKey('(0571) 8888-6666')).toBe('057188886666');
    expect(phoneKey('13800138001')).not.toBe(phoneKey('13800138000'));
  });
});
