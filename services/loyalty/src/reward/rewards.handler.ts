import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Caller,
  type CreateRewardBody,
  DEFAULT_PAGE_LIMIT,
  type ListRewardsQuery,
  LoyaltyOperations,
  type RewardPage,
  type RewardView,
} from '@crm/contracts';
import { decodeCursor, toPage } from '@crm/persistence';
import { requireRole } from '../common/access.policy';
import { LoyaltyException, LoyaltyExceptionCode } from '../common/loyalty.exception';

interface RewardRow {
  id: string;
  seq: string;
  name: string;
  points_cost: string;
  stock: string;
  created_at: Date;
}

function toRewardView(row: RewardRow): RewardView {
  return {
    id: row.id,
    name: row.name,
    pointsCost: Number(row.points_cost),
    stock: Number(row.stock),
    createdAt: row.created_at.toISOString(),
  };
}

/** LOY-5: the reward catalogue (gifts with a points cost and a stock). */
@Injectable()
export class RewardsHandler {
  async create(manager: EntityManager, caller: Caller, input: CreateRewardBody, now = new Date()): Promise<RewardView> {
    requireRole(caller, LoyaltyOperations.createReward);
    if (!input.name.trim()) throw LoyaltyException.invalid('LOY-5', [{ field: 'name', message: 'name must not be blank' }]);
    const [row] = (await manager.query(
      `INSERT INTO loyalty_rewards (id, name, points_cost, stock, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, seq, name, points_cost, stock, created_at`,
      [randomUUID(), input.name, input.pointsCost, input.stock, now],
    )) as RewardRow[];
    return toRewardView(row);
  }

  async list(manager: EntityManager, caller: Caller, input: ListRewardsQuery): Promise<RewardPage> {
    requireRole(caller, LoyaltyOperations.listRewards);
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    if (after === null) throw new LoyaltyException(LoyaltyExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const rows: RewardRow[] = await manager.query(
      `SELECT id, seq, name, points_cost, stock, created_at FROM loyalty_rewards ${after ? 'WHERE seq < $2' : ''}
       ORDER BY seq DESC LIMIT $1`,
      after ? [limit + 1, after] : [limit + 1],
    );
    return toPage(rows, limit, toRewardView);
  }
}
