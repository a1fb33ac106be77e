import { type DynamicModule, Module } from '@nestjs/common';
import { ReadServiceRequestsHandler } from './read-service-requests/read-service-requests.handler';
import { RegisterServiceRequestHandler } from './register-service-request/register-service-request.handler';
import { ServiceRequestController } from './service-request.controller';
import { SERVICE_REQUEST_SETTINGS, type ServiceRequestSettings } from './service-request-settings';
import { ServiceRequestStepsHandler } from './service-request-steps/service-request-steps.handler';
import { TechnicianScorecardHandler } from './technician-scorecard/technician-scorecard.handler';

/** The after-sales service desk bounded context (SRV-1..SRV-6). */
@Module({})
export class ServiceRequestModule {
  static withSettings(settings: ServiceRequestSettings): DynamicModule {
    return {
      module: ServiceRequestModule,
      controllers: [ServiceRequestController],
      providers: [
        { provide: SERVICE_REQUEST_SETTINGS, useValue: settings },
        RegisterServiceRequestHandler,
        ReadServiceRequestsHandler,
        ServiceRequestStepsHandler,
        TechnicianScorecardHandler,
      ],
    };
  }
}
