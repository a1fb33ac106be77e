/**
 * The load generator: a process of its own (forked by the bench runner), so neither the suite nor
 * the floor shares an event loop with the client. Receives one load description at a time over
 * IPC, runs autocannon and answers with the figures.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadRequest {
  id: number;
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  body?: string;
  /** autocannon's `[<id>]` in the body replaced by a fresh id per request (unique purchase ids). */
  idReplacement?: boolean;
  /** Bodies to rotate through (e.g. one per loyalty card); `[<id>]` in them is replaced by a fresh id. */
  bodies?: string[];
  /** Paths to rotate through (relative to `url`'s origin), e.g. one per archive id. */
  paths?: string[];
}

export interface LoadFigures {
  /** Answered requests per second (2xx and others). */
  rps: number;
  /** Latency of 2xx answers, ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors (timeouts included) + non-2xx answers. */
  errors: number;
  statusCodes: Record<string, number>;
  seconds: number;
}

async function run(load: LoadRequest): Promise<LoadFigures> {
  let next = 0;
  const paths = load.paths;
  const bodies = load.bodies;
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    method: load.method,
    headers: load.headers,
    body: load.body,
    idReplacement: load.idReplacement,
    timeout: 10,
    requests: paths?.length
      ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
      : bodies?.length
        ? [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length].replace('[<id>]', randomUUID()) }) }]
        : undefined,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    rps: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    errors: result.errors + result.non2xx, // autocannon counts timeouts among errors
    statusCodes,
    seconds: result.duration,
  };
}

process.on('message', (load: LoadRequest) => {
  run(load).then(
    (figures) => process.send?.({ id: load.id, figures }),
    (error: Error) => process.send?.({ id: load.id, error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));
