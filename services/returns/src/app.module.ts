import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The returns service. It boots, owns its database and answers pings; its domain arrives with its
 * own issue (see README "Status").
 */
@Module({})
export class ReturnsAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: ReturnsAppModule, imports: [core] };
  }
}
