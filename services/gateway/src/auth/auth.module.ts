import { Module } from '@nestjs/common';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

/** GW-2..GW-4: API keys, authentication, rate limits and roles. */
@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeysService, AccessGuard, { provide: RateLimiter, useFactory: () => new RateLimiter() }],
  exports: [AccessGuard],
})
export class AuthModule {}
