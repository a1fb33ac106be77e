import { randomUUID } from 'node:crypto';
import type {
  ComplaintOperations,
  CustomerOperations,
  DevelopmentOperations,
  LoyaltyOperations,
  ReturnOperations,
  ServiceRequestOperations,
} from '@crm/contracts';
import type { RouteSample } from './roles-matrix';

/*
 * A valid request of every operation of every domain, typed by the operation tables of
 * libs/contracts (STYLE rule 13): the gateway's per-domain route tests (against stand-ins) and the
 * all-domain roles matrix of e2e/roles-matrix.e2e-spec.ts (against the real services) send these.
 */

const money = (amount: number) => ({ amount, currency: 'CNY' });

export const registration = { type: 'retailer', name: 'Route Test Co', contacts: [] };

/** A Luhn-valid card number (LOY-2) that no test issues. */
export const CARD = '6200000000000003';

export const purchase = {
  storeId: 'S1',
  transactionId: 'T-1',
  occurredAt: '2026-11-03T08:15:00Z',
  lines: [{ sku: 'TEA', quantity: 1, unitPrice: money(100_000) }],
  paid: money(100_000),
};

export const CUSTOMER_SAMPLES: Record<keyof typeof CustomerOperations, RouteSample> = {
  register: { body: registration },
  list: {},
  get: { headers: { 'X-Access-Purpose': 'audit' } },
  update: { body: { industry: 'retail' }, headers: { 'If-Match': '"3"' } },
  submit: { body: { generalSurvey: 'g', fieldSurvey: 'f' } },
  approve: { body: {} },
  reject: { body: { reason: 'incomplete' } },
  grade: { body: { grade: 'A', reason: 'top dealer' } },
  review: { body: { outcome: 'verified' } },
  markDormant: { body: { reason: 'no orders' } },
  approveDestruction: { body: {} },
  accessLog: {},
};

export const COMPLAINT_SAMPLES: Record<keyof typeof ComplaintOperations, RouteSample> = {
  register: {
    body: { kind: 'complaint', channel: 'phone', complainant: { anonymous: true }, subject: 's', description: 'd', category: 'quality' },
  },
  list: {},
  get: {},
  accept: { body: { severity: 'major' } },
  reject: { body: { reason: 'provocation', malicious: true } },
  assign: { body: { department: 'packing', assignee: 'Zhao Lei' } },
  findings: { body: { rootCause: 'r', ourFault: true, responsibleDepartment: 'packing', penalty: { amount: money(50_000) } } },
  propose: { body: { resolution: 'compensation', amount: money(600_000) } },
  approve: { body: {} },
  resolve: { body: { message: 'called' } },
  followUp: {
    body: { satisfied: true, ratings: { attitude: 'poor', skill: 'average', timeliness: 'satisfied', promiseKept: 'very_satisfied' } },
  },
  extend: { body: { reason: 'lab' } },
  monthlyReport: { query: '?month=2026-10' },
};

export const DEVELOPMENT_SAMPLES: Record<keyof typeof DevelopmentOperations, RouteSample> = {
  apply: { body: { target: 'Main supplier', approach: 'Tasting' } },
  approve: { body: {} },
  halt: { body: { reason: 'Credit problem' } },
  resume: { body: {} },
  investigate: { body: { paymentHabits: 'Pays late', conclusion: 'Risky', highestCreditLevel: 'C' } },
  designateVisitor: { body: { visitor: 'visitor-9' } },
  recordVisit: { body: { visitedAt: '2026-11-03T08:15:00Z', visitor: 'visitor-9', urgent: { kind: 'other', summary: 's' } } },
  listVisits: { headers: { 'X-Access-Purpose': 'follow-up' } },
  daily: { query: '?visitor=visitor-9&date=2026-11-03' },
  overdue: { query: '?visitor=visitor-9' },
  urgent: {},
  monthlyReport: { query: '?month=2026-10' },
  putSalesFigures: { body: { sales: money(100), costOfSales: money(50) }, params: { period: '2026-10' } },
  keyCustomers: { query: '?period=2026-Q3' },
};

