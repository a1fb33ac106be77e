import { Module } from '@nestjs/common';
import { DevelopmentController } from './development.controller';

/** API.md "Customer development and field visits" routes (DEV-1..DEV-5). */
@Module({ controllers: [DevelopmentController] })
export class DevelopmentModule {}
