import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CARD_NUMBER_PATTERN, MONTH_PATTERN } from '@crm/contracts';
import { ProblemDetailsDto } from './problem-details.dto';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

type Json = Record<string, unknown>;

/**
 * GW-1: the OpenAPI 3.1 document (paths with the /api/v1 prefix) at /api/docs and /api/docs-json.
 * Integrators generate clients from it and put validating proxies in front of us, so every
 * answer must match it exactly — a test walks every route through Prism (issue 6).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Customer Service Suite API')
    .setDescription(
      'The gateway of the Customer Service Suite (SPEC.md, API.md). Authenticate with `Authorization: Bearer <api key>`. ' +
        'Every error is `application/problem+json` (RFC 9457). Lists take `limit` (≤ 200, default 50) and `cursor`. ' +
        'Money is integer minor units (fen); instants are RFC 3339 UTC.',
    )
    .setVersion('1')
    .addServer('http://localhost:3000', 'Local gateway (port from GATEWAY_PORT)')
    .addTag('customers', 'Customer archives: registration, approval, grading, reviews, confidentiality and destruction (CUS-1..CUS-10)')
    .addTag('api-keys', 'API keys of integrators, tills and staff front ends (GW-2, admin only)')
    .addTag('operations', 'Liveness, readiness and Prometheus metrics; no API key needed')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque API key (csk_…)',
      description: 'An API key issued by POST /api/v1/api-keys',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsDto],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return finishDocument(document);
}

/**
 * What the decorators cannot say, applied to the whole document in one place: UUID path ids, closed request bodies (the pipes refuse unknown fields), the headers every answer
 * carries, and `security: []` on the routes that need no key.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Json[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if (parameter.in === 'path' && typeof parameter.name === 'string' && PATH_PARAMETERS[parameter.name]) {
          parameter.schema = PATH_PARAMETERS[parameter.name];
        }
      }
      if (!operation.security) operation.security = [];
      addResponseHeaders(operation, schemas);
    }
  }
  closeRequestSchemas(document);
  return document;
}

/**
 * GW-1: what each path parameter must be, as its pipe (UuidParam) or the service's contract
 * refuses it with a 400 — the document said "any string" for all but `id` until the hostile-input
 * suite (issue 11) generated paths from it.
 */
const PATH_PARAMETERS: Record<string, Json> = {
  id: { type: 'string', format: 'uuid' },
  customerId: { type: 'string', format: 'uuid' },
  cardNumber: { type: 'string', pattern: CARD_NUMBER_PATTERN.source, example: '6200000000000003' },
  period: { type: 'string', pattern: MONTH_PATTERN.source, example: '2026-10' },
};

const HEADER_DOCS: Record<string, Json> = {
  'X-Request-Id': { description: 'The request id sent, or the one generated (GW-5)', schema: { type: 'string' } },
  ETag: { description: 'W/"<version>" of the resource; send the version back as If-Match', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: '`true` when this is the stored answer of an earlier request (GW-6)', schema: { type: 'string' } },
};

function addResponseHeaders(operation: Json, schemas: Record<string, Json>): void {
  const responses = operation.responses as Record<string, Json>;
  const idempotent = (operation.parameters as Json[] | undefined)?.some((parameter) => parameter.name === 'Idempotency-Key');
  for (const [status, response] of Object.entries(responses)) {
    const headers: Json = { 'X-Request-Id': HEADER_DOCS['X-Request-Id'] };
    // The EtagInterceptor sets ETag on every answer with a `version`.
    if (status.startsWith('2') && carriesVersion(response, schemas)) headers.ETag = HEADER_DOCS.ETag;
    if (idempotent) headers['Idempotent-Replayed'] = HEADER_DOCS['Idempotent-Replayed'];
    if (status === '429' || status === '503') headers['Retry-After'] = HEADER_DOCS['Retry-After'];
    response.headers = { ...(response.headers as Json | undefined), ...headers };
  }
}

function carriesVersion(response: Json, schemas: Record<string, Json>): boolean {
  let versioned = false;
  walk(response.content, (schema) => {
    const ref = schema.$ref;
    const target = typeof ref === 'string' ? schemas[ref.split('/').pop()!] : undefined;
    if (target && 'version' in ((target.properties as Json | undefined) ?? {})) versioned = true;
  });
  return versioned;
}

function walk(node: unknown, visit: (schema: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => walk(item, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  for (const value of Object.values(node)) walk(value, visit);
}

/** Request bodies refuse unknown members (`forbidNonWhitelisted`): say so, for them and what they nest. */
function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  const pending: string[] = [];
  const collect = (node: unknown) =>
    walk(node, (schema) => {
      const ref = schema.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) pending.push(ref.slice('#/components/schemas/'.length));
    });
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Json[]) if (operation && typeof operation === 'object') collect(operation.requestBody);
  }
  const closed = new Set<string>();
  while (pending.length) {
    const name = pending.pop()!;
    if (closed.has(name) || !schemas[name]) continue;
    closed.add(name);
    schemas[name].additionalProperties = false;
    collect(schemas[name]);
  }
}

export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Customer Service Suite API',
  });
  return document;
}
