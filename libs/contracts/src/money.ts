/** Money is integer minor units (fen) plus an ISO currency code; never floating point. */
export interface Money {
  amount: number;
  currency: string;
}

export const MAX_MONEY_AMOUNT = 1_000_000_000_000;
