import type { Role } from '../caller';
import { STAFF_ROLES, operation } from '../operations';
import {
  CustomerSignaturePayload,
  DispatchQueueQuery,
  DispatchServiceRequestPayload,
  GrievanceAnswerPayload,
  ListServiceRequestsQuery,
  OffSiteApplicationPayload,
  RegisterCheckQuery,
  RegisterServiceRequestBody,
  ServiceOpinionPayload,
  ServiceRequestIdPayload,
  ServiceVoucherPayload,
  TechnicianScorecardQuery,
} from './service-request-inputs';
import { RegisterCheck, ServiceRequestPage, ServiceRequestView, TechnicianScorecard } from './service-request-results';

const service = 'complaints';
/** Problems of every step on one request: unknown id, wrong step, rule refused. */
const STEP_PROBLEMS = [404, 409, 422] as const;
/** API.md "Who may call what": register and apply for off-site service. */
const DESK: readonly Role[] = ['service', 'sales', 'manager'];
/** API.md: start, voucher, customer signature and opinion. */
const TECHNICIANS: readonly Role[] = ['service', 'manager'];
/** API.md: dispatch, countersign, approve off-site. */
const SERVICE_MANAGER: readonly Role[] = ['manager'];

/**
 * The after-sales service desk (API.md "After-sales service requests", "Who may call what"), one
 * line of truth per operation: the gateway's routes and roles, the service's role checks, docs/roles.md.
 */
export const ServiceRequestOperations = {
  register: operation<RegisterServiceRequestBody, ServiceRequestView>({
    service,
    pattern: 'service-requests.register',
    summary: 'SRV-1: register a paid, contract, free or internal service request with its SR number',
    roles: DESK,
    rules: ['SRV-1', 'SRV-5'],
    payload: RegisterServiceRequestBody,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests', status: 201, problems: [422] },
  }),
  list: operation<ListServiceRequestsQuery, ServiceRequestPage>({
    service,
    pattern: 'service-requests.list',
    summary: 'List service requests, newest first',
    roles: STAFF_ROLES,
    rules: ['SRV-1'],
    payload: ListServiceRequestsQuery,
    result: [ServiceRequestPage],
    http: { method: 'GET', path: 'service-requests', status: 200, problems: [] },
  }),
  dispatchQueue: operation<DispatchQueueQuery, ServiceRequestPage>({
    service,
    pattern: 'service-requests.dispatch-queue',
    summary: 'SRV-2: the undispatched requests, oldest first, `carriedOver` after the working day they arrived',
    roles: STAFF_ROLES,
    rules: ['SRV-2'],
    payload: DispatchQueueQuery,
    result: [ServiceRequestPage],
    http: { method: 'GET', path: 'service-requests/dispatch-queue', status: 200, problems: [] },
  }),
  registerCheck: operation<RegisterCheckQuery, RegisterCheck>({
    service,
    pattern: 'service-requests.register-check',
    summary: 'SRV-4: the daily register check — work started or worked but not completed, vouchers missing a signature',
    roles: STAFF_ROLES,
    rules: ['SRV-4'],
    payload: RegisterCheckQuery,
    result: [RegisterCheck],
    http: { method: 'GET', path: 'service-requests/register-check', status: 200, problems: [] },
  }),
  technicianScorecard: operation<TechnicianScorecardQuery, TechnicianScorecard>({
    service,
    pattern: 'service-requests.technician-scorecard',
    summary: 'SRV-6: the monthly technician scorecard',
    roles: STAFF_ROLES,
    rules: ['SRV-6'],
    payload: TechnicianScorecardQuery,
    result: [TechnicianScorecard],
    http: { method: 'GET', path: 'service-requests/reports/technicians', status: 200, problems: [] },
  }),
  get: operation<ServiceRequestIdPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.get',
    summary: 'Read a service request',
    roles: STAFF_ROLES,
    rules: ['SRV-1'],
    payload: ServiceRequestIdPayload,
    result: [ServiceRequestView],
    http: { method: 'GET', path: 'service-requests/:id', status: 200, problems: [404] },
  }),
  dispatch: operation<DispatchServiceRequestPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.dispatch',
    summary: 'SRV-2: the service manager dispatches the request to a technician with a promised day',
    roles: SERVICE_MANAGER,
    rules: ['SRV-2'],
    payload: DispatchServiceRequestPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/dispatch', status: 200, problems: STEP_PROBLEMS },
  }),
  applyOffSite: operation<OffSiteApplicationPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.off-site-application',
    summary: 'SRV-3: apply for off-site service (technician, destination, days, estimated cost)',
    roles: DESK,
    rules: ['SRV-3'],
    payload: OffSiteApplicationPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/off-site-application', status: 200, problems: STEP_PROBLEMS },
  }),
  approveOffSite: operation<ServiceRequestIdPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.off-site-application.approve',
    summary: 'SRV-3: the service manager approves the off-site application',
    roles: SERVICE_MANAGER,
    rules: ['SRV-3'],
    payload: ServiceRequestIdPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/off-site-application/approve', status: 200, problems: STEP_PROBLEMS },
  }),
  start: operation<ServiceRequestIdPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.start',
    summary: 'SRV-3/SRV-4: the technician starts the work (an off-site request only with an approved application)',
    roles: TECHNICIANS,
    rules: ['SRV-3', 'SRV-4'],
    payload: ServiceRequestIdPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/start', status: 200, problems: STEP_PROBLEMS },
  }),
  voucher: operation<ServiceVoucherPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.voucher',
    summary: 'SRV-4/SRV-5: write the service voucher (actual times, work, parts, payment)',
    roles: TECHNICIANS,
    rules: ['SRV-4', 'SRV-5'],
    payload: ServiceVoucherPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/voucher', status: 200, problems: STEP_PROBLEMS },
  }),
  countersign: operation<ServiceRequestIdPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.countersign',
    summary: "SRV-4: the service manager countersigns the voucher (completed once the customer's signature is there too)",
    roles: SERVICE_MANAGER,
    rules: ['SRV-4', 'SRV-5'],
    payload: ServiceRequestIdPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/countersign', status: 200, problems: STEP_PROBLEMS },
  }),
  customerSignature: operation<CustomerSignaturePayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.customer-signature',
    summary: 'SRV-4: the customer signs the voucher (completed once countersigned too)',
    roles: TECHNICIANS,
    rules: ['SRV-4', 'SRV-5'],
    payload: CustomerSignaturePayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/customer-signature', status: 200, problems: STEP_PROBLEMS },
  }),
  opinion: operation<ServiceOpinionPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.opinion',
    summary: "SRV-6: the customer's opinion of the technician after completion; a serious grievance escalates at once",
    roles: TECHNICIANS,
    rules: ['SRV-6'],
    payload: ServiceOpinionPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/opinion', status: 200, problems: STEP_PROBLEMS },
  }),
  answerGrievance: operation<GrievanceAnswerPayload, ServiceRequestView>({
    service,
    pattern: 'service-requests.grievance-answer',
    summary: 'SRV-6: the written answer to a grievance — an executive for a serious one, else the service department',
    roles: ['executive', 'service', 'manager'],
    rules: ['SRV-6'],
    payload: GrievanceAnswerPayload,
    result: [ServiceRequestView],
    http: { method: 'POST', path: 'service-requests/:id/grievance-answer', status: 200, problems: STEP_PROBLEMS },
  }),
};
