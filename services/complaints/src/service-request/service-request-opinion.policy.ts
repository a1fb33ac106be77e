import { type Caller, type ServiceRatings, type TechnicianScore, type TechnicianScorecard, hasAnyRole } from '@crm/contracts';
import { SCORES } from '../complaint/monthly-report/monthly-report.policy';
import { ServiceRequestException } from './service-request.exception';

/**
 * SRV-6: who answers a grievance in writing — an executive when it is serious (it escalates to
 * one at once), else the service department (`service` or its `manager`). `admin` may do everything (GW-3).
 */
export function grievanceAnswerer(serious: boolean): 'executive' | 'service' {
  return serious ? 'executive' : 'service';
}

export function assertMayAnswerGrievance(caller: Caller, serious: boolean): void {
  const roles = serious ? (['executive'] as const) : (['service', 'manager'] as const);
  if (!hasAnyRole(caller, roles)) {
    throw ServiceRequestException.role('SRV-6', serious ? 'answering a serious grievance' : 'answering a grievance', [...roles, 'admin']);
  }
}

/** SRV-6 on the four CMP-12 levels: 4 very satisfied … 1 poor (the complaints report's scale). */
export function scoresOf(ratings: ServiceRatings): { attitude: number; skill: number; arrival: number; promiseKept: number } {
  return {
    attitude: SCORES[ratings.attitude],
    skill: SCORES[ratings.skill],
    arrival: SCORES[ratings.arrival],
    promiseKept: SCORES[ratings.promiseKept],
  };
}

/** `numerator / denominator` rounded half-up to `places` decimals in integer arithmetic (no float drift). */
export function decimalRatio(numerator: number, denominator: number, places: number): string | null {
  if (denominator === 0) return null;
  const scale = 10 ** places;
  const scaled = Math.floor((2 * numerator * scale + denominator) / (2 * denominator));
  const whole = Math.floor(scaled / scale);
  return `${whole}.${String(scaled % scale).padStart(places, '0')}`;
}

/** What the scorecard's one SQL statement sums per technician. */
export interface TechnicianTotals {
  technician: string;
  completed: number;
  rated: number;
  attitudeSum: number;
  skillSum: number;
  arrivalSum: number;
  promiseKeptSum: number;
  arrivedOnTime: number;
  grievances: number;
  seriousGrievances: number;
}

/**
 * SRV-6: the monthly technician scorecard from the summed rows — averages per item over the rated
 * requests (2 decimals), on-time arrival share over the completed requests (4 decimals). Sorted by
 * technician.
 */
export function formatScorecard(month: string, rows: readonly TechnicianTotals[]): TechnicianScorecard {
  const technicians: TechnicianScore[] = [...rows]
    .sort((a, b) => (a.technician < b.technician ? -1 : a.technician > b.technician ? 1 : 0))
    .map((row) => ({
      technician: row.technician,
      completed: row.completed,
      ratings: {
        rated: row.rated,
        attitude: decimalRatio(row.attitudeSum, row.rated, 2),
        skill: decimalRatio(row.skillSum, row.rated, 2),
        arrival: decimalRatio(row.arrivalSum, row.rated, 2),
        promiseKept: decimalRatio(row.promiseKeptSum, row.rated, 2),
      },
      arrivedOnTime: row.arrivedOnTime,
      onTimeArrivalShare: decimalRatio(row.arrivedOnTime, row.completed, 4),
      grievances: row.grievances,
      seriousGrievances: row.seriousGrievances,
    }));
  return { month, technicians };
}
