import {
  assertDeveloping,
  assertMayApply,
  assertMayApprove,
  assertMayHalt,
  assertMayResume,
  assertNotOwnerRep,
  assertSubmittable,
  sameStaff,
  visitKindFor,
} from './development.policy';

describe('DEV-1 development policy', () => {
  const none = null;
  const pending = { status: 'pending' as const, halted: false };
  const approved = { status: 'approved' as const, halted: false };
  const halted = { status: 'approved' as const, halted: true };

  it('a prospect is surveyed until its application is approved, then developed; active archives get programme visits', () => {
    expect(visitKindFor('prospect', none)).toBe('survey');
    expect(visitKindFor('prospect', pending)).toBe('survey');
    expect(visitKindFor('prospect', approved)).toBe('development');
    expect(visitKindFor('rejected', approved)).toBe('development');
    expect(visitKindFor('pending_approval', approved)).toBe('development');
    expect(visitKindFor('prospect', halted)).toBe('survey');
    expect(visitKindFor('active', none)).toBe('programme');
    expect(visitKindFor('active', approved)).toBe('programme');
    expect(() => visitKindFor('dormant', none)).toThrow(expect.objectContaining({ rule: 'DEV-3' }));
  });

  it('refuses the submission of a halted prospect only (no application or investigation needed)', () => {
    expect(() => assertSubmittable(none)).not.toThrow();
    expect(() => assertSubmittable(pending)).not.toThrow();
    expect(() => assertSubmittable({ status: null, halted: true })).toThrow(
      expect.objectContaining({ rule: 'DEV-1', kind: 'rule_violation' }),
    );
    expect(() => assertSubmittable(halted)).toThrow(expect.objectContaining({ rule: 'DEV-1' }));
  });

  it('one application per archive, approved once; halt and resume alternate; only before activation', () => {
    expect(() => assertMayApply(none)).not.toThrow();
    expect(() => assertMayApply({ status: null, halted: true })).not.toThrow();
    expect(() => assertMayApply(pending)).toThrow(expect.objectContaining({ kind: 'conflict', rule: 'DEV-1' }));
    expect(() => assertMayApprove(pending)).not.toThrow();
    expect(() => assertMayApprove(approved)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => assertMayApprove(none)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => assertMayHalt(none)).not.toThrow();
    expect(() => assertMayHalt(halted)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => assertMayResume(halted)).not.toThrow();
    expect(() => assertMayResume(approved)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => assertDeveloping('prospect', 'halt')).not.toThrow();
    expect(() => assertDeveloping('active', 'halt')).toThrow(expect.objectContaining({ kind: 'conflict', rule: 'DEV-1' }));
  });
});

describe('DEV-2 visitor is never the owner sales rep', () => {
  it('compares staff names without case and surrounding blanks', () => {
    expect(sameStaff('rep-007', ' REP-007 ')).toBe(true);
    expect(sameStaff('rep-007', 'rep-008')).toBe(false);
    expect(sameStaff('rep-007', null)).toBe(false);
    expect(() => assertNotOwnerRep('Rep-007', 'rep-007')).toThrow(expect.objectContaining({ rule: 'DEV-2', kind: 'rule_violation' }));
    expect(() => assertNotOwnerRep('visitor-1', 'rep-007')).not.toThrow();
    expect(() => assertNotOwnerRep('visitor-1', undefined)).not.toThrow();
  });
});
