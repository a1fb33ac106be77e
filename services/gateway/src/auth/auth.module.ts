import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AmqpConnection } from '@crm/messaging';
import { LOGGER } from '../gateway.tokens';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { AccessGuard } from './access.guard';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

/** GW-2..GW-4: API keys, authentication, rate limits and roles. */
@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    AccessGuard,
    { provide: RateLimiter, useFactory: () => new RateLimiter() },
    {
      provide: ApiKeyCache,
      useFactory: (connection: AmqpConnection, logger: Logger) => new ApiKeyCache(connection, logger),
      inject: [AmqpConnection, LOGGER],
    },
  ],
  exports: [AccessGuard],
})
export class AuthModule {}
