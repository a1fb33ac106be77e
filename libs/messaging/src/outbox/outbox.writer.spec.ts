import { CustomerEventType } from '@crm/contracts';
import { ErrorKind } from '@crm/errors';
import { assertEventKeepsContract } from './outbox.writer';

const data = {
  customerId: '3f1c8a52-7d3e-4c1b-9a7e-2b5d8c9e0f11',
  code: null,
  name: 'Canal Dealers',
  type: 'dealer',
  status: 'prospect',
  grade: null,
  creditRating: null,
  confidentiality: 'secret',
};

/** Producers publish only what the AsyncAPI contract (EVENT_DATA_CONTRACTS) allows. */
describe('assertEventKeepsContract', () => {
  it('lets an event that keeps its data contract through', () => {
    expect(() => assertEventKeepsContract({ type: CustomerEventType.Registered, data })).not.toThrow();
    expect(() => assertEventKeepsContract({ type: 'test.unknown-type', data: { anything: 1 } })).not.toThrow();
  });

  it('refuses a broken or undeclared member as a producer bug, naming the field', () => {
    expect(() => assertEventKeepsContract({ type: CustomerEventType.Registered, data: { ...data, status: 'archived' } })).toThrow(
      expect.objectContaining({ kind: ErrorKind.Internal, message: expect.stringContaining('status') }),
    );
    expect(() => assertEventKeepsContract({ type: CustomerEventType.Registered, data: { ...data, notes: 'confidential' } })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('notes') }),
    );
  });
});
