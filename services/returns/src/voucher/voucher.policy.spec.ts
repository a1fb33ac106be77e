import { assertBalanced, voucherLines } from './voucher.policy';

describe('RET-5 voucher: double entry balanced to the fen', () => {
  it('debits sales returns and allowances per line and credits accounts receivable with the sum', () => {
    const { lines, totalFen } = voucherLines(
      [
        { memo: 'A × 3', amountFen: 5997 },
        { memo: 'B × 1', amountFen: 1 },
      ],
      false,
    );
    expect(totalFen).toBe(5998);
    expect(lines).toEqual([
      { account: 'sales_returns_and_allowances', debitFen: 5997, creditFen: 0, memo: 'A × 3' },
      { account: 'sales_returns_and_allowances', debitFen: 1, creditFen: 0, memo: 'B × 1' },
      { account: 'accounts_receivable', debitFen: 0, creditFen: 5998, memo: null },
    ]);
  });

  it('credits cash for a paid POS sale', () => {
    const { lines } = voucherLines([{ memo: 'A × 1', amountFen: 100 }], true);
    expect(lines.at(-1)).toMatchObject({ account: 'cash', creditFen: 100 });
  });

  it('leaves out lines of zero and still books a complete zero voucher when nothing was accepted', () => {
    expect(
      voucherLines(
        [
          { memo: 'A × 0', amountFen: 0 },
          { memo: 'B × 2', amountFen: 20 },
        ],
        false,
      ).lines,
    ).toHaveLength(2);
    const empty = voucherLines([{ memo: 'A × 0', amountFen: 0 }], false);
    expect(empty.totalFen).toBe(0);
    expect(empty.lines.map((line) => line.account)).toEqual(['sales_returns_and_allowances', 'accounts_receivable']);
  });

  it('refuses an unbalanced set of lines', () => {
    expect(() =>
      assertBalanced(
        [
          { account: 'sales_returns_and_allowances', debitFen: 100, creditFen: 0, memo: null },
          { account: 'accounts_receivable', debitFen: 0, creditFen: 99, memo: null },
        ],
        100,
      ),
    ).toThrow(/RET-5/);
  });
});
