import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** GW-1: the OpenAPI document (paths with the /api/v1 prefix) at /api/docs and /api/docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Customer Service Suite API')
    .setDescription(
      'The gateway of the Customer Service Suite (SPEC.md, API.md). Authenticate with `Authorization: Bearer <api key>`. ' +
        'Every error is `application/problem+json` (RFC 9457). Lists take `limit` (≤ 200, default 50) and `cursor`.',
    )
    .setVersion('1')
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
  return tightenTypes(document);
}

/**
 * What the decorators cannot say precisely: path ids are UUIDs (API.md), and money amounts and
 * list limits are integers (SPEC "Conventions": integer fen) — `number` in TypeScript.
 */
export function tightenTypes(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const parameter of operation.parameters ?? []) {
        if (!('name' in parameter) || !parameter.schema || !('type' in parameter.schema)) continue;
        if (parameter.in === 'path' && parameter.name === 'id') parameter.schema = { type: 'string', format: 'uuid' };
        if (parameter.in === 'query' && parameter.name === 'limit') parameter.schema = { ...parameter.schema, type: 'integer' };
      }
    }
  }
  const money = document.components?.schemas?.MoneyDto;
  const amount = money && 'properties' in money ? money.properties?.amount : undefined;
  if (amount && 'type' in amount) amount.type = 'integer';
  return document;
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
