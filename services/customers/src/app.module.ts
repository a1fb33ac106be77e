import { type DynamicModule, Module } from '@nestjs/common';

/** The customers service (customer archives, CUS-1..10). */
@Module({})
export class CustomersAppModule {
  static with(core: DynamicModule): DynamicModule {
    return { module: CustomersAppModule, imports: [core] };
  }
}
