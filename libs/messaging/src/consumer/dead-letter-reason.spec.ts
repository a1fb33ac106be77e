import { ErrorKind } from '@crm/errors';
import { deadLetterReason } from './dead-letter-reason';

describe('deadLetterReason', () => {
  it('is code and message when there are no field errors', () => {
    expect(deadLetterReason({ kind: ErrorKind.RuleViolation, code: 'TEST_REFUSED', message: 'no' })).toBe('TEST_REFUSED: no');
  });

  it('names every failing field, under the prefix where the object sits', () => {
    const payload = {
      kind: ErrorKind.Invalid,
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      errors: [
        { field: 'customerId', message: 'customerId must be a UUID' },
        { field: 'approvers.0.at', message: 'at must be a valid ISO-8601 instant' },
      ],
    };
    expect(deadLetterReason(payload, 'data')).toBe(
      'VALIDATION_FAILED: data.customerId: customerId must be a UUID; data.approvers.0.at: at must be a valid ISO-8601 instant',
    );
    expect(deadLetterReason(payload)).toBe(
      'VALIDATION_FAILED: customerId: customerId must be a UUID; approvers.0.at: at must be a valid ISO-8601 instant',
    );
  });
});
