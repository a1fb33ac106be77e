import type { Role } from '../caller';
import { STAFF_ROLES, operation } from '../operations';
import {
  AcceptComplaintPayload,
  AssignComplaintPayload,
  ComplaintFindingsPayload,
  ComplaintFollowUpPayload,
  ComplaintIdPayload,
  ComplaintProposalPayload,
  ExtendComplaintPayload,
  ListComplaintsQuery,
  RegisterComplaintBody,
  RejectComplaintPayload,
  ResolveComplaintPayload,
} from './complaint-inputs';
import { ComplaintMonthlyReport, ComplaintMonthlyReportQuery } from './complaint-report';
import { ComplaintFollowUpResult, ComplaintPage, ComplaintView } from './complaint-results';

const service = 'complaints';
/** Problems of every step on one complaint: unknown id, wrong step (CMP-5), rule refused. */
const STEP_PROBLEMS = [404, 409, 422] as const;
/** API.md "Who may call what": register and work a case. */
const CASE_WORKERS: readonly Role[] = ['service', 'sales', 'manager'];

/**
 * The complaints domain (API.md "Complaints", "Who may call what"), one line of truth per
 * operation: the gateway's routes and roles, the service's role checks, docs/roles.md.
 */
export const ComplaintOperations = {
  register: operation<RegisterComplaintBody, ComplaintView>({
    service,
    pattern: 'complaints.register',
    summary:
      'Register an inquiry, suggestion or complaint with its due times (CMP-9); a late service complaint is rejected at once (CMP-3)',
    roles: CASE_WORKERS,
    rules: ['CMP-1', 'CMP-2', 'CMP-3', 'CMP-4', 'CMP-9', 'CUS-2'],
    payload: RegisterComplaintBody,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints', status: 201, problems: [422] },
  }),
  list: operation<ListComplaintsQuery, ComplaintPage>({
    service,
    pattern: 'complaints.list',
    summary: 'List complaints, newest first',
    roles: STAFF_ROLES,
    rules: ['CMP-9'],
    payload: ListComplaintsQuery,
    result: [ComplaintPage],
    http: { method: 'GET', path: 'complaints', status: 200, problems: [] },
  }),
  get: operation<ComplaintIdPayload, ComplaintView>({
    service,
    pattern: 'complaints.get',
    summary: 'Read a complaint',
    roles: STAFF_ROLES,
    rules: ['CMP-1'],
    payload: ComplaintIdPayload,
    result: [ComplaintView],
    http: { method: 'GET', path: 'complaints/:id', status: 200, problems: [404] },
  }),
  accept: operation<AcceptComplaintPayload, ComplaintView>({
    service,
    pattern: 'complaints.accept',
    summary: 'CMP-3/CMP-4: accept as valid (a major one escalates to an executive)',
    roles: CASE_WORKERS,
    rules: ['CMP-3', 'CMP-4', 'CMP-5'],
    payload: AcceptComplaintPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/accept', status: 200, problems: STEP_PROBLEMS },
  }),
  reject: operation<RejectComplaintPayload, ComplaintView>({
    service,
    pattern: 'complaints.reject',
    summary: 'CMP-3: reject as invalid with a reason (ordinary or malicious)',
    roles: CASE_WORKERS,
    rules: ['CMP-3', 'CMP-5'],
    payload: RejectComplaintPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/reject', status: 200, problems: STEP_PROBLEMS },
  }),
  assign: operation<AssignComplaintPayload, ComplaintView>({
    service,
    pattern: 'complaints.assign',
    summary: 'CMP-5: assign to a responsible department and person (investigating)',
    roles: CASE_WORKERS,
    rules: ['CMP-5'],
    payload: AssignComplaintPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/assign', status: 200, problems: STEP_PROBLEMS },
  }),
  findings: operation<ComplaintFindingsPayload, ComplaintView>({
    service,
    pattern: 'complaints.findings',
    summary: 'CMP-6/CMP-11: record the investigation findings and the penalty when we are at fault',
    roles: CASE_WORKERS,
    rules: ['CMP-6', 'CMP-11'],
    payload: ComplaintFindingsPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/findings', status: 200, problems: STEP_PROBLEMS },
  }),
  propose: operation<ComplaintProposalPayload, ComplaintView>({
    service,
    pattern: 'complaints.propose',
    summary: 'CMP-7: propose a resolution (after the findings)',
    roles: CASE_WORKERS,
    rules: ['CMP-6', 'CMP-7', 'CMP-8'],
    payload: ComplaintProposalPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/proposal', status: 200, problems: STEP_PROBLEMS },
  }),
  approve: operation<ComplaintIdPayload, ComplaintView>({
    service,
    pattern: 'complaints.approve',
    summary: 'CMP-8: approve the proposal — a manager up to the threshold, an executive above; never the proposer',
    roles: ['manager', 'executive'],
    rules: ['CMP-8'],
    payload: ComplaintIdPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/approve', status: 200, problems: STEP_PROBLEMS },
  }),
  resolve: operation<ResolveComplaintPayload, ComplaintView>({
    service,
    pattern: 'complaints.resolve',
    summary: 'CMP-5: the customer has been informed of the approved resolution',
    roles: CASE_WORKERS,
    rules: ['CMP-5', 'CMP-9'],
    payload: ResolveComplaintPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/resolve', status: 200, problems: STEP_PROBLEMS },
  }),
  followUp: operation<ComplaintFollowUpPayload, ComplaintFollowUpResult>({
    service,
    pattern: 'complaints.follow-up',
    summary: 'CMP-5/CMP-12: record the follow-up; satisfied closes, not satisfied reopens as a new linked complaint',
    roles: CASE_WORKERS,
    rules: ['CMP-5', 'CMP-12', 'CMP-14'],
    payload: ComplaintFollowUpPayload,
    result: [ComplaintFollowUpResult],
    http: { method: 'POST', path: 'complaints/:id/follow-up', status: 200, problems: STEP_PROBLEMS },
  }),
  monthlyReport: operation<ComplaintMonthlyReportQuery, ComplaintMonthlyReport>({
    service,
    pattern: 'complaints.monthly-report',
    summary: 'CMP-13: the monthly report (final from the 1st of the next month, else provisional month-to-date)',
    roles: ['manager', 'executive', 'auditor'],
    rules: ['CMP-13'],
    payload: ComplaintMonthlyReportQuery,
    result: [ComplaintMonthlyReport],
    http: { method: 'GET', path: 'complaints/reports/monthly', status: 200, problems: [422] },
  }),
  extend: operation<ExtendComplaintPayload, ComplaintView>({
    service,
    pattern: 'complaints.extend',
    summary: 'CMP-9: extend the resolution deadline once, to 7 working days, with a reason',
    roles: CASE_WORKERS,
    rules: ['CMP-9'],
    payload: ExtendComplaintPayload,
    result: [ComplaintView],
    http: { method: 'POST', path: 'complaints/:id/extend', status: 200, problems: STEP_PROBLEMS },
  }),
};
