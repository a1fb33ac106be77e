import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, exposed at `/metrics` (OPS-1). */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const metrics = {
  rpcHandled: new Counter({
    name: 'crm_rpc_handled_total',
    help: 'RPC commands handled by this service, by pattern and outcome',
    labelNames: ['pattern', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  rpcDuration: new Histogram({
    name: 'crm_rpc_duration_seconds',
    help: 'Time to handle an RPC command',
    labelNames: ['pattern'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metricsRegistry],
  }),
  rpcClientCalls: new Counter({
    name: 'crm_rpc_client_calls_total',
    help: 'RPC calls made by this process, by target service and outcome',
    labelNames: ['service', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  eventsConsumed: new Counter({
    name: 'crm_events_consumed_total',
    help: 'Events consumed, by type and outcome (applied, duplicate, dead_lettered, retried)',
    labelNames: ['type', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  outboxPublished: new Counter({
    name: 'crm_outbox_published_total',
    help: 'Events published from the outbox with a publisher confirm',
    registers: [metricsRegistry],
  }),
  outboxUnroutable: new Counter({
    name: 'crm_outbox_unroutable_total',
    help: 'Events the broker confirmed but no queue was bound for (returned from a mandatory publish), by type',
    labelNames: ['type'] as const,
    registers: [metricsRegistry],
  }),
  outboxPending: new Gauge({
    name: 'crm_outbox_pending',
    help: 'Outbox rows not yet confirmed by the broker, as last seen by the relay',
    registers: [metricsRegistry],
  }),
  outboxOldestPendingSeconds: new Gauge({
    name: 'crm_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet confirmed by the broker (0 when none), as last seen by the relay: the publish lag',
    registers: [metricsRegistry],
  }),
  messagesRedelivered: new Counter({
    name: 'crm_messages_redelivered_total',
    help: 'Messages the broker delivered again (redelivered flag: a consumer died or a channel closed before the ack), by queue',
    labelNames: ['queue'] as const,
    registers: [metricsRegistry],
  }),
  deadLetterDepth: new Gauge({
    name: 'crm_dead_letter_queue_messages',
    help: "Messages waiting in this service's dead-letter queues, sampled periodically (npm run dlq to inspect and replay)",
    labelNames: ['queue'] as const,
    registers: [metricsRegistry],
  }),
  httpRequests: new Histogram({
    name: 'crm_http_request_duration_seconds',
    help: 'Gateway HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metricsRegistry],
  }),
};
