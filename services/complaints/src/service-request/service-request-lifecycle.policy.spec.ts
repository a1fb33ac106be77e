import { SERVICE_REQUEST_STATUSES, type ServiceRequestStatus } from '@crm/contracts';
import { ServiceRequestException } from './service-request.exception';
import {
  SERVICE_REQUEST_LIFECYCLE,
  STEPS,
  type ServiceRequestStep,
  allowedServiceSteps,
  nextServiceStatus,
} from './service-request-lifecycle.policy';

const ALL_STEPS = Object.keys(STEPS) as ServiceRequestStep[];

/** The README's table, written out: status × step → next ('' = wrong step, 409). */
const EXPECTED: Record<ServiceRequestStatus, Partial<Record<ServiceRequestStep, ServiceRequestStatus>>> = {
  registered: { dispatch: 'dispatched', applyOffSite: 'registered', approveOffSite: 'registered' },
  dispatched: { dispatch: 'dispatched', applyOffSite: 'dispatched', approveOffSite: 'dispatched', start: 'in_progress' },
  in_progress: { voucher: 'worked' },
  worked: { countersign: 'worked', customerSignature: 'worked', complete: 'completed' },
  completed: { opinion: 'completed', answerGrievance: 'completed' },
};

describe('the service request state machine (SRV-1..SRV-6)', () => {
  it.each(SERVICE_REQUEST_STATUSES.flatMap((status) => ALL_STEPS.map((step) => [status, step] as const)))('%s × %s', (status, step) => {
    const expected = EXPECTED[status][step];
    if (expected) {
      expect(nextServiceStatus(status, step)).toBe(expected);
      return;
    }
    let caught: unknown;
    try {
      nextServiceStatus(status, step);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceRequestException);
    expect((caught as ServiceRequestException).kind).toBe('conflict');
    expect((caught as ServiceRequestException).rule).toBe(STEPS[step].rule);
  });

  it('is exactly the README table', () => {
    expect(SERVICE_REQUEST_LIFECYCLE).toEqual(EXPECTED);
  });

  it('a wrong step lists the allowed ones by their API names (not the internal completion)', () => {
    expect(allowedServiceSteps('worked')).toEqual(['countersign', 'customer-signature']);
    expect(() => nextServiceStatus('worked', 'start')).toThrow(
      'SRV-4: cannot start a service request in status worked (allowed: countersign, customer-signature)',
    );
    expect(() => nextServiceStatus('registered', 'start')).toThrow(
      /allowed: dispatch, off-site-application, off-site-application\/approve/,
    );
  });

  it('completes only from worked: the path registered → dispatched → in_progress → worked → completed', () => {
    const path: ServiceRequestStep[] = ['dispatch', 'start', 'voucher', 'complete'];
    expect(path.reduce<ServiceRequestStatus>((status, step) => nextServiceStatus(status, step), 'registered')).toBe('completed');
  });
});
