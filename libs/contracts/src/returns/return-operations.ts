import type { Role } from '../caller';
import { operation } from '../operations';
import {
  CreateCreditNoteBody,
  CreateReturnBody,
  CreditNoteIdPayload,
  FranchiseTermsPayload,
  ListReturnsQuery,
  ReceiveReturnPayload,
  ResolveDiscrepancyPayload,
  ReturnIdPayload,
  SignCreditNotePayload,
  VoucherIdPayload,
} from './return-inputs';
import { CreditNoteView, FranchiseTermsView, ReturnOrderPage, ReturnOrderView, VoucherView } from './return-results';

const service = 'returns';
/** Problems of every step on one document: unknown id, wrong step, rule refused. */
const STEP_PROBLEMS = [404, 409, 422] as const;
/** API.md "Who may call what": create return orders and credit notes. */
const CREATORS: readonly Role[] = ['sales', 'service'];
/** API.md: approve as CMP-8 (the service refuses a manager above the threshold, and the creator). */
const APPROVERS: readonly Role[] = ['manager', 'executive'];
/** API.md: reconcile, resolve discrepancy, post, vouchers, the event feed. */
const FINANCE: readonly Role[] = ['finance'];
/** API.md: read returns and credit notes. */
export const RETURN_READERS: readonly Role[] = ['sales', 'service', 'manager', 'warehouse', 'finance', 'auditor'];

/**
 * The returns and finance domain (API.md "Returns and finance", "Who may call what"), one line of
 * truth per operation: the gateway's routes and roles, the service's role checks, docs/roles.md.
 */
