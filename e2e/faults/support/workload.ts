import { connect, type ConfirmChannel, type ChannelModel } from 'amqplib';
import { POS_PURCHASES_EXCHANGE, posPurchaseRoutingKey } from '@crm/contracts';
import { declareSharedTopology } from '@crm/messaging';
import type { FaultRig, Key } from './rig';

/** What a client issued, and what it was finally told (Jepsen's ok / fail / info). */
export type Outcome = 'ok' | 'failed' | 'unknown';
export type OpKind = 'customer' | 'complaint' | 'return' | 'purchase-http' | 'purchase-till';
export const ALL_KINDS: readonly OpKind[] = ['customer', 'complaint', 'return', 'purchase-http', 'purchase-till'];

export interface Operation {
  kind: OpKind;
  /** Unique per operation; the effect carries it (name, subject, reason, transaction id). */
  marker: string;
  outcome: Outcome;
  /** Every answer the client saw (status, or `network`/`unconfirmed`), in order. */
  attempts: string[];
  gateway: 'gateway' | 'gateway-b';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const STORE = 'S001';

/**
 * The fault suite's client: a stream of writes across the four domains, each with an
 * Idempotency-Key (HTTP) or a message id (till), retried as a careful integrator would — on 5xx,
 * 409 "in progress", a dropped connection or an unconfirmed publish, with the same key — until
 * it gets a definite answer or its deadline passes (then its outcome is unknown). Every operation
 * is recorded with what the client was told, for the checker.
 */
export class Workload {
  readonly history: Operation[] = [];
  private sequence = 0;
  private till?: { connection: ChannelModel; channel: ConfirmChannel };
  private gatewayTurn = 0;
  private readonly occurredAt = new Date(Date.now() - 60_000).toISOString();

  private constructor(
    private readonly rig: FaultRig,
    readonly prefix: string,
    private readonly staff: Key,
    private readonly pos: Key,
    readonly customerId: string,
    readonly cardNumber: string,
    private readonly gateways: ('gateway' | 'gateway-b')[],
  ) {}

