import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { ErrorKind, RemoteException } from '@crm/errors';
import { AmqpConnection, RpcClient, Topology, declareSharedTopology } from '@crm/messaging';
import {
  type TestDatabase,
  type TestVhost,
  createTestDatabase,
  createTestVhost,
  drainQueue,
  eventually,
  startBroker,
  stopBroker,
} from '@crm/testing';
import { THING_HAPPENED, type TestService, effectsFor, startRpcClient, startTestService } from './support/test-service';

/**
 * SPEC "Fixed architecture" / RET-7 "events are never lost": an event committed while RabbitMQ
 * is down is published once it is back, and consumed by consumers that re-subscribed on their
 * own (amqplib recovery re-runs the set-up steps). GW-4: while it is down, RPC calls fail fast
 * with `unavailable` instead of hanging. Stops the real broker (`rabbitmqctl stop_app`): run
 * alone, in band; the broker is started again in `finally` whatever happens.
 */
const SERVICE = 'chaossvc';
const AUDIT_QUEUE = 'test.audit';

describe('broker outage', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let service: TestService;
  let client: RpcClient;
  let clientConnection: AmqpConnection;
  let brokerStopped = false;

  /** A durable queue on `crm.events`, as a finance system binds one: it outlives the restart. */
  async function bindAuditQueue(): Promise<void> {
    const model = await connect(vhost.url);
    try {
      const channel = await model.createChannel();
      await declareSharedTopology(channel);
      await channel.assertQueue(AUDIT_QUEUE, { durable: true });
      await channel.bindQueue(AUDIT_QUEUE, Topology.eventsExchange, 'test.#');
      await channel.close();
    } finally {
      await model.close();
    }
  }

  async function callFailure(): Promise<{ error: RemoteException; elapsed: number }> {
    const started = Date.now();
    try {
      await client.send(SERVICE, 'test.echo', {}, { correlationId: randomUUID(), timeoutMs: 5000 });
    } catch (error) {
      if (error instanceof RemoteException) return { error, elapsed: Date.now() - started };
      throw error;
    }
    throw new Error('the call succeeded while the broker was down');
  }

  beforeAll(async () => {
    db = await createTestDatabase('messaging_chaos');
    vhost = await createTestVhost('messaging_chaos');
    service = await startTestService({ service: SERVICE, name: 'svc', database: db.name, amqpUrl: vhost.url, relay: { pollMs: 50 } });
    ({ client, connection: clientConnection } = await startRpcClient(vhost.url));
    await bindAuditQueue();
  });

  afterAll(async () => {
    // Belt and braces: never leave the broker stopped, even if the test body failed oddly.
    if (brokerStopped) await startBroker();
    await client?.close();
    await clientConnection?.close();
    await service?.close();
    await vhost?.delete();
    await db?.drop();
  });

  it('delivers an event committed during the outage once the broker is back; RPC fails fast meanwhile', async () => {
    // Before: everything works.
    await expect(client.send(SERVICE, 'test.echo', { before: true }, { correlationId: 'before' })).resolves.toMatchObject({
      body: { before: true },
    });

    const key = `outage-${randomUUID()}`;
    let eventId = '';
    try {
      brokerStopped = true;
      await stopBroker();
      await eventually(() => {
        expect(service.connection.isConnected).toBe(false);
        expect(client.isReady).toBe(false);
      }, 10_000);

      for (let i = 0; i < 3; i++) {
        const { error, elapsed } = await callFailure();
        expect(error.payload).toMatchObject({ kind: ErrorKind.Unavailable, code: 'BROKER_UNAVAILABLE' });
        expect(elapsed).toBeLessThan(1000);
      }

      // The business write commits without the broker (STYLE rule 5); its event waits in the outbox.
      eventId = (
        await service.dataSource.transaction((manager) =>
          service.outbox.record(manager, { type: THING_HAPPENED, aggregateId: key, data: { key } }),
        )
      ).id;
      // Let the relay fail and back off a few times.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const [pending] = await service.dataSource.query('SELECT published_at FROM outbox_messages WHERE id = $1', [eventId]);
      expect(pending).toEqual({ published_at: null });
    } finally {
      await startBroker();
      brokerStopped = false;
    }

    const recoveredAt = Date.now();
    // The service's own consumer re-subscribed after reconnecting and applies the event once.
    await eventually(async () => expect(await effectsFor(service.dataSource, key)).toHaveLength(1), 30_000, 100);
    const reconnectToApplied = Date.now() - recoveredAt;
    expect(await effectsFor(service.dataSource, key)).toEqual([
      { event_id: eventId, applied_by: 'svc', correlation_id: expect.any(String) },
    ]);
    const [published] = await service.dataSource.query('SELECT published_at FROM outbox_messages WHERE id = $1', [eventId]);
    expect(published.published_at).toBeInstanceOf(Date);

    // An outside consumer's durable queue got it exactly once.
    await service.relay!.drain();
    const audit = (await drainQueue(AUDIT_QUEUE, vhost.url)).filter((m) => m.properties.messageId === eventId);
    expect(audit).toHaveLength(1);
    expect(audit[0].properties.deliveryMode).toBe(2);

    // RPC heals too: the client's reply consumer and the service's command consumer are back.
    await eventually(() => expect(client.isReady).toBe(true), 15_000);
    await expect(client.send(SERVICE, 'test.echo', { after: true }, { correlationId: 'after' })).resolves.toMatchObject({
      body: { after: true },
    });
    // Reconnection is capped at 5 s; the relay resumes on reconnect rather than after its back-off.
    expect(reconnectToApplied).toBeLessThan(15_000);
  });
});