export const ReturnOperations = {
  create: operation<CreateReturnBody, ReturnOrderView>({
    service,
    pattern: 'returns.create',
    summary: 'RET-1: create a return order (RT-YYYYMM-NNNN), status requested; refused by RET-2 eligibility with 422',
    roles: CREATORS,
    rules: ['RET-1', 'RET-2', 'CUS-2'],
    payload: CreateReturnBody,
    result: [ReturnOrderView],
    http: { method: 'POST', path: 'returns', status: 201, problems: [422] },
  }),
  list: operation<ListReturnsQuery, ReturnOrderPage>({
    service,
    pattern: 'returns.list',
    summary: 'List return orders, newest first',
    roles: RETURN_READERS,
    rules: ['RET-1'],
    payload: ListReturnsQuery,
    result: [ReturnOrderPage],
    http: { method: 'GET', path: 'returns', status: 200, problems: [] },
  }),
  get: operation<ReturnIdPayload, ReturnOrderView>({
    service,
    pattern: 'returns.get',
    summary: 'Read a return order',
    roles: RETURN_READERS,
    rules: ['RET-1'],
    payload: ReturnIdPayload,
    result: [ReturnOrderView],
    http: { method: 'GET', path: 'returns/:id', status: 200, problems: [404] },
  }),
  approve: operation<ReturnIdPayload, ReturnOrderView>({
    service,
    pattern: 'returns.approve',
    summary: 'RET-3: approve — a manager up to the CMP-8 threshold, an executive above; never the creator',
    roles: APPROVERS,
    rules: ['RET-3', 'CMP-8'],
    payload: ReturnIdPayload,
    result: [ReturnOrderView],
    http: { method: 'POST', path: 'returns/:id/approve', status: 200, problems: STEP_PROBLEMS },
  }),
  receive: operation<ReceiveReturnPayload, ReturnOrderView>({
    service,
    pattern: 'returns.receive',
    summary: 'RET-4: record the quantities received per line, signed by the warehouse (partial receipts add up)',
    roles: ['warehouse'],
    rules: ['RET-4'],
    payload: ReceiveReturnPayload,
    result: [ReturnOrderView],
    http: { method: 'POST', path: 'returns/:id/receive', status: 200, problems: STEP_PROBLEMS },
  }),
  reconcile: operation<ReturnIdPayload, ReturnOrderView>({
    service,
    pattern: 'returns.reconcile',
    summary: 'RET-5: compare approved with received per line — equal posts the voucher, different goes to discrepancy',
    roles: FINANCE,
    rules: ['RET-5'],
    payload: ReturnIdPayload,
    result: [ReturnOrderView],
    http: { method: 'POST', path: 'returns/:id/reconcile', status: 200, problems: STEP_PROBLEMS },
  }),
  resolveDiscrepancy: operation<ResolveDiscrepancyPayload, ReturnOrderView>({
    service,
    pattern: 'returns.resolve-discrepancy',
    summary: 'RET-5: resolve a discrepancy with accepted quantities and a note; posts the voucher for them',
    roles: FINANCE,
    rules: ['RET-5'],
    payload: ResolveDiscrepancyPayload,
    result: [ReturnOrderView],
    http: { method: 'POST', path: 'returns/:id/resolve-discrepancy', status: 200, problems: STEP_PROBLEMS },
  }),
  franchiseTerms: operation<FranchiseTermsPayload, FranchiseTermsView>({
    service,
    pattern: 'returns.franchise-terms',
    summary: "RET-2: set a franchise customer's contract return ratio and its purchases in the period",
    roles: ['finance', 'manager'],
    rules: ['RET-2'],
    payload: FranchiseTermsPayload,
    result: [FranchiseTermsView],
    http: { method: 'PUT', path: 'returns/franchise-terms/:customerId', status: 200, problems: [422] },
  }),
  createCreditNote: operation<CreateCreditNoteBody, CreditNoteView>({
    service,
    pattern: 'returns.credit-notes.create',
    summary: 'RET-6: create a credit note (discount or compensation), status requested',
    roles: CREATORS,
    rules: ['RET-6', 'CUS-2'],
    payload: CreateCreditNoteBody,
    result: [CreditNoteView],
    http: { method: 'POST', path: 'credit-notes', status: 201, problems: [422] },
  }),
  getCreditNote: operation<CreditNoteIdPayload, CreditNoteView>({
    service,
    pattern: 'returns.credit-notes.get',
    summary: 'Read a credit note',
    roles: RETURN_READERS,
    rules: ['RET-6'],
    payload: CreditNoteIdPayload,
    result: [CreditNoteView],
    http: { method: 'GET', path: 'credit-notes/:id', status: 200, problems: [404] },
  }),
  approveCreditNote: operation<CreditNoteIdPayload, CreditNoteView>({
    service,
    pattern: 'returns.credit-notes.approve',
    summary: 'RET-3/RET-6: approve — a manager up to the CMP-8 threshold, an executive above; never the creator',
    roles: APPROVERS,
    rules: ['RET-3', 'RET-6', 'CMP-8'],
    payload: CreditNoteIdPayload,
    result: [CreditNoteView],
    http: { method: 'POST', path: 'credit-notes/:id/approve', status: 200, problems: STEP_PROBLEMS },
  }),
  signCreditNote: operation<SignCreditNotePayload, CreditNoteView>({
    service,
    pattern: 'returns.credit-notes.sign',
    summary: "RET-6: record the customer's signature on an approved credit note",
    roles: CREATORS,
    rules: ['RET-6'],
    payload: SignCreditNotePayload,
    result: [CreditNoteView],
    http: { method: 'POST', path: 'credit-notes/:id/sign', status: 200, problems: STEP_PROBLEMS },
  }),
  postCreditNote: operation<CreditNoteIdPayload, CreditNoteView>({
    service,
    pattern: 'returns.credit-notes.post',
    summary: 'RET-6/RET-5: post a signed credit note (voucher PZ-YYYYMM-NNNN)',
    roles: FINANCE,
    rules: ['RET-6', 'RET-5'],
    payload: CreditNoteIdPayload,
    result: [CreditNoteView],
    http: { method: 'POST', path: 'credit-notes/:id/post', status: 200, problems: STEP_PROBLEMS },
  }),
  getVoucher: operation<VoucherIdPayload, VoucherView>({
    service,
    pattern: 'returns.vouchers.get',
    summary: 'RET-5: read a posted voucher (immutable)',
    roles: FINANCE,
    rules: ['RET-5'],
    payload: VoucherIdPayload,
    result: [VoucherView],
    http: { method: 'GET', path: 'vouchers/:id', status: 200, problems: [404] },
  }),
};
