import { Module } from '@nestjs/common';
import { ReturnsController } from './returns.controller';

/** API.md "Returns and finance" routes. */
@Module({ controllers: [ReturnsController] })
export class ReturnsModule {}
