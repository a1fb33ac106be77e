/** The service desk's own settings (SRV-2 calendar, SRV-5 cash limit). */
export interface ServiceRequestSettings {
  /** The working-day calendar of the complaints service (`BUSINESS_HOLIDAYS`, `BUSINESS_MAKEUP_DAYS`). */
  holidays: string[];
  makeUpWorkingDays: string[];
  /** SRV-5: the largest fee (fen, CNY) that may be collected on site in cash (`SERVICE_CASH_LIMIT_FEN`). */
  cashLimitFen: number;
}

/** SPEC SRV-5: 500.00 CNY. */
export const DEFAULT_SERVICE_CASH_LIMIT_FEN = 50_000;

/** DI token of the service desk's settings. */
export const SERVICE_REQUEST_SETTINGS = Symbol('SERVICE_REQUEST_SETTINGS');
