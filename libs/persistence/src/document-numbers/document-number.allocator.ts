import type { EntityManager } from 'typeorm';
import { DocumentNumberExhaustedError, DocumentSeries } from './document-series';

export interface AllocatedDocumentNumber {
  number: string;
  series: string;
  period: string;
  sequence: number;
}

/**
 * Gap-free document numbers per series and business period (CUS-4 customer codes; complaint,
 * return, credit note and voucher numbers), from one counter row per (series, period) in
 * `document_number_counters`.
 *
 * `next` runs inside the caller's transaction (STYLE rule 3): the upsert takes the counter row's
 * lock until that transaction ends, so concurrent allocations of the same series and period queue
 * and each gets the next number; a transaction that rolls back rolls its increment back too, so
 * no committed number is skipped and none is ever handed out twice. The price is that approvals
 * of one series serialise from the allocation to their commit: allocate last, just before saving.
 * Give the document column a unique index as well: it makes reuse impossible whatever the code.
 */
export class DocumentNumberAllocator {
  constructor(readonly series: DocumentSeries) {}

  async next(manager: EntityManager, at: Date): Promise<AllocatedDocumentNumber> {
    const period = this.series.periodOf(at);
    // The WHERE keeps the counter at its maximum: an exhausted period is refused without
    // consuming anything, even if the caller commits after catching the error.
    const rows: { last_value: string }[] = await manager.query(
      `INSERT INTO document_number_counters AS c (series, period, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (series, period) DO UPDATE SET last_value = c.last_value + 1 WHERE c.last_value < $3
       RETURNING last_value`,
      [this.series.name, period, this.series.maxSequence],
    );
    if (!rows.length) throw new DocumentNumberExhaustedError(this.series.name, period, this.series.maxSequence);
    const sequence = Number(rows[0].last_value);
    return { number: this.series.format(period, sequence), series: this.series.name, period, sequence };
  }
}
