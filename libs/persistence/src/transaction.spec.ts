import { CommonException, ErrorKind } from '@crm/errors';
import { runInContext } from '@crm/observability';
import { DEADLINE_MARGIN_MS, assertBeforeDeadline } from './transaction';

describe('assertBeforeDeadline (GW-4: a 504 means nothing changed)', () => {
  const now = 1_800_000_000_000;

  it('passes outside any unit of work and when there is no deadline', () => {
    expect(() => assertBeforeDeadline(now)).not.toThrow();
    expect(() => runInContext({ correlationId: 'c' }, () => assertBeforeDeadline(now))).not.toThrow();
  });

  it('passes while the deadline is more than the margin away', () => {
    const deadline = now + DEADLINE_MARGIN_MS + 1;
    expect(() => runInContext({ correlationId: 'c', deadline }, () => assertBeforeDeadline(now))).not.toThrow();
  });

  it('refuses to commit within the margin of the deadline or after it, as a timeout', () => {
    for (const deadline of [now + DEADLINE_MARGIN_MS - 1, now, now - 5000]) {
      let thrown: unknown;
      try {
        runInContext({ correlationId: 'c', deadline }, () => assertBeforeDeadline(now));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CommonException);
      expect((thrown as CommonException).kind).toBe(ErrorKind.Timeout);
    }
  });
});
