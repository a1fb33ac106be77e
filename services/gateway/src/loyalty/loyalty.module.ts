import { Module } from '@nestjs/common';
import { LoyaltyController } from './loyalty.controller';

/** API.md "Loyalty" routes. */
@Module({ controllers: [LoyaltyController] })
export class LoyaltyModule {}
