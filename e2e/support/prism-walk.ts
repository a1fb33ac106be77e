import request from 'supertest';
import { type PrismProxy, type Violation, violationsOf } from './prism';

export interface WalkStep {
  method: 'get' | 'post';
  path: string;
  key: { auth: { Authorization: string } };
  body?: unknown;
  status: number;
}

/**
 * An acceptance walk through Prism (GW-1): each step is one request to `/api/v1<path>` through the
 * proxy, checked for its status (the body is shown when it differs), with Prism's violations kept
 * for the end of the walk.
 */
export class PrismWalk {
  private readonly walked: { step: string; violations: Violation[] }[] = [];

  constructor(private readonly prism: () => PrismProxy) {}

  async step(name: string, { method, path, key, body, status }: WalkStep): Promise<request.Response> {
    const call = request(this.prism().url)[method](`/api/v1${path}`).set(key.auth);
    const response = await (body === undefined ? call : call.send(body as object));
    this.walked.push({ step: `${name}: ${method.toUpperCase()} ${path} → ${response.status}`, violations: violationsOf(response.headers) });
    expect({ name, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({
      name,
      status,
      body: undefined,
    });
    return response;
  }

  get length(): number {
    return this.walked.length;
  }

  /** Every answer that broke the document, as `step: location message`. */
  responseViolations(): string[] {
    return this.walked.flatMap(({ step: name, violations }) =>
      violations
        .filter((violation) => violation.location[0] === 'response')
        .map((violation) => `${name}: ${violation.location.join('.')} ${violation.message}`),
    );
  }

  /** Whether Prism validated at all: a deliberately invalid request must have been reported. */
  sawRequestViolation(): boolean {
    return this.walked.some(({ violations }) => violations.some((violation) => violation.location[0] === 'request'));
  }
}
