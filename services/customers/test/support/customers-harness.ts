import { randomUUID } from 'node:crypto';
import type { Caller, ConfidentialityLevel, Role } from '@crm/contracts';
import { DomainServiceHarness, testCaller } from '@crm/testing';
import { loadCustomersConfig, type CustomersConfig } from '../../src/customers.config';
import { startCustomersService } from '../../src/customers.service';

/**
 * The customers service on its own test database and vhost, through the generic harness of
 * @crm/testing (`call`, `failure`, `probe` on `customers.#`, `sql`, `close`).
 */
export type CustomersHarness = DomainServiceHarness<CustomersConfig>;
export const CustomersHarness = {
  start: (purpose: string): Promise<CustomersHarness> =>
    DomainServiceHarness.start({ purpose, config: loadCustomersConfig({}), start: startCustomersService }),
};

/** An authenticated API key as the gateway would resolve it. */
export function caller(roles: Role[], clearance: ConfidentialityLevel = 'confidential', designatedCustomerIds: string[] = []): Caller {
  return testCaller(roles, { clearance, designatedCustomerIds });
}

export const DAY = 24 * 60 * 60 * 1000;

/** A valid Register body; `overrides` replace fields. */
export function archiveInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'enterprise',
    name: `Hangzhou West Lake Trading ${randomUUID().slice(0, 8)}`,
    industry: 'tea wholesale',
    employees: 80,
    annualRevenue: { amount: 300_000_000, currency: 'CNY' },
    address: { line: '1 Longjing Road', city: 'Hangzhou', province: 'Zhejiang', country: 'CN' },
    contacts: [
      { name: 'Li Wei', title: 'CEO', phone: '+86 571 8888 1234', email: 'li.wei@example.cn', birthday: '1975-03-09', keyPerson: true },
    ],
    organisationNotes: 'Family-owned; the founder decides.',
    businessStatus: { salesHistorySummary: 'Steady growth', cooperationAttitude: 'Positive' },
    creditInformation: {
      investigationSummary: 'No defaults found',
      paymentBehaviour: 'Pays within 30 days',
      creditLimit: { amount: 50_000_000, currency: 'CNY' },
    },
    emergencyContact: { name: 'Li Na', phone: '13800138000', relation: 'CFO' },
    ownerRep: 'rep-007',
    notes: 'Prefers WeChat',
    ...overrides,
  };
}
