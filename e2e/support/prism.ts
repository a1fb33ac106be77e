import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { freePort } from '@crm/testing';

export interface Violation {
  location: string[];
  severity: string;
  code?: string;
  message: string;
}

/**
 * Stoplight Prism 5 in proxy mode: a third-party validating proxy, as an integrator would put in
 * front of us. It forwards every request to the gateway and reports in the `sl-violations` header
 * where the request or the answer breaks the OpenAPI document.
 */
export class PrismProxy {
  private constructor(
    private readonly process: ChildProcess,
    private readonly folder: string,
    readonly url: string,
  ) {}

  /** Prism in front of a running gateway, validating against the document that gateway serves (GW-1). */
  static async inFrontOf(gatewayUrl: string): Promise<PrismProxy> {
    const document = (await request(gatewayUrl).get('/api/docs-json').expect(200)).body as object;
    return PrismProxy.start(document, gatewayUrl);
  }

  static async start(document: object, upstream: string): Promise<PrismProxy> {
    const folder = mkdtempSync(join(tmpdir(), 'prism-'));
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        require.resolve('@stoplight/prism-cli/dist/index.js'),
        'proxy',
        file,
        upstream,
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--errors',
        'false',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start within 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Prism is listening/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited with ${code}:\n${output}`));
      });
    });
    child.stdout.removeAllListeners('data').resume();
    child.stderr.removeAllListeners('data').resume();
    child.removeAllListeners('exit');
    return new PrismProxy(child, folder, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** The violations Prism reports on one answer (`sl-violations` header). */
export function violationsOf(headers: Record<string, string | string[] | undefined>): Violation[] {
  const raw = headers['sl-violations'];
  if (!raw) return [];
  return JSON.parse(Array.isArray(raw) ? raw[0] : raw) as Violation[];
}

/** One request of a walk through the Prism proxy. */
export interface WalkStep {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  key?: { auth: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
}

/**
 * An acceptance walk through the Prism proxy (GW-1): each step expects its status (the body is
 * shown when it differs) and keeps Prism's violations, so the walk can end by asserting that no
 * answer broke the OpenAPI document and that Prism did validate (some request was reported).
 */
export class PrismWalk {
  readonly walked: { step: string; status: number; violations: Violation[] }[] = [];

  constructor(private readonly prismUrl: string) {}

  async step(name: string, { method, path, key, body, headers, status }: WalkStep): Promise<request.Response> {
    let call = request(this.prismUrl)[method](`/api/v1${path}`);
    if (key) call = call.set(key.auth);
    for (const [header, value] of Object.entries(headers ?? {})) call = call.set(header, value);
    const response = await (body === undefined ? call : call.send(body as object));
    this.walked.push({
      step: `${name}: ${method.toUpperCase()} ${path} → ${response.status}`,
      status: response.status,
      violations: violationsOf(response.headers),
    });
    expect({ name, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({
      name,
      status,
      body: undefined,
    });
    return response;
  }

  /** Every response violation, one line each (`step: location message`). */
  responseViolations(): string[] {
    return this.walked.flatMap(({ step, violations }) =>
      violations
        .filter((violation) => violation.location[0] === 'response')
        .map((violation) => `${step}: ${violation.location.join('.')} ${violation.message}`),
    );
  }

  /** Whether Prism reported any request violation (proof that it validated at all). */
  sawRequestViolation(): boolean {
    return this.walked.some(({ violations }) => violations.some((violation) => violation.location[0] === 'request'));
  }
}
