import { Module } from '@nestjs/common';
import { ServiceRequestsController } from './service-requests.controller';

/** API.md "After-sales service requests" routes. */
@Module({ controllers: [ServiceRequestsController] })
export class ServiceRequestsModule {}
