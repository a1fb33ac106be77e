import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CardView, LedgerEntryType } from '@crm/contracts';
import { LoyaltyException } from '../common/loyalty.exception';
import { type PaidSummary, qualificationWindowStart } from './qualification.policy';
import { type StoredCardStatus, cardStatus } from './card-state.policy';
import { isValidCardNumber } from './card-number.policy';

/** A card row with what the rules need of its member. */
export interface CardRecord {
  number: string;
  memberId: string;
  status: StoredCardStatus;
  storeId: string;
  issuedAt: Date;
  expiresAt: Date;
  replaces: string | null;
  succeededBy: string | null;
  balance: number;
  lifetimePoints: number;
  updatedAt: Date;
  version: number;
  birthday: string;
  phoneKey: string;
}

interface CardRow {
  number: string;
  member_id: string;
  status: StoredCardStatus;
  store_id: string;
  issued_at: Date;
  expires_at: Date;
  replaces: string | null;
  succeeded_by: string | null;
  balance: string;
  lifetime_points: string;
  updated_at: Date;
  version: number;
  birthday: string;
  phone_key: string;
}

const CARD_COLUMNS = `c.number, c.member_id, c.status, c.store_id, c.issued_at, c.expires_at, c.replaces, c.succeeded_by,
  c.balance, c.lifetime_points, c.updated_at, c.version, to_char(m.birthday, 'YYYY-MM-DD') AS birthday, m.phone_key`;

function toRecord(row: CardRow): CardRecord {
  return {
    number: row.number,
    memberId: row.member_id,
    status: row.status,
    storeId: row.store_id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    replaces: row.replaces,
    succeededBy: row.succeeded_by,
    balance: Number(row.balance),
    lifetimePoints: Number(row.lifetime_points),
    updatedAt: row.updated_at,
    version: row.version,
    birthday: row.birthday,
    phoneKey: row.phone_key,
  };
}

/**
 * One indexed read (primary keys of card and member): the card, its balance and what LOY-3 needs.
 * `lock` holds the card row until the transaction ends (LOY-5/LOY-8 steps one after the other).
 * A number failing the Luhn check cannot exist (LOY-2) and is not looked up.
 */
export async function findCard(manager: EntityManager, number: string, lock = false): Promise<CardRecord> {
  if (!isValidCardNumber(number)) throw LoyaltyException.cardNotFound();
  const rows: CardRow[] = await manager.query(
    `SELECT ${CARD_COLUMNS} FROM loyalty_cards c JOIN loyalty_members m ON m.id = c.member_id
     WHERE c.number = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [number],
  );
  if (!rows.length) throw LoyaltyException.cardNotFound();
  return toRecord(rows[0]);
}

export function toCardView(card: CardRecord, now: Date): CardView {
  return {
    cardNumber: card.number,
    status: cardStatus(card, now),
    issuedAt: card.issuedAt.toISOString(),
    expiresAt: card.expiresAt.toISOString(),
    balance: card.balance,
    lifetimePoints: card.lifetimePoints,
    storeId: card.storeId,
    replaces: card.replaces,
    succeededBy: card.succeededBy,
    updatedAt: card.updatedAt.toISOString(),
    version: card.version,
  };
}

export interface NewLedgerEntry {
  cardNumber: string;
  type: LedgerEntryType;
  points: number;
  /** Earn and clawback move lifetime points with the balance; a transfer carries them (LOY-8). */
  lifetimeDelta: number;
  cause: string;
  purchaseId?: string;
  occurredAt: Date;
}

/**
 * LOY-9: appends one ledger entry; the database applies it to the card's balance and lifetime
 * points in the same statement (trigger), and refuses any other way of changing them.
 */
export async function appendLedger(manager: EntityManager, entry: NewLedgerEntry): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO loyalty_ledger (id, card_number, type, points, lifetime_delta, cause, purchase_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, entry.cardNumber, entry.type, entry.points, entry.lifetimeDelta, entry.cause, entry.purchaseId ?? null, entry.occurredAt],
  );
  return id;
}

/** LOY-1: largest and total paid by a shopper (phone key) in the window ending `now`, one indexed read. */
export async function paidSummary(manager: EntityManager, phoneKey: string, now: Date): Promise<PaidSummary> {
  const [row] = (await manager.query(
    `SELECT coalesce(max(paid), 0) AS largest, coalesce(sum(paid), 0) AS total FROM loyalty_purchases
     WHERE phone_key = $1 AND occurred_at >= $2 AND occurred_at <= $3`,
    [phoneKey, qualificationWindowStart(now), now],
  )) as { largest: string; total: string }[];
  return { largest: Number(row.largest), total: Number(row.total) };
}

/** Bookkeeping of a card's own changes (status, succession): `version` and `updated_at`. */
export async function updateCardStatus(
  manager: EntityManager,
  number: string,
  status: StoredCardStatus,
  succeededBy: string | null,
  now: Date,
): Promise<void> {
  await manager.query(`UPDATE loyalty_cards SET status = $2, succeeded_by = $3, version = version + 1, updated_at = $4 WHERE number = $1`, [
    number,
    status,
    succeededBy,
    now,
  ]);
}
