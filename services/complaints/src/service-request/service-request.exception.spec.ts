import { ErrorKind, httpStatusOf } from '@crm/errors';
import { ServiceRequestException, ServiceRequestExceptionCode, serviceRequestErrorKind } from './service-request.exception';

describe('service request errors (STYLE rule 7)', () => {
  it.each([
    [ServiceRequestExceptionCode.RoleRequired, 403],
    [ServiceRequestExceptionCode.InvalidInput, 400],
    [ServiceRequestExceptionCode.InvalidCursor, 400],
    [ServiceRequestExceptionCode.NotFound, 404],
    [ServiceRequestExceptionCode.WrongStep, 409],
    [ServiceRequestExceptionCode.AlreadyDone, 409],
    [ServiceRequestExceptionCode.RuleViolation, 422],
    [ServiceRequestExceptionCode.NumberSequenceExhausted, 422],
  ])('%s → %i', (code, status) => {
    expect(httpStatusOf(serviceRequestErrorKind(code))).toBe(status);
  });

  it('a business refusal names its rule and starts its message with it', () => {
    const error = ServiceRequestException.rule('SRV-5', 'too much cash');
    expect(error.kind).toBe(ErrorKind.RuleViolation);
    expect(error.rule).toBe('SRV-5');
    expect(error.message).toBe('SRV-5: too much cash');
  });
});
