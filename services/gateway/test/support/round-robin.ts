import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they belong to one connection, never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade'];

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/**
 * A load balancer in front of several gateway replicas, as a Kubernetes Service would be: each
 * request goes to the next replica in turn, so a walk's consecutive steps land on different
 * gateways (issue 11, replicas). Bodies and answers are streamed through untouched.
 */
export class RoundRobin {
  /** Requests sent to each upstream, in the order of `upstreams`. */
  readonly served: number[];
  private next = 0;
  private readonly agent = new Agent({ keepAlive: true });

  private constructor(
    private readonly upstreams: readonly URL[],
    private readonly server: Server,
  ) {
    this.served = upstreams.map(() => 0);
    server.on('request', (incoming, outgoing) => {
      const index = this.next++ % this.upstreams.length;
      this.served[index] += 1;
      const target = this.upstreams[index];
      const forwarded = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: forwardable(incoming.headers),
          agent: this.agent,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => {
        if (outgoing.headersSent) outgoing.destroy();
        else outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('upstream unreachable');
      });
      incoming.pipe(forwarded);
    });
  }

  static async start(upstreams: readonly string[]): Promise<RoundRobin> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new RoundRobin(
      upstreams.map((url) => new URL(url)),
      server,
    );
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.agent.destroy();
  }
}