  /** Keys, an approved customer (CUS-2) and a loyalty card, made before any fault. */
  static async prepare(rig: FaultRig, prefix: string, gateways: ('gateway' | 'gateway-b')[] = ['gateway']): Promise<Workload> {
    const staff = await rig.createKey(`${prefix}-staff`, ['sales', 'service', 'warehouse', 'finance']);
    const manager = await rig.createKey(`${prefix}-manager`, ['manager']); // CUS-2: not the submitter
    const pos = await rig.createKey(`${prefix}-till`, ['pos'], { storeId: STORE });
    const call = async (path: string, key: Key, body: object, status: number) => {
      const response = await fetch(`${rig.url()}/api/v1${path}`, {
        method: 'POST',
        headers: { ...key.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as Record<string, unknown>;
      if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const customer = await call('/customers', staff, { type: 'retailer', name: `${prefix} Tea House`, contacts: [] }, 201);
    await call(`/customers/${customer.id}/submit`, staff, { generalSurvey: 'g', fieldSurvey: 'f' }, 200);
    await call(`/customers/${customer.id}/approve`, manager, {}, 200);
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`; // LOY-2: one card per shopper
    // LOY-1: the shopper qualifies with one purchase of at least 1,000.00 CNY.
    await call(
      '/loyalty/purchases',
      pos,
      {
        storeId: STORE,
        transactionId: `${prefix}-qualifying`,
        occurredAt: new Date(Date.now() - 120_000).toISOString(),
        phone,
        lines: [{ sku: 'TEA', quantity: 1, unitPrice: cny(150_000) }],
        paid: cny(150_000),
      },
      201,
    );
    const card = await call('/loyalty/cards', pos, { phone, name: 'Li Wei', birthday: '1990-05-17', storeId: STORE }, 201);
    return new Workload(rig, prefix, staff, pos, customer.id as string, card.cardNumber as string, gateways);
  }

  /** Runs `workers` clients issuing operations of `kinds` in turn until `stop()` resolves. */
  stream(kinds: readonly OpKind[] = ALL_KINDS, workers = 4): { stop: () => Promise<Operation[]> } {
    let running = true;
    const loops = Array.from({ length: workers }, async (_, worker) => {
      for (let turn = worker; running; turn++) await this.issue(kinds[turn % kinds.length]);
    });
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
        return this.history;
      },
    };
  }

  /**
   * One operation, retried until a definite answer or `deadlineMs`. Several operations may share a
   * marker (a retry storm: the same purchase sent many times); the checker then wants one effect.
   */
  async issue(kind: OpKind, deadlineMs = 60_000, marker = `${this.prefix}-${kind}-${++this.sequence}`): Promise<Operation> {
    const gateway = this.gateways[this.gatewayTurn++ % this.gateways.length];
    const operation: Operation = { kind, marker, outcome: 'unknown', attempts: [], gateway };
    this.history.push(operation);
    const until = Date.now() + deadlineMs;
    // The same request on every attempt, as a retry must be (GW-6: another body under the key is 422).
    const request = kind === 'purchase-till' ? undefined : this.request(kind, marker);
    const till = kind === 'purchase-till' ? Buffer.from(JSON.stringify(this.purchase(marker))) : undefined;
    while (Date.now() < until) {
      const answer = till ? await this.publishTill(marker, till) : await this.post(request!, marker, operation);
      operation.attempts.push(answer);
      if (answer === 'ok' || /^2\d\d$/.test(answer)) {
        operation.outcome = 'ok';
        return operation;
      }
      if (/^4\d\d$/.test(answer) && answer !== '409' && answer !== '429') {
        operation.outcome = 'failed';
        return operation;
      }
      await sleep(300 + Math.random() * 500);
    }
    return operation;
  }

  /** Sends to the other gateway after a network failure, as a client behind a load balancer would. */
  private async post([path, key, body]: [string, Key, object], marker: string, operation: Operation): Promise<string> {
    try {
      const response = await fetch(`${this.rig.url(operation.gateway)}/api/v1${path}`, {
        method: 'POST',
        headers: { ...key.auth, 'Content-Type': 'application/json', 'Idempotency-Key': marker },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (response.status === 500) return `500 ${text.slice(0, 300)}`; // a defect: kept with its problem body
      return String(response.status);
    } catch {
      if (this.gateways.length > 1) operation.gateway = operation.gateway === 'gateway' ? 'gateway-b' : 'gateway';
      return 'network';
    }
  }

  private request(kind: Exclude<OpKind, 'purchase-till'>, marker: string): [string, Key, object] {
    const shippedAt = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    switch (kind) {
      case 'customer':
        return ['/customers', this.staff, { type: 'retailer', name: marker, contacts: [] }];
      case 'complaint':
        return [
          '/complaints',
          this.staff,
          {
            kind: 'complaint',
            channel: 'phone',
            customerId: this.customerId,
            complainant: { name: 'Wang Fang', phone: '+86 138 0013 8000' },
            subject: marker,
            description: 'Three of twenty tins arrived with broken seals.',
            category: 'quality',
            product: {
              orderNo: 'SO-1001',
              sku: 'TEA-500G',
              batchNo: 'B-7',
              shippedAt: shippedAt.slice(0, 10),
              quantity: 20,
              defectiveQuantity: 3,
            },
          },
        ];
      case 'return':
        return [
          '/returns',
          this.staff,
          {
            customerId: this.customerId,
            reason: marker,
            handling: 'return',
            lines: [{ sku: 'CUP-RED', quantity: 1, unitPrice: cny(1250), shippedAt }],
          },
        ];
      case 'purchase-http':
        return ['/loyalty/purchases', this.pos, this.purchase(marker)];
    }
  }

  purchase(marker: string): object {
    return {
      storeId: STORE,
      transactionId: marker,
      occurredAt: this.occurredAt, // the same body on every copy (LOY-4: another body is a conflict)
      cardNumber: this.cardNumber,
      lines: [{ sku: 'TEA', quantity: 1, unitPrice: cny(10_000) }],
      paid: cny(10_000),
    };
  }

  /** A till's publish under confirm, with its own message id; `ok` once the broker confirmed it. */
  private async publishTill(marker: string, body: Buffer): Promise<string> {
    try {
      if (!this.till) {
        const connection = await connect(this.rig.vhost.url);
        connection.on('error', () => undefined);
        connection.on('close', () => {
          if (this.till?.connection === connection) this.till = undefined;
        });
        const channel = await connection.createConfirmChannel();
        channel.on('error', () => undefined);
        await declareSharedTopology(channel);
        this.till = { connection, channel };
      }
      const { channel } = this.till;
      await new Promise<void>((resolve, reject) => {
        channel.publish(
          POS_PURCHASES_EXCHANGE,
          posPurchaseRoutingKey(STORE),
          body,
          { persistent: true, contentType: 'application/json', messageId: marker },
          (error) => (error ? reject(error) : resolve()),
        );
        setTimeout(() => reject(new Error('no confirm within 10 s')), 10_000).unref();
      });
      return 'ok';
    } catch {
      const till = this.till;
      this.till = undefined;
      await till?.connection.close().catch(() => undefined);
      return 'unconfirmed';
    }
  }

  async close(): Promise<void> {
    await this.till?.connection.close().catch(() => undefined);
  }
}
