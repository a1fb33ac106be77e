import { CUSTOMER_STATUSES, type CustomerStatus } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { CustomerException } from './customer.exception';
import { WORKFLOW, type WorkflowStep, assertCanTake, canTake } from './customer-workflow.policy';

/** CUS-2 / CUS-8 / CUS-9: which command may start from which status. */
describe('customer workflow', () => {
  const allowed: Record<WorkflowStep, CustomerStatus[]> = {
    update: ['prospect', 'rejected', 'active'],
    submit: ['prospect', 'rejected'],
    approve: ['pending_approval'],
    reject: ['pending_approval'],
    grade: ['prospect', 'pending_approval', 'active', 'rejected', 'dormant'],
    review: ['active'],
    markDormant: ['active'],
    approveDestruction: ['dormant'],
  };

  it.each(Object.keys(WORKFLOW) as WorkflowStep[])('%s is allowed exactly from its statuses', (step) => {
    for (const status of CUSTOMER_STATUSES)
      expect([step, status, canTake(step, status)]).toEqual([step, status, allowed[step].includes(status)]);
  });

  it('never allows anything on a destroyed archive', () => {
    for (const step of Object.keys(WORKFLOW) as WorkflowStep[]) expect(canTake(step, 'destroyed')).toBe(false);
  });

  it('refuses a wrong step as a conflict naming the rule', () => {
    const error = (() => {
      try {
        assertCanTake('approve', 'active');
      } catch (caught) {
        return caught as CustomerException;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(CustomerException);
    expect(error.toPayload()).toMatchObject({ kind: ErrorKind.Conflict, code: 'CUSTOMER_WRONG_STATUS', rule: 'CUS-2' });
    expect(() => assertCanTake('review', 'dormant')).toThrow(/CUS-8/);
    expect(() => assertCanTake('approveDestruction', 'active')).toThrow(/CUS-9/);
    expect(() => assertCanTake('submit', 'rejected')).not.toThrow();
  });
});
