import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ComplaintOperations as ops } from '@crm/contracts';
import { OutboxWriter } from '@crm/messaging';
import { LOGGER } from '@crm/service-kit';
import { SlaScanner } from '../src/complaint/sla-scanner/sla-scanner';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../src/complaint/complaint-settings';
import { ComplaintsHarness, caller, complaintInput } from './support/complaints-harness';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service with its periodic scan off, and its scanner plus a second one racing it as another replica would. */
async function withTwoScanners(purpose: string): Promise<{ h: ComplaintsHarness; replicas: SlaScanner[] }> {
  const h = await ComplaintsHarness.start(purpose, { COMPLAINT_SLA_SCAN_MS: '0' });
  const app = h.service.app;
  const second = new SlaScanner(
    app.get(DataSource),
    app.get(OutboxWriter),
    app.get<ComplaintSettings>(COMPLAINT_SETTINGS),
    app.get<Logger>(LOGGER),
  );
  return { h, replicas: [app.get(SlaScanner), second] };
}

/**
 * CMP-9: a missed due time marks the record overdue, escalates it one level and publishes
 * `complaints.complaint.sla-breached` — exactly once per breach, with two scanner replicas racing
 * on the same database.
 */
describe('SLA scanner (CMP-9, integration)', () => {
  let h: ComplaintsHarness;
  let replicas: SlaScanner[];
  const service = caller(['service']);

  beforeAll(async () => {
    ({ h, replicas } = await withTwoScanners('complaints_sla'));
  });
  afterAll(async () => {
    await h?.close();
  });

  const breachEvents = (ids: string[]) =>
    h.probe
      .bodies<{ type: string; data: { complaintId: string; deadline: string } }>()
      .filter((event) => event.type === 'complaints.complaint.sla-breached' && ids.includes(event.data.complaintId));

  it('records each breach once across two replicas, escalates one level per breach and publishes it once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.call<{ id: string }>(ops.register.pattern, complaintInput(), service)).id);
    await h.sql.query(
      `UPDATE complaints SET acknowledge_due_at = now() - interval '2 hours', first_proposal_due_at = now() - interval '1 hour' WHERE id = ANY($1)`,
      [ids],
    );

    const rounds = await Promise.all([0, 1, 0, 1, 0, 1].map((replica) => replicas[replica].scanOnce()));
    expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(await Promise.all(replicas.map((replica) => replica.scanOnce()))).toEqual([0, 0]);
    const rows = await h.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM complaint_sla_breaches WHERE complaint_id = ANY($1)', [
      ids,
    ]);
    expect(rows.rows[0].n).toBe(6);

    await h.probe.waitFor(() => breachEvents(ids).length >= 6);
    await sleep(300);
    expect(
      breachEvents(ids)
        .map((event) => event.data.deadline)
        .sort(),
    ).toEqual(['acknowledge', 'acknowledge', 'acknowledge', 'firstProposal', 'firstProposal', 'firstProposal']);
    const view = await h.call<{ overdue: boolean; escalationLevel: string }>(ops.get.pattern, { id: ids[0] }, service);
    expect(view).toMatchObject({ overdue: true, escalationLevel: 'executive' });
  });

  it('old, recorded breaches never fill the batch and hide a new one', async () => {
    const { id: old } = await h.call<{ id: string }>(ops.register.pattern, complaintInput(), service);
    await h.sql.query(`UPDATE complaints SET acknowledge_due_at = now() - interval '1 hour' WHERE id = $1`, [old]);
    while ((await replicas[0].scanOnce(undefined, 1)) > 0);
    const { id: fresh } = await h.call<{ id: string }>(ops.register.pattern, complaintInput(), service);
    await h.sql.query(`UPDATE complaints SET acknowledge_due_at = now() - interval '1 minute' WHERE id = $1`, [fresh]);
    expect(await replicas[1].scanOnce(undefined, 1)).toBe(1);
    const rows = await h.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM complaint_sla_breaches WHERE complaint_id = $1', [fresh]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('a step done in time is no breach; a new due time after an extension can be missed again', async () => {
    const { id } = await h.call<{ id: string }>(ops.register.pattern, complaintInput(), service);
    await h.call(ops.accept.pattern, { id }, service);
    await h.sql.query(`UPDATE complaints SET acknowledge_due_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect(await replicas[0].scanOnce()).toBe(0);

    await h.sql.query(`UPDATE complaints SET resolution_due_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await replicas[1].scanOnce()).toBe(1);
    await h.call(ops.extend.pattern, { id, reason: 'lab' }, service);
    await h.sql.query(`UPDATE complaints SET resolution_due_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await replicas[0].scanOnce()).toBe(1);
    const view = await h.call<{ escalationLevel: string }>(ops.get.pattern, { id }, service);
    expect(view.escalationLevel).toBe('executive');
  });
});

/** CMP-9: the 75 % warning, once per due time across replicas. */
describe('SLA warnings (CMP-9, 75 %, integration)', () => {
  let h: ComplaintsHarness;
  let replicas: SlaScanner[];
  const service = caller(['service']);

  beforeAll(async () => {
    ({ h, replicas } = await withTwoScanners('complaints_sla_warn'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('computes the warning instants at registration and warns once, before the due time', async () => {
    const { id } = await h.call<{ id: string }>(ops.register.pattern, complaintInput(), service);
    const [row] = (
      await h.sql.query<{ warn: Date; due: Date; created: Date }>(
        'SELECT acknowledge_warn_at AS warn, acknowledge_due_at AS due, created_at AS created FROM complaints WHERE id = $1',
        [id],
      )
    ).rows;
    expect(row.warn.getTime()).toBeLessThan(row.due.getTime());
    expect(row.warn.getTime()).toBeGreaterThanOrEqual(row.created.getTime());

    await h.sql.query(
      `UPDATE complaints SET acknowledge_warn_at = now() - interval '1 minute', acknowledge_due_at = now() + interval '1 hour' WHERE id = $1`,
      [id],
    );
    const given = await Promise.all([0, 1, 0, 1].map((replica) => replicas[replica].warnOnce()));
    expect(given.reduce((sum, n) => sum + n, 0)).toBe(1);
    const isWarning = (e: { type: string; data: { complaintId: string } }) =>
      e.type === 'complaints.complaint.sla-warning' && e.data.complaintId === id;
    await h.probe.waitFor(() => h.probe.bodies<{ type: string; data: { complaintId: string } }>().some(isWarning));
    await sleep(300);
    expect(h.probe.bodies<{ type: string; data: { complaintId: string; deadline: string } }>().filter(isWarning)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ deadline: 'acknowledge' }) }),
    ]);
  });
});
