import type { EntityManager } from 'typeorm';
import { ServiceRequest } from './service-request.entity';
import { ServiceRequestException } from './service-request.exception';

/** Loads a request for a command, locking its row until the transaction ends (steps one after the other). */
export async function loadServiceRequestForCommand(manager: EntityManager, id: string): Promise<ServiceRequest> {
  const request = await manager.findOne(ServiceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!request) throw ServiceRequestException.notFound(id);
  return request;
}
