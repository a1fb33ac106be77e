import { CreditNote } from './credit-note.entity';
import { advanceCreditNote } from './credit-note.policy';

describe('RET-6 credit note steps', () => {
  const note = (status: CreditNote['status']) => Object.assign(new CreditNote(), { number: 'CN-202611-0001', status });

  it('goes requested → approved → signed → posted', () => {
    const n = note('requested');
    advanceCreditNote(n, 'approve');
    advanceCreditNote(n, 'sign');
    advanceCreditNote(n, 'post');
    expect(n.status).toBe('posted');
  });

  it.each<[CreditNote['status'], 'approve' | 'sign' | 'post']>([
    ['requested', 'sign'],
    ['requested', 'post'],
    ['approved', 'post'],
    ['posted', 'approve'],
  ])('refuses %s → %s (409)', (status, step) => {
    expect(() => advanceCreditNote(note(status), step)).toThrow(expect.objectContaining({ kind: 'conflict', rule: 'RET-6' }));
  });
});
