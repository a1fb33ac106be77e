import { ErrorKind } from '@crm/errors';
import { ComplaintExceptionCode, complaintErrorKind } from './complaint.exception';

describe('complaintErrorKind', () => {
  it('maps every code (wrong step 409, authority 403, rules 422)', () => {
    expect(complaintErrorKind(ComplaintExceptionCode.WrongStep)).toBe(ErrorKind.Conflict);
    expect(complaintErrorKind(ComplaintExceptionCode.ApprovalAuthority)).toBe(ErrorKind.Forbidden);
    expect(complaintErrorKind(ComplaintExceptionCode.RuleViolation)).toBe(ErrorKind.RuleViolation);
    for (const code of Object.values(ComplaintExceptionCode)) expect(complaintErrorKind(code)).toBeDefined();
  });
});
