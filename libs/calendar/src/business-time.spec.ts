import { businessInstant, dayNumberOf, parseDateList, timeOfDayMs } from './business-date';
import { addBusinessMonths, businessDate, businessMonth, businessPeriod, businessYear } from './business-time';

/** SPEC "Conventions": business dates in Asia/Shanghai (UTC+08:00 all year, no DST). */
describe('business time (Asia/Shanghai)', () => {
  it.each([
    ['2026-11-30T15:59:59.999Z', '2026-11-30', '2026-11', 2026],
    ['2026-11-30T16:00:00.000Z', '2026-12-01', '2026-12', 2026],
    ['2026-11-30T16:30:00.000Z', '2026-12-01', '2026-12', 2026],
    ['2026-12-31T15:59:59.999Z', '2026-12-31', '2026-12', 2026],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01', 2027],
    ['2027-06-15T03:00:00.000Z', '2027-06-15', '2027-06', 2027],
  ])('%s is business date %s, month %s, year %s', (iso, date, month, year) => {
    const at = new Date(iso);
    expect(businessDate(at)).toBe(date);
    expect(businessMonth(at)).toBe(month);
    expect(businessYear(at)).toBe(year);
    expect(businessPeriod(at, 'month')).toBe(month);
    expect(businessPeriod(at, 'year')).toBe(String(year));
  });

  it('turns a business wall-clock time into its instant', () => {
    expect(businessInstant('2026-10-08', '09:00').toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(businessInstant('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(businessInstant('2026-10-08', '24:00').toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });

  it('adds calendar months on the business calendar, clamping to the end of month', () => {
    expect(addBusinessMonths(businessInstant('2026-11-30', '10:00'), 3).toISOString()).toBe(
      businessInstant('2027-02-28', '10:00').toISOString(),
    );
    expect(addBusinessMonths(businessInstant('2027-11-30', '10:00'), 3).toISOString()).toBe(
      businessInstant('2028-02-29', '10:00').toISOString(),
    );
    // 2026-03-31T17:00Z is already April 1st in Shanghai: + 1 month = May 1st, not April 30th.
    expect(businessDate(addBusinessMonths(new Date('2026-03-31T17:00:00Z'), 1))).toBe('2026-05-01');
  });

  it('refuses dates and times that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', '2026-01-01T00:00']) {
      expect(() => dayNumberOf(bad)).toThrow(RangeError);
    }
    for (const bad of ['9:00', '24:01', '12:60', 'noon']) expect(() => timeOfDayMs(bad)).toThrow(RangeError);
  });

  it('reads an operator date list with ranges', () => {
    expect(parseDateList('2026-10-01..2026-10-03, 2026-09-27\n2026-12-31')).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-09-27',
      '2026-12-31',
    ]);
    expect(parseDateList('  ')).toEqual([]);
    expect(parseDateList('2026-12-31..2027-01-01')).toEqual(['2026-12-31', '2027-01-01']);
    for (const bad of ['2026-10-07..2026-10-01', '2026-10-01..2026-10-02..2026-10-03', '2026-10-32', '2026-01-01..2027-06-01']) {
      expect(() => parseDateList(bad)).toThrow(RangeError);
    }
  });
});
