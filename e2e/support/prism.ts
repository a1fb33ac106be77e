import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
