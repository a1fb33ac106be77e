import { CustomerOperations, CustomerQueries } from '@crm/contracts';
import { CustomersHarness, DAY, archiveInput, caller } from './support/customers-harness';

type Archive = Record<string, unknown> & { id: string; version: number };
type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

/** Register, Get, List and the borrowing register against real PostgreSQL and RabbitMQ. */
describe('customers service: register, read, list, borrowing register', () => {
  let h: CustomersHarness;
  const sales = caller(['sales'], 'confidential');
  const clerk = caller(['service'], 'confidential');
  const secretManager = caller(['manager'], 'secret');
  const chief = caller(['executive'], 'top_secret');
  const auditor = caller(['auditor'], 'confidential');
  const admin = caller(['admin'], 'confidential');
  const till = caller(['pos'], 'top_secret');

  beforeAll(async () => {
    h = await CustomersHarness.start('customers_read');
  });
  afterAll(async () => {
    await h?.close();
  });

  const register = (overrides: Record<string, unknown> = {}, by = sales) =>
    h.call<Archive>(CustomerOperations.register.pattern, archiveInput(overrides), by);

  describe('CUS-1 register', () => {
    it('creates a prospect holding the whole archive, with id, timestamps and version', async () => {
      const input = archiveInput({
        registration: {
          registrationNo: '91330100MA2',
          registeredCapital: { amount: 1_000_000, currency: 'CNY' },
          registeredOn: '2010-06-01',
        },
      });
      const created = await h.call<Archive>(CustomerOperations.register.pattern, input, sales);
      expect(created).toMatchObject({
        status: 'prospect',
        code: null,
        version: 1,
        confidentiality: 'confidential', // CUS-6 default
        grade: null,
        creditRating: null,
        contacts: input.contacts,
        creditInformation: input.creditInformation,
        registration: input.registration,
        createdBy: { keyId: sales.keyId, name: sales.name },
      });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.createdAt).toEqual(created.updatedAt);
      const read = await h.call<Archive>(CustomerOperations.get.pattern, { id: created.id, purpose: 'verify registration' }, sales);
      expect(read).toEqual({ ...created, reviewOverdue: false });
    });

    it('stores hostile strings literally', async () => {
      const name = `Robert'); DROP TABLE customers;-- 100%_\\ <script>alert(1)</script> ${Date.now()}`;
      const created = await register({ name, notes: "' OR 1=1 --", contacts: [{ name: '$1 ${x} 测试 \u202e' }] });
      const read = await h.call<Archive>(
        CustomerOperations.get.pattern,
        { id: created.id, purpose: "'; DELETE FROM customer_access_entries;--" },
        sales,
      );
      expect(read).toMatchObject({ name, notes: "' OR 1=1 --", contacts: [{ name: '$1 ${x} 测试 \u202e' }] });
      const listed = await h.call<Page>(CustomerOperations.list.pattern, { q: name }, sales);
      expect(listed.items.map((item) => item.id)).toEqual([created.id]);
    });

    it('refuses NUL characters, which PostgreSQL cannot store, as invalid input rather than crashing', async () => {
      expect(await h.failure(CustomerOperations.register.pattern, archiveInput({ notes: 'a\u0000b' }), sales)).toMatchObject({
        kind: 'invalid',
      });
      const created = await register();
      expect(await h.failure(CustomerOperations.get.pattern, { id: created.id, purpose: 'x\u0000' }, sales)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'purpose' })],
      });
      expect(await h.failure(CustomerOperations.list.pattern, { q: '\u0000' }, sales)).toMatchObject({ kind: 'invalid' });
    });

    it('refuses strings that are not well-formed UTF-16 (lone surrogates), nested ones included, as invalid rather than crashing', async () => {
      const before = await h.sql.query('SELECT count(*)::int AS n FROM customers');
      for (const [overrides, field] of [
        [{ name: 'a\ud800b' }, 'name'],
        [{ notes: '\udc00' }, 'notes'],
        [{ contacts: [{ name: 'Li\ud83d' }] }, 'contacts.0.name'],
        [{ address: { line: '1 Road', city: '\ud800' } }, 'address.city'],
        [{ creditInformation: { paymentBehaviour: 'late\udfff' } }, 'creditInformation.paymentBehaviour'],
        [{ emergencyContact: { name: 'Li Na', relation: '\ud800' } }, 'emergencyContact.relation'],
      ] as const) {
        const error = await h.failure(CustomerOperations.register.pattern, archiveInput(overrides), sales);
        expect(error).toMatchObject({ kind: 'invalid' });
        expect(error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      const after = await h.sql.query('SELECT count(*)::int AS n FROM customers');
      expect(after.rows[0].n).toBe(before.rows[0].n);

      const created = await register();
      const update = await h.failure(
        CustomerOperations.update.pattern,
        { id: created.id, expectedVersion: 1, changes: { businessStatus: { cooperationAttitude: 'x\ud800' } } },
        sales,
      );
      expect(update).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'changes.businessStatus.cooperationAttitude' })],
      });
      expect(await h.failure(CustomerOperations.get.pattern, { id: created.id, purpose: 'audit \ud800' }, sales)).toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ field: 'purpose' })],
      });
      expect(await h.failure(CustomerOperations.list.pattern, { q: '\ud800' }, sales)).toMatchObject({ kind: 'invalid' });
      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: created.id }, auditor);
      expect(log.items).toEqual([]);
      await expect(h.call(CustomerOperations.get.pattern, { id: created.id, purpose: 'check' }, sales)).resolves.toMatchObject({
        version: 1,
      });
    });

    it('counts limits in characters (code points) as the gateway does, not UTF-16 units', async () => {
      const x = '\u{1D4B3}'; // 𝒳
      const created = await register({
        name: x.repeat(200),
        industry: x.repeat(150),
        notes: x.repeat(10_000),
        contacts: [{ name: x.repeat(200) }],
      });
      const read = await h.call<Archive>(CustomerOperations.get.pattern, { id: created.id, purpose: x.repeat(200) }, sales);
      expect(read).toMatchObject({ name: x.repeat(200), industry: x.repeat(150), notes: x.repeat(10_000) });
      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: created.id }, auditor);
      expect(log.items).toEqual([expect.objectContaining({ purpose: x.repeat(200), outcome: 'granted' })]);
      const error = await h.failure(
        CustomerOperations.register.pattern,
        archiveInput({ name: x.repeat(201), industry: x.repeat(201) }),
        sales,
      );
      expect(error.errors).toEqual([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'industry' })]);
      expect(await h.failure(CustomerOperations.get.pattern, { id: created.id, purpose: x.repeat(201) }, sales)).toMatchObject({
        kind: 'invalid',
      });
    });

    it('applies the phone rule: digits, spaces, + - ( ), 5–20 characters, at least 5 digits, + only first', async () => {
      const phones = ['(010) 6552-9988', '+86 (571) 8888-1234', '12345'];
      const created = await register({
        contacts: phones.map((phone, i) => ({ name: `c${i}`, phone })),
        emergencyContact: { name: 'E', phone: '(0571) 8888 1234' },
      });
      expect((await h.call<Archive>(CustomerOperations.get.pattern, { id: created.id, purpose: 'phone check' }, sales)).contacts).toEqual(
        phones.map((phone, i) => ({ name: `c${i}`, phone })),
      );
      for (const phone of ['+++++', '12+345', '++86 571 8888', '(12) 34', '1'.repeat(21), '010.6552.9988']) {
        const error = await h.failure(CustomerOperations.register.pattern, archiveInput({ contacts: [{ name: 'A', phone }] }), sales);
        expect(error.errors).toEqual([expect.objectContaining({ field: 'contacts.0.phone' })]);
        const emergency = await h.failure(
          CustomerOperations.register.pattern,
          archiveInput({ emergencyContact: { name: 'E', phone } }),
          sales,
        );
        expect(emergency.errors).toEqual([expect.objectContaining({ field: 'emergencyContact.phone' })]);
      }
    });

    it.each([
      ['a bad email', { contacts: [{ name: 'A', email: 'not-an-email' }] }, 'contacts.0.email'],
      ['a bad phone', { contacts: [{ name: 'A', phone: 'call me' }] }, 'contacts.0.phone'],
      ['a bad birthday', { contacts: [{ name: 'A', birthday: '1980-02-30' }] }, 'contacts.0.birthday'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['notes over 10,000 characters', { notes: 'x'.repeat(10_001) }, 'notes'],
      ['more than 100 contacts', { contacts: Array.from({ length: 101 }, (_, i) => ({ name: `c${i}` })) }, 'contacts'],
      ['a fractional amount', { annualRevenue: { amount: 1.5, currency: 'CNY' } }, 'annualRevenue.amount'],
      ['an amount over 10^12', { annualRevenue: { amount: 1_000_000_000_001, currency: 'CNY' } }, 'annualRevenue.amount'],
      ['a lower-case currency', { annualRevenue: { amount: 1, currency: 'cny' } }, 'annualRevenue.currency'],
      ['an unknown type', { type: 'partner' }, 'type'],
      ['an unknown level', { confidentiality: 'public' }, 'confidentiality'],
      ['an unknown field', { favouriteColour: 'red' }, 'favouriteColour'],
      ['a local first-contact time', { firstContactAt: '2026-01-05T08:00:00' }, 'firstContactAt'],
    ])('refuses %s (400, field named) and writes nothing', async (_case, overrides, field) => {
      const before = await h.sql.query('SELECT count(*)::int AS n FROM customers');
      const error = await h.failure(CustomerOperations.register.pattern, archiveInput(overrides), sales);
      expect(error.kind).toBe('invalid');
      expect(error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      const after = await h.sql.query('SELECT count(*)::int AS n FROM customers');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('is refused to roles other than sales and manager, and to anonymous calls', async () => {
      expect(await h.failure(CustomerOperations.register.pattern, archiveInput(), clerk)).toMatchObject({
        kind: 'forbidden',
        code: 'CUSTOMER_ROLE_REQUIRED',
      });
      expect(await h.failure(CustomerOperations.register.pattern, archiveInput())).toMatchObject({ kind: 'unauthenticated' });
    });
  });

  describe('CUS-3 archive deadline', () => {
    it('flags archives created more than 7 days after first contact and filters them', async () => {
      const firstLate = new Date(Date.now() - 10 * DAY);
      const late = await register({ firstContactAt: firstLate.toISOString() });
      const onTime = await register({ firstContactAt: new Date(Date.now() - 2 * DAY).toISOString() });
      const unknown = await register();
      expect(late).toMatchObject({ createdLate: true, archiveDueBy: new Date(firstLate.getTime() + 7 * DAY).toISOString() });
      expect(onTime).toMatchObject({ createdLate: false });
      expect(unknown).toMatchObject({ createdLate: false, firstContactAt: null, archiveDueBy: null });

      const lateIds = (await h.call<Page>(CustomerOperations.list.pattern, { createdLate: true, limit: 200 }, clerk)).items.map(
        (item) => item.id,
      );
      expect(lateIds).toContain(late.id);
      expect(lateIds).not.toContain(onTime.id);
      const notLate = (await h.call<Page>(CustomerOperations.list.pattern, { createdLate: false, limit: 200 }, clerk)).items.map(
        (item) => item.id,
      );
      expect(notLate).toEqual(expect.arrayContaining([onTime.id, unknown.id]));
      expect(notLate).not.toContain(late.id);
    });

    it('refuses a first contact in the future, naming CUS-3', async () => {
      const error = await h.failure(
        CustomerOperations.register.pattern,
        archiveInput({ firstContactAt: new Date(Date.now() + DAY).toISOString() }),
        sales,
      );
      expect(error).toMatchObject({ kind: 'invalid', rule: 'CUS-1' });
      expect(error.message).toContain('CUS-3');
    });
  });

  describe('CUS-6 confidentiality and CUS-7 borrowing register', () => {
    let secret: Archive;
    let topSecret: Archive;

    beforeAll(async () => {
      secret = await register({ confidentiality: 'secret' });
      topSecret = await register({ confidentiality: 'top_secret' });
    });

    it('requires a purpose (400 naming CUS-7) before anything else', async () => {
      for (const purpose of [undefined, '', '   ']) {
        const error = await h.failure(
          CustomerOperations.get.pattern,
          { id: secret.id, ...(purpose === undefined ? {} : { purpose }) },
          secretManager,
        );
        expect(error).toMatchObject({ kind: 'invalid', code: 'CUSTOMER_PURPOSE_REQUIRED', rule: 'CUS-7' });
      }
    });

    it('reads the full archive only with enough clearance, and records every attempt', async () => {
      expect(await h.failure(CustomerOperations.get.pattern, { id: secret.id, purpose: 'complaint follow-up' }, clerk)).toMatchObject({
        kind: 'forbidden',
        code: 'CUSTOMER_CLEARANCE_INSUFFICIENT',
        rule: 'CUS-6',
      });
      const full = await h.call<Archive>(CustomerOperations.get.pattern, { id: secret.id, purpose: 'credit review' }, secretManager);
      expect(full.contacts).toEqual(archiveInput().contacts);

      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: secret.id }, auditor);
      expect(log.items).toEqual([
        {
          at: expect.any(String),
          caller: secretManager.name,
          callerKeyId: secretManager.keyId,
          purpose: 'credit review',
          outcome: 'granted',
        },
        {
          at: expect.any(String),
          caller: clerk.name,
          callerKeyId: clerk.keyId,
          purpose: 'complaint follow-up',
          outcome: 'denied',
          reason: expect.stringContaining('clearance confidential'),
        },
      ]);
      expect(log.nextCursor).toBeNull();
    });

    it('opens top_secret archives only to top_secret clearance or a designated key', async () => {
      const designated = caller(['sales'], 'confidential', [topSecret.id]);
      expect(await h.failure(CustomerOperations.get.pattern, { id: topSecret.id, purpose: 'p1' }, secretManager)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-6',
      });
      expect(await h.failure(CustomerOperations.get.pattern, { id: topSecret.id, purpose: 'p2' }, admin)).toMatchObject({
        kind: 'forbidden',
        rule: 'CUS-6',
      });
      await expect(h.call(CustomerOperations.get.pattern, { id: topSecret.id, purpose: 'p3' }, designated)).resolves.toMatchObject({
        id: topSecret.id,
      });
      await expect(h.call(CustomerOperations.get.pattern, { id: topSecret.id, purpose: 'p4' }, chief)).resolves.toMatchObject({
        id: topSecret.id,
      });
      // A designation is for that archive only.
      expect(await h.failure(CustomerOperations.get.pattern, { id: secret.id, purpose: 'p5' }, designated)).toMatchObject({
        kind: 'forbidden',
      });

      // CUS-7: the auditor (clearance confidential) reads the register of the top_secret archive.
      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: topSecret.id }, auditor);
      expect(log.items.map((entry) => [entry.purpose, entry.outcome])).toEqual([
        ['p4', 'granted'],
        ['p3', 'granted'],
        ['p2', 'denied'],
        ['p1', 'denied'],
      ]);
    });

    it('pages the register newest first with an opaque cursor', async () => {
      const first = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: topSecret.id, limit: 3 }, admin);
      expect(first.items.map((entry) => entry.purpose)).toEqual(['p4', 'p3', 'p2']);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await h.call<Page>(
        CustomerOperations.accessLog.pattern,
        { id: topSecret.id, limit: 3, cursor: first.nextCursor },
        admin,
      );
      expect(second).toEqual({ items: [expect.objectContaining({ purpose: 'p1' })], nextCursor: null });
    });

    it('lets only auditors and admins read the register (domain check, not only the gateway)', async () => {
      for (const who of [secretManager, chief, clerk]) {
        expect(await h.failure(CustomerOperations.accessLog.pattern, { id: secret.id }, who)).toMatchObject({
          kind: 'forbidden',
          rule: 'CUS-7',
        });
      }
      expect(await h.failure(CustomerOperations.accessLog.pattern, { id: '00000000-0000-4000-8000-000000000000' }, auditor)).toMatchObject({
        kind: 'not_found',
      });
    });

    it('records a read refused for the role too, and answers 403 before 404', async () => {
      expect(await h.failure(CustomerOperations.get.pattern, { id: secret.id, purpose: 'till lookup' }, till)).toMatchObject({
        kind: 'forbidden',
      });
      expect(
        await h.failure(CustomerOperations.get.pattern, { id: '00000000-0000-4000-8000-000000000000', purpose: 'x' }, till),
      ).toMatchObject({
        kind: 'forbidden',
      });
      expect(
        await h.failure(CustomerOperations.get.pattern, { id: '00000000-0000-4000-8000-000000000000', purpose: 'x' }, chief),
      ).toMatchObject({
        kind: 'not_found',
      });
      const log = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: secret.id, limit: 1 }, auditor);
      expect(log.items[0]).toMatchObject({ purpose: 'till lookup', outcome: 'denied', callerKeyId: till.keyId });
    });

    it('keeps the register append-only in the database itself', async () => {
      await expect(h.sql.query(`UPDATE customer_access_entries SET purpose = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(h.sql.query(`DELETE FROM customer_access_entries`)).rejects.toThrow(/append-only/);
      await expect(h.sql.query(`TRUNCATE customer_access_entries`)).rejects.toThrow(/append-only/);
      const forged = await h.sql.query(`SELECT count(*)::int AS n FROM customer_access_entries WHERE purpose = 'forged'`);
      expect(forged.rows[0].n).toBe(0);
    });
  });

  describe('CUS-6 list', () => {
    const marker = `Lotus-${Date.now()}`;
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (const level of ['confidential', 'secret', 'top_secret'])
        ids.push((await register({ name: `${marker} ${level}`, confidentiality: level })).id);
      await register({ name: `${marker.replace('-', '_')} decoy` });
    });

    it('shows every staff role the summaries of every level, newest first', async () => {
      const page = await h.call<Page>(CustomerOperations.list.pattern, { q: marker.toLowerCase() }, clerk);
      expect(page.items.map((item) => item.id)).toEqual([...ids].reverse());
      expect(Object.keys(page.items[0]).sort()).toEqual([
        'code',
        'confidentiality',
        'creditRating',
        'grade',
        'id',
        'name',
        'status',
        'type',
      ]);
      expect(page.nextCursor).toBeNull();
      expect(await h.failure(CustomerOperations.list.pattern, {}, till)).toMatchObject({ kind: 'forbidden', rule: 'CUS-6' });
    });

    it('pages with an opaque cursor and ends with nextCursor null', async () => {
      const first = await h.call<Page>(CustomerOperations.list.pattern, { q: marker, limit: 2 }, clerk);
      expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
      const second = await h.call<Page>(CustomerOperations.list.pattern, { q: marker, limit: 2, cursor: first.nextCursor }, clerk);
      expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      expect(await h.failure(CustomerOperations.list.pattern, { cursor: 'bm90LWEtY3Vyc29y' }, clerk)).toMatchObject({
        kind: 'invalid',
        code: 'CUSTOMER_INVALID_CURSOR',
      });
      expect(await h.failure(CustomerOperations.list.pattern, { limit: 201 }, clerk)).toMatchObject({ kind: 'invalid' });
    });

    it('filters by level and treats LIKE wildcards in q literally', async () => {
      const secretOnly = await h.call<Page>(CustomerOperations.list.pattern, { q: marker, confidentiality: 'secret' }, clerk);
      expect(secretOnly.items.map((item) => item.id)).toEqual([ids[1]]);
      // `_` would match the `-` of the marker if it were a wildcard.
      const literal = await h.call<Page>(CustomerOperations.list.pattern, { q: marker.replace('-', '_') }, clerk);
      expect(literal.items).toHaveLength(1);
      expect(literal.items[0].name).toContain('decoy');
      const percent = await h.call<Page>(CustomerOperations.list.pattern, { q: '%' }, clerk);
      expect(percent.items.length).toBeGreaterThan(0);
      expect(percent.items.every((item) => String(item.name).includes('%'))).toBe(true);
    });
  });

  describe('CUS-2 status query for other services', () => {
    it('answers id and status of any archive to staff without clearance, records nothing, refuses tills', async () => {
      const hidden = await register({ confidentiality: 'top_secret' });
      const before = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: hidden.id }, auditor);
      expect(await h.call(CustomerQueries.status.pattern, { id: hidden.id }, clerk)).toEqual({ id: hidden.id, status: 'prospect' });
      const after = await h.call<Page>(CustomerOperations.accessLog.pattern, { id: hidden.id }, auditor);
      expect(after.items).toHaveLength(before.items.length);
      expect(await h.failure(CustomerQueries.status.pattern, { id: hidden.id }, till)).toMatchObject({ kind: 'forbidden' });
      expect(await h.failure(CustomerQueries.status.pattern, { id: '00000000-0000-4000-8000-000000000000' }, clerk)).toMatchObject({
        kind: 'not_found',
      });
    });
  });
});
