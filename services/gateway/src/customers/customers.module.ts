import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';

/** API.md "Customers" routes. */
@Module({ controllers: [CustomersController] })
export class CustomersModule {}
