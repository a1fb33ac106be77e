import Fastify, { type FastifyInstance } from 'fastify';
import { parseCorsOrigins, registerSecurityHeaders } from './security-headers';

/** GW-5 hardening on a real Fastify server over HTTP: headers on every answer, CORS closed unless configured. */
describe('security headers and CORS', () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = Fastify();
    registerSecurityHeaders(app, { corsOrigins: ['https://crm.example.com'], docsPath: 'api/docs' });
    app.get('/api/v1/customers', async () => ({ items: [] }));
    app.get('/api/docs', async () => 'docs');
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  /** fetch, with the answer's headers as a plain lower-case object. */
  async function inject(request: { method: string; url: string; headers?: Record<string, string> }) {
    const response = await fetch(`${base}${request.url}`, { method: request.method, headers: request.headers });
    await response.arrayBuffer();
    return { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()) as Record<string, string | undefined> };
  }

  it('sends the security headers on API answers, and on unmatched routes', async () => {
    for (const url of ['/api/v1/customers', '/api/v1/nowhere']) {
      const response = await inject({ method: 'GET', url });
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'cache-control': 'no-store',
      });
    }
  });

  it('lets the documentation page load its scripts (no CSP there), still unframed', async () => {
    const response = await inject({ method: 'GET', url: '/api/docs' });
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('gives no CORS header to an origin that is not configured, on answers and preflights', async () => {
    const answer = await inject({ method: 'GET', url: '/api/v1/customers', headers: { origin: 'https://evil.example' } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await inject({
      method: 'OPTIONS',
      url: '/api/v1/customers',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).not.toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('admits a configured origin: its preflight is 204 without a key, its answers name it', async () => {
    const origin = 'https://crm.example.com';
    const preflight = await inject({
      method: 'OPTIONS',
      url: '/api/v1/customers',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': origin, vary: 'Origin' });
    expect(preflight.headers['access-control-allow-headers']).toContain('Idempotency-Key');
    const answer = await inject({ method: 'GET', url: '/api/v1/customers', headers: { origin } });
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
    expect(answer.headers['access-control-expose-headers']).toContain('ETag');
  });

  it('reads GATEWAY_CORS_ORIGINS: empty is closed; only bare origins', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(' ')).toEqual([]);
    expect(parseCorsOrigins('https://a.example, http://localhost:5173')).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => parseCorsOrigins('https://a.example/path')).toThrow('scheme, host and port only');
    expect(() => parseCorsOrigins('*')).toThrow('is not an origin');
    expect(() => parseCorsOrigins('ftp://a.example')).toThrow('is not an origin');
  });
});
