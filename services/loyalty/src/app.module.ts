import { type DynamicModule, Module } from '@nestjs/common';
import { LoyaltyModule } from './loyalty.module';

/** The loyalty service (LOY-1..LOY-10; see services/loyalty/README.md for the rules and where they live). */
@Module({})
export class LoyaltyAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: LoyaltyAppModule, imports: [core, LoyaltyModule] };
  }
}
