import type { EntityManager } from 'typeorm';
import type { Caller } from '@crm/contracts';
import type { OutboxWriter } from '@crm/messaging';
import type { Customer } from '../customer.entity';
import { UpdateCustomerHandler, changeSetFields } from './update-customer.handler';
import { DevelopmentGate } from '../../development/development-gate';

const now = new Date('2026-06-01T00:00:00Z');
const sales: Caller = {
  keyId: 'sales-key',
  name: 'sales',
  roles: ['sales'],
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
};

function topSecretArchive(): Customer {
  return {
    id: '0b5e7a8e-3c1f-4d0e-9a43-5b0a2d6c9f11',
    code: null,
    type: 'enterprise',
    name: 'Secret Trading',
    status: 'prospect',
    confidentiality: 'top_secret',
    grade: null,
    creditRating: null,
    version: 4,
    createdAt: new Date('2026-05-01T00:00:00Z'),
    updatedAt: new Date('2026-05-01T00:00:00Z'),
    firstContactAt: null,
    archiveDueBy: null,
    createdLate: false,
    approvedAt: null,
    lastReviewedAt: null,
    nextReviewDueAt: null,
    dormantAt: null,
    destroyedAt: null,
    destructionApprovals: [],
    content: { contacts: [{ name: 'Hidden Person' }], industry: 'rare earths', employees: 12 },
  } as unknown as Customer;
}

/** Runs one Update against an in-memory archive; answers the response and the events recorded. */
async function update(changes: Record<string, unknown>) {
  const customer = topSecretArchive();
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const outbox = { record: async (_m: unknown, event: (typeof events)[number]) => void events.push(event) } as unknown as OutboxWriter;
  const manager = { findOne: async () => customer, save: async () => customer } as unknown as EntityManager;
  const handler = new UpdateCustomerHandler(outbox, new DevelopmentGate());
  const response = await handler.execute(manager, sales, { id: customer.id, expectedVersion: 4, changes }, now);
  return { response, events, customer };
}

/**
 * CUS-6/CUS-7: a caller who may not read the archive must not learn its content from an Update.
 * The answer (version, event) depends on the change set alone, never on the stored values.
 */
describe('UpdateCustomerHandler without read rights', () => {
  it.each([
    ['industry', 'rare earths', 'tea'],
    ['employees', 12, 13],
    ['contacts', [{ name: 'Hidden Person' }], [{ name: 'Someone Else' }]],
  ])('answers the same whether %s equals the stored value or not', async (field, stored, other) => {
    const same = await update({ [field]: stored });
    const different = await update({ [field]: other });
    expect(same.response).toEqual(different.response);
    expect(same.response.version).toBe(5);
    expect(same.events).toEqual(different.events);
    expect(same.events).toEqual([expect.objectContaining({ data: expect.objectContaining({ changedFields: [field] }) })]);
    expect(Object.keys(same.response)).not.toContain(field);
  });

  it('keeps the version only for an empty change set, whatever is stored', async () => {
    const { response, events } = await update({});
    expect(response.version).toBe(4);
    expect(events).toEqual([]);
  });
});

describe('changeSetFields', () => {
  it('names every field present in the request, null included, in a fixed order', () => {
    expect(changeSetFields({ notes: null, name: 'N', industry: 'x', employees: undefined } as never)).toEqual([
      'name',
      'industry',
      'notes',
    ]);
    expect(changeSetFields({})).toEqual([]);
  });
});
