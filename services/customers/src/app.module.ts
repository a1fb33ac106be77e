import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AccessRegisterModule } from './access-register/access-register.module';
import { CustomerArchiveModule } from './archive/customer-archive.module';
import type { DevelopmentSettings } from './customers.config';
import { DEVELOPMENT_SETTINGS } from './development/development-settings';
import { DevelopmentModule } from './development/development.module';

/** The development-and-visits settings (DEV-2), available to every context of the service. */
@Global()
@Module({})
class CustomersSettingsModule {
  static with(settings: DevelopmentSettings): DynamicModule {
    return {
      module: CustomersSettingsModule,
      providers: [{ provide: DEVELOPMENT_SETTINGS, useValue: settings }],
      exports: [DEVELOPMENT_SETTINGS],
    };
  }
}

/** The customers service: customer archives (CUS-1..10) and customer development and field visits (DEV-1..5). */
@Module({})
export class CustomersAppModule {
  static with(core: DynamicModule, settings: DevelopmentSettings): DynamicModule {
    return {
      module: CustomersAppModule,
      imports: [core, CustomersSettingsModule.with(settings), CustomerArchiveModule, AccessRegisterModule, DevelopmentModule],
    };
  }
}
