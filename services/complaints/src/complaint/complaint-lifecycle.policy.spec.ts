import { COMPLAINT_STATUSES } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { LIFECYCLE, allowedSteps, isOpen, nextStatus } from './complaint-lifecycle.policy';

/** CMP-5: the lifecycle table. */
describe('complaint lifecycle (CMP-5)', () => {
  it('walks the happy path registered → … → closed', () => {
    let status = nextStatus('registered', 'accept');
    expect(status).toBe('accepted');
    status = nextStatus(status, 'assign');
    expect(status).toBe('investigating');
    expect(nextStatus(status, 'findings')).toBe('investigating');
    status = nextStatus(status, 'propose');
    expect(status).toBe('proposed');
    status = nextStatus(status, 'approve');
    expect(status).toBe('approved');
    status = nextStatus(status, 'resolve');
    expect(status).toBe('resolved');
    expect(nextStatus(status, 'followUpSatisfied')).toBe('closed');
    expect(nextStatus(status, 'followUpUnsatisfied')).toBe('superseded');
  });

  it('refuses a wrong step with 409 naming CMP-5 and listing the allowed steps', () => {
    expect(() => nextStatus('registered', 'approve')).toThrow(
      expect.objectContaining({
        kind: ErrorKind.Conflict,
        rule: 'CMP-5',
        message: expect.stringContaining('allowed: accept, reject, extend'),
      }),
    );
    expect(() => nextStatus('proposed', 'resolve')).toThrow(expect.objectContaining({ kind: ErrorKind.Conflict }));
    expect(() => nextStatus('investigating', 'approve')).toThrow(expect.objectContaining({ kind: ErrorKind.Conflict }));
  });

  it('has a row for every status; closed, rejected and superseded are final', () => {
    expect(Object.keys(LIFECYCLE).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    for (const status of ['closed', 'rejected', 'superseded'] as const) {
      expect(isOpen(status)).toBe(false);
      expect(allowedSteps(status)).toEqual([]);
      expect(() => nextStatus(status, 'extend')).toThrow(expect.objectContaining({ message: expect.stringContaining('final') }));
    }
  });

  it('allows follow-up only once resolved, and no approval before a proposal', () => {
    for (const status of COMPLAINT_STATUSES.filter((s) => s !== 'resolved')) {
      expect(() => nextStatus(status, 'followUpSatisfied')).toThrow();
    }
    expect(allowedSteps('resolved')).toEqual(['follow-up']);
    expect(() => nextStatus('accepted', 'approve')).toThrow();
  });
});
