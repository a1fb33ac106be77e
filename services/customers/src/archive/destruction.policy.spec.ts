import { getMetadataArgsStorage } from 'typeorm';
import type { Caller, DestructionApproval, Role } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { Customer } from './customer.entity';
import { chooseDestructionSlot, eraseArchive, isDestructionApproved } from './destruction.policy';

const key = (keyId: string, roles: Role[]): Caller => ({
  keyId,
  name: keyId,
  roles,
  clearance: 'confidential',
  storeId: null,
  designatedCustomerIds: [],
});
const approval = (role: DestructionApproval['role'], keyId: string): DestructionApproval => ({
  role,
  by: { keyId, name: keyId },
  at: '2026-01-01T00:00:00Z',
});

/** CUS-9: three distinct approvals — archivist, manager, executive. */
describe('destruction slots', () => {
  it('fills the slot of the caller’s role', () => {
    expect(chooseDestructionSlot(key('a', ['archivist']), [])).toBe('archivist');
    expect(chooseDestructionSlot(key('m', ['manager']), [approval('archivist', 'a')])).toBe('manager');
    expect(chooseDestructionSlot(key('e', ['executive', 'sales']), [])).toBe('executive');
  });

  it('gives a key with several roles the first open one', () => {
    expect(chooseDestructionSlot(key('x', ['manager', 'archivist']), [])).toBe('archivist');
    expect(chooseDestructionSlot(key('x', ['manager', 'archivist']), [approval('archivist', 'a')])).toBe('manager');
  });

  it('never lets one key fill two slots', () => {
    expect(() => chooseDestructionSlot(key('x', ['manager', 'executive']), [approval('manager', 'x')])).toThrow(
      expect.objectContaining({ kind: ErrorKind.Conflict, rule: 'CUS-9' }),
    );
  });

  it('refuses a second approval for a filled slot', () => {
    expect(() => chooseDestructionSlot(key('a2', ['archivist']), [approval('archivist', 'a1')])).toThrow(
      expect.objectContaining({ kind: ErrorKind.Conflict, rule: 'CUS-9' }),
    );
  });

  it('does not let admin, or any other role, stand in for an officer', () => {
    for (const roles of [['admin'], ['sales'], ['auditor']] as Role[][]) {
      expect(() => chooseDestructionSlot(key('z', roles), [])).toThrow(
        expect.objectContaining({ kind: ErrorKind.Forbidden, rule: 'CUS-9' }),
      );
    }
  });

  it('is complete with the three roles from three keys only', () => {
    expect(isDestructionApproved([approval('archivist', 'a'), approval('manager', 'm')])).toBe(false);
    expect(isDestructionApproved([approval('archivist', 'a'), approval('manager', 'm'), approval('executive', 'e')])).toBe(true);
    expect(isDestructionApproved([approval('archivist', 'a'), approval('manager', 'a'), approval('executive', 'e')])).toBe(false);
  });
});

describe('eraseArchive', () => {
  it('keeps the tombstone and clears everything personal or business', () => {
    const customer = Object.assign(new Customer(), {
      id: 'c-1',
      code: 'C2026000001',
      type: 'dealer',
      name: 'Secret Dealer',
      status: 'dormant',
      confidentiality: 'secret',
      grade: 'A',
      creditRating: 'B',
      content: { contacts: [{ name: 'Li Wei' }], notes: 'n' },
      firstContactAt: new Date(),
      archiveDueBy: new Date(),
      createdLate: true,
      survey: { generalSurvey: 'g', fieldSurvey: 'f', submittedAt: 'x', submittedBy: { keyId: 's', name: 's' } },
      rejectionReason: 'r',
      approvedBy: { keyId: 'm', name: 'm' },
      approvedAt: new Date(),
      lastReviewedAt: new Date(),
      nextReviewDueAt: new Date(),
      gradeHistory: [{ reason: 'why' }],
      reviews: [{ notes: 'ok' }],
      dormantAt: new Date(),
      dormantReason: 'closed',
      destructionApprovals: [approval('archivist', 'a'), approval('manager', 'm'), approval('executive', 'e')],
      createdBy: { keyId: 's', name: 's' },
    });
    const at = new Date('2026-05-01T00:00:00Z');
    eraseArchive(customer, at);
    expect(customer).toMatchObject({
      id: 'c-1',
      code: 'C2026000001',
      status: 'destroyed',
      destroyedAt: at,
      type: 'dealer',
      confidentiality: 'secret',
    });
    expect(customer.destructionApprovals).toHaveLength(3);
    const {
      id: _id,
      code: _code,
      destructionApprovals: _approvals,
      destroyedAt: _at,
      type: _type,
      confidentiality: _level,
      status: _status,
      ...rest
    } = customer;
    for (const [field, value] of Object.entries(rest)) {
      expect([field, value === null || value === false || (Array.isArray(value) && value.length === 0)]).toEqual([field, true]);
    }
  });
});

describe('eraseArchive covers every column of the archive (CUS-9)', () => {
  // What the tombstone and the list keep; every other column must come out empty.
  const KEPT = [
    'id',
    'seq',
    'code',
    'type',
    'status',
    'confidentiality',
    'destroyedAt',
    'destructionApprovals',
    'createdAt',
    'updatedAt',
    'version',
  ];

  it('leaves no column outside the tombstone with a value, including columns added later', () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((column) => column.target === Customer)
      .map((column) => column.propertyName);
    expect(columns.length).toBeGreaterThan(KEPT.length);
    // Every column holds something before…
    const customer = new Customer();
    for (const column of columns) Object.assign(customer, { [column]: `value of ${column}` });
    eraseArchive(customer, new Date('2026-11-23T00:00:00Z'));
    // …and afterwards only the kept ones still do.
    const leftovers = columns
      .filter((column) => !KEPT.includes(column))
      .filter((column) => {
        const value = (customer as unknown as Record<string, unknown>)[column];
        return !(value === null || value === false || (Array.isArray(value) && value.length === 0));
      });
    expect(leftovers).toEqual([]);
  });
});
