import type { FastifyInstance, FastifyReply } from 'fastify';

/** Request headers a browser client may send across origins (API.md "HTTP basics"). */
const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id, X-Access-Purpose';
/** Answer headers a browser client may read. */
const CORS_EXPOSED_HEADERS = 'ETag, Location, Retry-After, X-Request-Id';
const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/**
 * Headers on every answer, the ones Nest never sees too (docs, 404, body errors): no MIME
 * sniffing, no framing, no referrer, no caching of answers that may hold confidential customer
 * data (CUS-6; conditional requests use `ETag`/`If-Match`, not caches), and a CSP that allows
 * nothing — JSON needs nothing — except on the interactive documentation page, which needs its
 * scripts and styles.
 */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * GW-5 hardening: security headers on every answer, and CORS closed unless origins are configured
 * (`GATEWAY_CORS_ORIGINS`). An allowed origin gets `Access-Control-Allow-Origin` on its answers
 * and a 204 to its preflight (answered here, before authentication: a preflight carries no key);
 * any other origin gets no CORS header at all, so browsers refuse to share the answer.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: { corsOrigins: readonly string[]; docsPath: string }): void {
  const allowed = new Set(options.corsOrigins);
  const docs = `/${options.docsPath}`;
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) void reply.header(name, value);
    const path = request.url.split('?')[0];
    if (path !== docs && !path.startsWith(`${docs}/`)) {
      void reply.header('Content-Security-Policy', API_CSP);
      void reply.header('Cache-Control', 'no-store');
    }
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return done();
    void reply.header('Access-Control-Allow-Origin', origin);
    void reply.header('Vary', 'Origin');
    void reply.header('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      answerPreflight(reply);
      return;
    }
    done();
  });
}

function answerPreflight(reply: FastifyReply): void {
  void reply
    .header('Access-Control-Allow-Methods', CORS_METHODS)
    .header('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS)
    .header('Access-Control-Max-Age', '600')
    .code(204)
    .send();
}

/** `GATEWAY_CORS_ORIGINS`: origins (`scheme://host[:port]`, no path), comma separated; empty = closed. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`"${entry}" is not an origin like https://crm.example.com`);
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry) {
        throw new Error(`"${entry}" is not an origin like https://crm.example.com (scheme, host and port only)`);
      }
      return url.origin;
    });
}
