import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** OPS-1. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
