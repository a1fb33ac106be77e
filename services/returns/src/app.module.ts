import { type DynamicModule, Module } from '@nestjs/common';
import { ReturnsFinanceModule } from './returns-finance.module';
import type { ReturnsSettings } from './returns.config';

/** The returns service (RET-1..RET-7; see services/returns/README.md for the rules and choices). */
@Module({})
export class ReturnsAppModule {
  static with(core: DynamicModule, settings: ReturnsSettings): DynamicModule {
    return { module: ReturnsAppModule, imports: [core, ReturnsFinanceModule.withSettings(settings)] };
  }
}
