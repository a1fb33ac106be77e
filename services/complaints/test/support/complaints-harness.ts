import type { Role } from '@crm/contracts';
import { DomainServiceHarness, testCaller } from '@crm/testing';
import { loadComplaintsConfig, type ComplaintsConfig } from '../../src/complaints.config';
import { startComplaintsService } from '../../src/complaints.service';

/** The complaints service on its own test database and vhost (`call`, `failure`, `probe` on `complaints.#`, `sql`). */
export type ComplaintsHarness = DomainServiceHarness<ComplaintsConfig>;
export const ComplaintsHarness = {
  start: (purpose: string, env: NodeJS.ProcessEnv = {}): Promise<ComplaintsHarness> =>
    DomainServiceHarness.start({ purpose, config: loadComplaintsConfig(env), start: startComplaintsService }),
};

export const caller = (roles: Role[]) => testCaller(roles);

/** A valid Register body; `overrides` replace fields. */
export function complaintInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'complaint',
    channel: 'phone',
    complainant: { name: 'Wang Fang', phone: '+86 138 0013 8000' },
    subject: 'Leaking tea tins',
    description: 'Three of twenty tins arrived with broken seals.',
    category: 'quality',
    demand: 'Replace or refund',
    product: { orderNo: 'SO-1001', sku: 'TEA-500G', batchNo: 'B-7', shippedAt: '2026-10-30', quantity: 20, defectiveQuantity: 3 },
    ...overrides,
  };
}

/** A valid `POST /service-requests` body (SRV-1): a paid local request; `overrides` replace fields. */
export function serviceRequestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'paid',
    customerId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
    contact: { name: 'Chen Jie', phone: '+86 138 0013 8000', address: '18 Wensan Road, Hangzhou' },
    product: { model: 'TM-300 tea machine', spec: '220 V', purchasedAt: '2026-03-01', purchasedFrom: 'Hangzhou store' },
    problem: 'The heater does not warm up',
    site: 'local',
    fee: { amount: 30_000, currency: 'CNY' },
    ...overrides,
  };
}
