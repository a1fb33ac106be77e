import { randomUUID } from 'node:crypto';
import type { Caller } from '@crm/contracts';
import { ErrorKind, RemoteException } from '@crm/errors';
import { AmqpConnection, RpcClient, Topology, UndeliveredCommandError, sleep } from '@crm/messaging';
import { type TestDatabase, type TestVhost, createTestDatabase, createTestVhost, drainQueue } from '@crm/testing';
import { type TestService, effectsFor, publishRaw, replyQueue, startRpcClient, startTestService } from './support/test-service';

/**
 * Gateway → service request/reply (docs/messaging.md "Request/reply", GW-4): answers come back
 * as data or as the ErrorPayload the handler's error maps to; an absent service, an unknown
 * pattern and a slow handler fail fast with the right kind instead of hanging.
 */
const SERVICE = 'rpcsvc';

describe('RpcClient ↔ AmqpServer request/reply', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let service: TestService;
  let client: RpcClient;
  let clientConnection: AmqpConnection;

  async function failure(call: Promise<unknown>): Promise<RemoteException> {
    try {
      await call;
    } catch (error) {
      if (error instanceof RemoteException) return error;
      throw error;
    }
    throw new Error('the call succeeded');
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_rpc');
    vhost = await createTestVhost('messaging_rpc');
    service = await startTestService({ service: SERVICE, name: 'svc', database: db.name, amqpUrl: vhost.url });
    ({ client, connection: clientConnection } = await startRpcClient(vhost.url));
  });

  afterAll(async () => {
    await client?.close();
    await clientConnection?.close();
    await service?.close();
    await vhost?.delete();
    await db?.drop();
  });

  it('returns the handler’s data, with the correlation id and caller it was sent with', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const caller: Caller = {
      keyId: 'key-1',
      name: 'crm',
      roles: ['manager'],
      clearance: 'secret',
      storeId: null,
      designatedCustomerIds: [],
    };
    const reply = await client.send(SERVICE, 'test.echo', { hello: 'world', n: [1, 2] }, { correlationId, caller });
    expect(reply).toEqual({ body: { hello: 'world', n: [1, 2] }, correlationId, caller });
  });

  it('returns a handler’s domain error as its ErrorPayload, and the command’s write is rolled back', async () => {
    const key = `refused-${randomUUID()}`;
    const error = await failure(client.send(SERVICE, 'test.thing.create', { key, fail: true }, { correlationId: 'c-1' }));
    expect(error.payload).toEqual({ kind: ErrorKind.RuleViolation, code: 'TEST_REFUSED', message: `refused ${key}`, rule: 'TST-1' });
    expect(await service.dataSource.query('SELECT 1 FROM test_effects WHERE key = $1', [key])).toEqual([]);
  });

  it('commits a successful command before answering', async () => {
    const key = `created-${randomUUID()}`;
    await client.send(SERVICE, 'test.thing.create', { key }, { correlationId: 'c-2' });
    expect(await service.dataSource.query('SELECT applied_by FROM test_effects WHERE key = $1', [key])).toEqual([{ applied_by: 'svc' }]);
  });

  it('answers not_found for a pattern the service has no handler for (and does not dead-letter it)', async () => {
    const error = await failure(client.send(SERVICE, 'test.no.such.pattern', {}, { correlationId: 'c-3' }));
    expect(error.payload).toEqual({ kind: ErrorKind.NotFound, code: 'UNKNOWN_PATTERN', message: 'No handler for "test.no.such.pattern"' });
    // An event pattern is not a command either.
    const asCommand = await failure(client.send(SERVICE, 'test.thing.happened', {}, { correlationId: 'c-4' }));
    expect(asCommand.payload.kind).toBe(ErrorKind.NotFound);
    expect(await drainQueue(Topology.deadLetterQueue(SERVICE), vhost.url)).toEqual([]);
    expect(await drainQueue(Topology.commandDeadLetterQueue(SERVICE), vhost.url)).toEqual([]);
  });

  it('answers unavailable at once for a service that has no queue', async () => {
    const started = Date.now();
    const error = await failure(client.send('nosuchservice', 'test.echo', {}, { correlationId: 'c-5', timeoutMs: 5000 }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.payload).toMatchObject({ kind: ErrorKind.Unavailable, code: 'SERVICE_NOT_LISTENING' });
    expect(error).toBeInstanceOf(UndeliveredCommandError);
  });

  it('answers timeout when the handler is slower than the deadline, and keeps serving afterwards', async () => {
    const started = Date.now();
    const error = await failure(client.send(SERVICE, 'test.slow', { ms: 1000 }, { correlationId: 'c-6', timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error.payload).toMatchObject({ kind: ErrorKind.Timeout, code: 'SERVICE_TIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(900);
    // The late reply is ignored; the next call still gets its own answer.
    await expect(client.send(SERVICE, 'test.slow', { ms: 1 }, { correlationId: 'c-7', timeoutMs: 2000 })).resolves.toEqual({ slept: 1 });
  });

  it('rolls back a command whose transaction would commit after the caller stopped waiting (GW-4)', async () => {
    const key = `late-${randomUUID()}`;
    const error = await failure(client.send(SERVICE, 'test.thing.create-slow', { key, ms: 600 }, { correlationId: 'c-8', timeoutMs: 300 }));
    expect(error.payload.kind).toBe(ErrorKind.Timeout);
    await sleep(600); // the handler finishes its work after the deadline …
    expect(await effectsFor(service.dataSource, key)).toEqual([]); // … and its write was rolled back
    // Within its deadline the same command commits.
    const ok = `on-time-${randomUUID()}`;
    await client.send(SERVICE, 'test.thing.create-slow', { key: ok, ms: 10 }, { correlationId: 'c-9', timeoutMs: 2000 });
    expect(await effectsFor(service.dataSource, ok)).toHaveLength(1);
  });

  it('does not run a command that reaches the service after its deadline', async () => {
    const key = `expired-${randomUUID()}`;
    await publishRaw(vhost.url, { exchange: '', routingKey: Topology.commandQueue(SERVICE) }, JSON.stringify({ key }), {
      type: 'test.thing.create',
      headers: { 'x-deadline': Date.now() - 1000 },
    });
    const fresh = `fresh-${randomUUID()}`;
    // A later command on the same queue is answered, so the expired one has been consumed by now.
    await client.send(SERVICE, 'test.thing.create', { key: fresh }, { correlationId: 'c-10' });
    expect(await effectsFor(service.dataSource, fresh)).toHaveLength(1);
    expect(await effectsFor(service.dataSource, key)).toEqual([]);
  });

  /** One command (one message id) published by hand each time it is called, as the broker redelivers it. */
  function sameCommand(key: string, replyTo: string) {
    const messageId = randomUUID();
    const deliver = () =>
      publishRaw(vhost.url, { exchange: '', routingKey: Topology.commandQueue(SERVICE) }, JSON.stringify({ key }), {
        type: 'test.thing.create-once',
        messageId,
        replyTo,
        correlationId: messageId,
      });
    return Object.assign(deliver, { messageId });
  }

  it('applies a redelivered command once and answers it with the first result (issue 10)', async () => {
    const key = `once-${randomUUID()}`;
    const replies = await replyQueue(vhost.url);
    const deliver = sameCommand(key, replies.name);
    await deliver(); // committed and answered — but say the answer was lost with the replica …
    await deliver(); // … and the broker delivered the command again, as after a lost ack
    const [first, second] = await replies.take(2);
    expect(first).toEqual({ ok: true, data: { key, appliedBy: 'svc', at: expect.any(String) } });
    expect(second).toEqual(first);
    expect(await effectsFor(service.dataSource, key)).toHaveLength(1);
    expect(await drainQueue(Topology.commandDeadLetterQueue(SERVICE), vhost.url)).toEqual([]);
    // A different command (a new message id) with the same body is a new command and runs.
    await client.send(SERVICE, 'test.thing.create-once', { key }, { correlationId: 'c-11' });
    expect(await effectsFor(service.dataSource, key)).toHaveLength(2);
    await replies.close();
  });

  it('writes a claimed command’s events with its stored answer, in the order recorded, or not at all (issue 10)', async () => {
    const key = `events-${randomUUID()}`;
    await client.send(SERVICE, 'test.thing.create-once', { key, events: 3 }, { correlationId: 'c-events' });
    const rows: { envelope: { data: { n: number } } }[] = await service.dataSource.query(
      `SELECT envelope FROM outbox_messages WHERE aggregate_id = $1 ORDER BY seq`,
      [key],
    );
    expect(rows.map((row) => row.envelope.data.n)).toEqual([0, 1, 2]);
    const [claim]: { reply: { ok: boolean } }[] = await service.dataSource.query(
      `SELECT reply FROM inbox_messages WHERE consumer = 'rpc' AND reply -> 'data' ->> 'key' = $1`,
      [key],
    );
    expect(claim.reply).toMatchObject({ ok: true });

    const refused = `events-refused-${randomUUID()}`;
    await failure(client.send(SERVICE, 'test.thing.create-once', { key: refused, events: 2, fail: true }, { correlationId: 'c-refused' }));
    expect(await service.dataSource.query(`SELECT 1 FROM outbox_messages WHERE aggregate_id = $1`, [refused])).toEqual([]);
    expect(await effectsFor(service.dataSource, refused)).toHaveLength(0);
  });

  it('answers 409 to a redelivery whose stored answer was erased (CUS-9), and changes nothing', async () => {
    const key = `erased-${randomUUID()}`;
    const replies = await replyQueue(vhost.url);
    const deliver = sameCommand(key, replies.name);
    await deliver();
    await replies.take(1);
    await service.dataSource.query(`UPDATE inbox_messages SET reply = NULL WHERE message_id = $1`, [deliver.messageId]);
    await deliver();
    const [again] = await replies.take(1);
    expect(again).toMatchObject({ ok: false, error: { kind: ErrorKind.Conflict, code: 'DUPLICATE_COMMAND' } });
    expect(await effectsFor(service.dataSource, key)).toHaveLength(1);
    await replies.close();
  });
});
