import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The loyalty service. It boots, owns its database and answers pings; its domain arrives with its
 * own issue (see README "Status").
 */
@Module({})
export class LoyaltyAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: LoyaltyAppModule, imports: [core] };
  }
}
