import { Param, ParseUUIDPipe } from '@nestjs/common';
import { GatewayErrorCode, GatewayException } from './gateway.exception';

/** A UUID path parameter; a malformed one is a 400 naming the parameter (API.md). */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new GatewayException(GatewayErrorCode.InvalidId, `${name} must be a UUID`, {
          errors: [{ field: name, message: `${name} must be a UUID` }],
        }),
    }),
  );
}
