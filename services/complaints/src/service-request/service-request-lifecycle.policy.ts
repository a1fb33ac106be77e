import type { ServiceRequestStatus } from '@crm/contracts';
import { ServiceRequestException, ServiceRequestExceptionCode } from './service-request.exception';

/** The workflow steps (API.md routes) plus `complete`, which the second signature takes by itself. */
export type ServiceRequestStep =
  | 'dispatch'
  | 'applyOffSite'
  | 'approveOffSite'
  | 'start'
  | 'voucher'
  | 'countersign'
  | 'customerSignature'
  | 'complete'
  | 'opinion'
  | 'answerGrievance';

/** How a step is named to callers (the 409 lists these) and the rule it belongs to. */
export const STEPS: Readonly<Record<ServiceRequestStep, { name: string; rule: string }>> = {
  dispatch: { name: 'dispatch', rule: 'SRV-2' },
  applyOffSite: { name: 'off-site-application', rule: 'SRV-3' },
  approveOffSite: { name: 'off-site-application/approve', rule: 'SRV-3' },
  start: { name: 'start', rule: 'SRV-4' },
  voucher: { name: 'voucher', rule: 'SRV-4' },
  countersign: { name: 'countersign', rule: 'SRV-4' },
  customerSignature: { name: 'customer-signature', rule: 'SRV-4' },
  complete: { name: 'complete (countersignature and customer signature)', rule: 'SRV-4' },
  opinion: { name: 'opinion', rule: 'SRV-6' },
  answerGrievance: { name: 'grievance-answer', rule: 'SRV-6' },
};

/**
 * SRV-1..SRV-6, the one state machine of a service request: status × step → next status. A step
 * missing from a status's row is a wrong step (409). services/complaints/README.md ("Service
 * requests") shows this table; keep the two in step.
 *
 * - Off-site applications (SRV-3) may be made and approved before or after dispatch, never after
 *   the start: the start is what they gate. Dispatching again re-dispatches (another technician or day).
 * - The two signatures (SRV-4) keep the request `worked`; `complete` is taken by whichever comes
 *   second, so they may come in either order.
 * - The opinion and the grievance answer (SRV-6) come after completion.
 */
export const SERVICE_REQUEST_LIFECYCLE: Readonly<
  Record<ServiceRequestStatus, Partial<Readonly<Record<ServiceRequestStep, ServiceRequestStatus>>>>
> = {
  registered: { dispatch: 'dispatched', applyOffSite: 'registered', approveOffSite: 'registered' },
  dispatched: { dispatch: 'dispatched', applyOffSite: 'dispatched', approveOffSite: 'dispatched', start: 'in_progress' },
  in_progress: { voucher: 'worked' },
  worked: { countersign: 'worked', customerSignature: 'worked', complete: 'completed' },
  completed: { opinion: 'completed', answerGrievance: 'completed' },
};

/** The steps callers may take in `status`, by their API names (`complete` is not a route). */
export function allowedServiceSteps(status: ServiceRequestStatus): string[] {
  return Object.keys(SERVICE_REQUEST_LIFECYCLE[status])
    .filter((step) => step !== 'complete')
    .map((step) => STEPS[step as ServiceRequestStep].name);
}

/** The status after `step`, or a 409 naming the step's rule and listing the allowed steps. */
export function nextServiceStatus(status: ServiceRequestStatus, step: ServiceRequestStep): ServiceRequestStatus {
  const next = SERVICE_REQUEST_LIFECYCLE[status][step];
  if (next === undefined) {
    const { name, rule } = STEPS[step];
    const allowed = allowedServiceSteps(status);
    throw new ServiceRequestException(
      ServiceRequestExceptionCode.WrongStep,
      `${rule}: cannot ${name} a service request in status ${status} (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`,
      rule,
    );
  }
  return next;
}
