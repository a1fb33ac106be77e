import { Module } from '@nestjs/common';
import { AccessRegisterModule } from '../access-register/access-register.module';
import { DevelopmentModule } from '../development/development.module';
import { ApproveCustomerHandler } from './approve-customer/approve-customer.handler';
import { ApproveDestructionHandler } from './approve-destruction/approve-destruction.handler';
import { CustomerController } from './customer.controller';
import { GetCustomerHandler } from './get-customer/get-customer.handler';
import { GetCustomerStatusHandler } from './get-customer-status/get-customer-status.handler';
import { GradeCustomerHandler } from './grade-customer/grade-customer.handler';
import { ListCustomersHandler } from './list-customers/list-customers.handler';
import { MarkCustomerDormantHandler } from './mark-customer-dormant/mark-customer-dormant.handler';
import { RegisterCustomerHandler } from './register-customer/register-customer.handler';
import { RejectCustomerHandler } from './reject-customer/reject-customer.handler';
import { ReviewCustomerHandler } from './review-customer/review-customer.handler';
import { SubmitCustomerHandler } from './submit-customer/submit-customer.handler';
import { UpdateCustomerHandler } from './update-customer/update-customer.handler';

/** The customer-archive bounded context (CUS-1..6, CUS-8..10); reads are recorded through CUS-7's register. */
@Module({
  imports: [AccessRegisterModule, DevelopmentModule],
  controllers: [CustomerController],
  providers: [
    RegisterCustomerHandler,
    GetCustomerHandler,
    GetCustomerStatusHandler,
    ListCustomersHandler,
    UpdateCustomerHandler,
    SubmitCustomerHandler,
    ApproveCustomerHandler,
    RejectCustomerHandler,
    GradeCustomerHandler,
    ReviewCustomerHandler,
    MarkCustomerDormantHandler,
    ApproveDestructionHandler,
  ],
})
export class CustomerArchiveModule {}
