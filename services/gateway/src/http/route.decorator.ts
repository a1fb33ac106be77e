import { HttpCode, RequestMapping, RequestMethod, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { type Operation, ROLES } from '@crm/contracts';
import { Roles } from '../auth/roles.decorator';
import { ApiIdempotencyKey } from '../openapi/api-headers.decorator';
import { ApiProblems, BODY_PROBLEMS } from '../openapi/api-problems.decorator';

/**
 * Exposes one operation of a domain's table (libs/contracts) as a route: method, path, success
 * status, the roles the guard admits (GW-3), and its OpenAPI description — all read from the
 * table, so the route, the guard and the document cannot disagree with the service.
 */
export function Route(operation: Operation<unknown, unknown>): MethodDecorator {
  const { method, path, status, problems } = operation.http;
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const roles = operation.refusedByService ? ROLES : operation.roles;
  const answer =
    operation.result.length === 1
      ? ApiResponse({ status, description: operation.result[0].name, type: operation.result[0] })
      : ApiResponse({
          status,
          description: `One of: ${operation.result.map((model) => model.name).join(', ')}`,
          schema: { oneOf: operation.result.map((model) => ({ $ref: getSchemaPath(model) })) },
        });
  return applyDecorators(
    RequestMapping({ path, method: RequestMethod[method] }),
    HttpCode(status),
    Roles(...roles),
    ApiTags(operation.service),
    ApiOperation({ summary: operation.summary, description: accessNote(operation) }),
    ApiExtraModels(...operation.result),
    answer,
    ApiProblems(400, ...(hasBody ? BODY_PROBLEMS : []), ...problems),
    ...(method === 'POST' ? [ApiIdempotencyKey()] : []),
  );
}

function accessNote(operation: Operation<unknown, unknown>): string {
  const roles = [...operation.roles, 'admin'].join(', ');
  const refusal = operation.refusedByService ? ' Other keys are refused by the service, which records the attempt.' : '';
  return `Roles: ${roles}.${refusal} Rules: ${operation.rules.join(', ')}.`;
}
