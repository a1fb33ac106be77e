import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The complaints service. It boots, owns its database and answers pings; its domain arrives with its
 * own issue (see README "Status").
 */
@Module({})
export class ComplaintsAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: ComplaintsAppModule, imports: [core] };
  }
}
