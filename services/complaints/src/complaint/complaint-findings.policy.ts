import type { ComplaintFindingsBody, ComplaintKind, ComplaintPenaltyRecord } from '@crm/contracts';
import { COMPLAINT_CURRENCY, formatCny } from './complaint-authority.policy';
import { ComplaintException } from './complaint.exception';

/** CMP-11: 200.00–1,500.00 CNY per case, and 1 KPI point. */
export const PENALTY_MIN_FEN = 20_000;
export const PENALTY_MAX_FEN = 150_000;
export const PENALTY_KPI_POINTS = 1;

/**
 * CMP-6/CMP-11: findings of a valid complaint where we are at fault record the penalty against
 * the responsible department and person — 200.00–1,500.00 CNY and 1 KPI point. A penalty without
 * our fault, outside the range, in another currency or with other KPI points is refused (422
 * naming CMP-11); a complaint found to be our fault must carry its penalty. Inquiries and
 * suggestions carry no penalty obligation (SPEC speaks of complaints).
 */
export function penaltyOf(kind: ComplaintKind, findings: ComplaintFindingsBody): ComplaintPenaltyRecord | null {
  const { penalty } = findings;
  if (!penalty) {
    if (findings.ourFault && kind === 'complaint') {
      throw ComplaintException.rule(
        'CMP-11',
        'a complaint found to be our fault needs a penalty against the responsible department and person',
      );
    }
    return null;
  }
  if (!findings.ourFault) throw ComplaintException.rule('CMP-11', 'a penalty is recorded only where we are at fault');
  if (penalty.amount.currency !== COMPLAINT_CURRENCY)
    throw ComplaintException.rule('CMP-11', `the penalty must be in ${COMPLAINT_CURRENCY}`);
  if (penalty.amount.amount < PENALTY_MIN_FEN || penalty.amount.amount > PENALTY_MAX_FEN) {
    throw ComplaintException.rule(
      'CMP-11',
      `the penalty must be between ${formatCny(PENALTY_MIN_FEN)} and ${formatCny(PENALTY_MAX_FEN)}, got ${formatCny(penalty.amount.amount)}`,
      [{ field: 'penalty.amount.amount', message: `must be ${PENALTY_MIN_FEN}…${PENALTY_MAX_FEN} fen` }],
    );
  }
  const kpiPoints = penalty.kpiPoints ?? PENALTY_KPI_POINTS;
  if (kpiPoints !== PENALTY_KPI_POINTS)
    throw ComplaintException.rule('CMP-11', `a case carries ${PENALTY_KPI_POINTS} KPI point, got ${kpiPoints}`);
  return {
    amount: { ...penalty.amount },
    kpiPoints,
    department: findings.responsibleDepartment,
    person: findings.responsiblePerson ?? null,
  };
}
