import { ComplaintOperations as ops } from '@crm/contracts';
import { ComplaintsHarness, caller, complaintInput } from './support/complaints-harness';

jest.setTimeout(60_000);

/** CMP-1 / SPEC "Conventions": numbers never repeat and leave no gap, even under concurrency. */
describe('complaint numbers under concurrency (integration)', () => {
  let h: ComplaintsHarness;
  beforeAll(async () => {
    h = await ComplaintsHarness.start('complaints_numbers');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives 20 concurrent registrations 20 distinct consecutive numbers', async () => {
    const who = caller(['service']);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.call<{ number: string }>(ops.register.pattern, complaintInput(), who)),
    );
    const numbers = results.map((result) => result.number).sort();
    expect(new Set(numbers).size).toBe(20);
    const sequences = numbers.map((number) => Number(number.slice(-4)));
    const month = numbers[0].slice(0, 9);
    expect(numbers.every((number) => number.startsWith(month))).toBe(true);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => sequences[0] + i));
    expect(sequences[0]).toBe(1);
    const rows = await h.sql.query<{ n: number }>('SELECT count(DISTINCT number)::int AS n FROM complaints');
    expect(rows.rows[0].n).toBe(20);
  });
});
