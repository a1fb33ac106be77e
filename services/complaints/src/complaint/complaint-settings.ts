import type { ComplaintSettings } from '../complaints.config';

/** DI token of the complaints domain settings (CMP-8 threshold, CMP-9 deadlines and calendar). */
export const COMPLAINT_SETTINGS = Symbol('COMPLAINT_SETTINGS');
export type { ComplaintSettings };
