import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, ServiceRequestOperations, type TechnicianScorecard, type TechnicianScorecardQuery } from '@crm/contracts';
import { monthRange } from '../../complaint/monthly-report/monthly-report.policy';
import { type TechnicianTotals, formatScorecard } from '../service-request-opinion.policy';
import { requireServiceRole } from '../service-request.policy';

/**
 * SRV-6, one SQL statement: per technician, the requests completed in the business month
 * (Asia/Shanghai), their opinions' score sums, the arrivals on the promised day (the voucher's
 * start, as a Shanghai business date, on or before the promised date — `arrivedOnTime` in
 * service-request-voucher.policy.ts) and the grievances. `formatScorecard` turns the sums into
 * 2-decimal averages and a 4-decimal share.
 */
const SCORECARD_SQL = `
  SELECT technician,
         count(*)::int                                                     AS completed,
         count(attitude_score)::int                                        AS rated,
         coalesce(sum(attitude_score), 0)::int                             AS "attitudeSum",
         coalesce(sum(skill_score), 0)::int                                AS "skillSum",
         coalesce(sum(arrival_score), 0)::int                              AS "arrivalSum",
         coalesce(sum(promise_kept_score), 0)::int                        AS "promiseKeptSum",
         count(*) FILTER (WHERE (work_started_at AT TIME ZONE 'Asia/Shanghai')::date <= promised_date)::int AS "arrivedOnTime",
         count(grievance_serious)::int                                     AS grievances,
         count(*) FILTER (WHERE grievance_serious)::int                    AS "seriousGrievances"
    FROM service_requests
   WHERE completed_at >= $1 AND completed_at < $2
   GROUP BY technician`;

@Injectable()
export class TechnicianScorecardHandler {
  async execute(manager: EntityManager, caller: Caller, input: TechnicianScorecardQuery): Promise<TechnicianScorecard> {
    requireServiceRole(caller, ServiceRequestOperations.technicianScorecard);
    const { start, end } = monthRange(input.month);
    const rows = (await manager.query(SCORECARD_SQL, [start, end])) as TechnicianTotals[];
    return formatScorecard(input.month, rows);
  }
}
