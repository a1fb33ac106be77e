import { businessDate } from '@crm/calendar';
import type { FieldError } from '@crm/errors';
import { ServiceRequestException } from './service-request.exception';

/**
 * SRV-4: the voucher's actual times — the end after the start, and neither in the future (a voucher
 * records work done). Refused naming SRV-4 with the fields.
 */
export function checkVoucherTimes(startedAt: Date, endedAt: Date, now: Date): void {
  const errors: FieldError[] = [];
  if (endedAt.getTime() <= startedAt.getTime()) errors.push({ field: 'endedAt', message: 'SRV-4: the end must be after the start' });
  if (endedAt.getTime() > now.getTime()) errors.push({ field: 'endedAt', message: 'SRV-4: the end cannot be in the future' });
  if (errors.length) throw ServiceRequestException.rule('SRV-4', errors.map((error) => error.message.slice(7)).join('; '), errors);
}

/**
 * SRV-6 "arrivals on the promised day": the technician arrived when the work started (the voucher's
 * `startedAt`); on time = its business date (Asia/Shanghai) is on or before the promised date.
 */
export function arrivedOnTime(workStartedAt: Date, promisedDate: string): boolean {
  return businessDate(workStartedAt) <= promisedDate;
}
