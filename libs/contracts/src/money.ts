/** The largest amount of money any field accepts, in fen (10^10 CNY): SPEC "Conventions". */
export const MAX_MONEY_AMOUNT = 1_000_000_000_000;