export const LOYALTY_SAMPLES: Record<keyof typeof LoyaltyOperations, RouteSample> = {
  recordPurchase: { body: purchase },
  issueCard: { body: { phone: '13800138000', name: 'Li Wei', birthday: '1990-05-17', storeId: 'S1' } },
  getCard: { params: { cardNumber: CARD } },
  ledger: { query: '?limit=10', params: { cardNumber: CARD } },
  reportLost: { body: {}, params: { cardNumber: CARD } },
  replaceCard: { body: {}, params: { cardNumber: CARD } },
  renewCard: { body: {}, params: { cardNumber: CARD } },
  quote: { body: { cardNumber: CARD, storeId: 'S1', lines: [{ sku: 'TEA', quantity: 1, unitPrice: money(1000) }] } },
  listRewards: {},
  createReward: { body: { name: 'Cup', pointsCost: 10, stock: 5 } },
  redeem: { body: { storeId: 'S1', cardNumber: CARD, rewardId: randomUUID(), quantity: 1 } },
  registrationsReport: { query: '?month=2026-10' },
};

export const RETURN_SAMPLES: Record<keyof typeof ReturnOperations, RouteSample> = {
  create: {
    body: {
      customerId: randomUUID(),
      reason: 'wrong colour',
      handling: 'return',
      lines: [{ sku: 'A', quantity: 1, unitPrice: money(100) }],
    },
  },
  list: {},
  get: {},
  approve: { body: {} },
  receive: { body: { lines: [{ sku: 'A', receivedQuantity: 1 }], signedBy: 'Zhao Lei' } },
  reconcile: { body: {} },
  resolveDiscrepancy: { body: { lines: [{ sku: 'A', acceptedQuantity: 0 }], note: 'crushed' } },
  franchiseTerms: {
    body: { returnRatioBasisPoints: 500, periodFrom: '2026-01-01', periodTo: '2026-12-31', periodPurchases: money(1_000_000) },
  },
  createCreditNote: { body: { customerId: randomUUID(), kind: 'discount', amount: money(100), reason: 'price' } },
  getCreditNote: {},
  approveCreditNote: { body: {} },
  signCreditNote: { body: { signedBy: 'Li Wei' } },
  postCreditNote: { body: {} },
  getVoucher: {},
};

export const SERVICE_REQUEST_SAMPLES: Record<keyof typeof ServiceRequestOperations, RouteSample> = {
  register: {
    body: {
      kind: 'paid',
      contact: { name: 'Chen Jie', phone: '+86 138 0013 8000', address: '18 Wensan Road' },
      product: { model: 'TM-300' },
      problem: 'No heat',
      site: 'local',
      fee: money(30_000),
    },
  },
  list: { query: '?status=registered' },
  dispatchQueue: {},
  registerCheck: { query: '?date=2026-11-05' },
  technicianScorecard: { query: '?month=2026-11' },
  get: {},
  dispatch: { body: { technician: 'Li Qiang', promisedDate: '2026-11-06' } },
  applyOffSite: { body: { technician: 'Li Qiang', destination: 'Ningbo', days: 2, estimatedCost: money(80_000) } },
  approveOffSite: { body: {} },
  start: { body: {} },
  voucher: { body: { startedAt: '2026-11-05T01:00:00Z', endedAt: '2026-11-05T03:00:00Z', work: 'Replaced pump', payment: 'cash' } },
  countersign: { body: {} },
  customerSignature: { body: { signedBy: 'Chen Jie' } },
  opinion: {
    body: {
      ratings: { attitude: 'satisfied', skill: 'very_satisfied', arrival: 'average', promiseKept: 'poor' },
      grievance: { text: 'Late', serious: true },
    },
  },
  answerGrievance: { body: { answer: 'We apologise' } },
};

/** The samples of each table, keyed like OPERATION_TABLES (libs/contracts/src/roles-doc.ts). */
export const ROUTE_SAMPLES: Record<string, Record<string, RouteSample>> = {
  customers: CUSTOMER_SAMPLES,
  complaints: COMPLAINT_SAMPLES,
  returns: RETURN_SAMPLES,
  'service requests': SERVICE_REQUEST_SAMPLES,
  'customer development': DEVELOPMENT_SAMPLES,
  loyalty: LOYALTY_SAMPLES,
};
