import { type DynamicModule, Module } from '@nestjs/common';
import { AccessRegisterModule } from './access-register/access-register.module';
import { CustomerArchiveModule } from './archive/customer-archive.module';

/** The customers service (customer archives, CUS-1..10). */
@Module({})
export class CustomersAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: CustomersAppModule, imports: [core, CustomerArchiveModule, AccessRegisterModule] };
  }
}
