import { ErrorKind, RemoteException } from '@crm/errors';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { UndeliveredCommandError } from '@crm/messaging';
import { resourceIdOf, settlementOf } from './idempotency-outcome';

const remote = (kind: ErrorKind, code: string, message = 'x') => new RemoteException({ kind, code, message });

describe('settlementOf (GW-6 after a failure)', () => {
  it('keeps the record in progress when the command may have run: 504, lost connection, a 5xx reply', () => {
    expect(settlementOf(remote(ErrorKind.Timeout, 'SERVICE_TIMEOUT'), 504)).toBe('keep');
    expect(settlementOf(remote(ErrorKind.Unavailable, 'CONNECTION_LOST', 'Lost the connection to the message broker'), 503)).toBe('keep');
    expect(settlementOf(remote(ErrorKind.Internal, 'INTERNAL_ERROR'), 500)).toBe('keep');
    expect(settlementOf(remote(ErrorKind.Unavailable, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again'), 503)).toBe('keep');
  });

  it('stores a domain refusal and frees the key when nothing can have run', () => {
    expect(settlementOf(remote(ErrorKind.Conflict, 'DUPLICATE'), 409)).toBe('store');
    expect(settlementOf(new GatewayException(GatewayErrorCode.InvalidHeader, 'bad'), 400)).toBe('release');
    expect(settlementOf(new UndeliveredCommandError('BROKER_UNAVAILABLE', 'down'), 503)).toBe('release');
    expect(settlementOf(new UndeliveredCommandError('SERVICE_NOT_LISTENING', 'no queue'), 503)).toBe('release');
  });
});

describe('resourceIdOf (CUS-9)', () => {
  const id = '3f2b8c1e-9a4d-4e2f-8b1a-2c3d4e5f6a7b';
  const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  it("takes the answer's UUID id, else the route's :id, else nothing", () => {
    expect(resourceIdOf({ id, name: 'Acme' }, {})).toBe(id);
    expect(resourceIdOf({ id: id.toUpperCase() }, { id: other })).toBe(id);
    expect(resourceIdOf({ id: 'c-1' }, { id: other })).toBe(other);
    expect(resourceIdOf(undefined, { id: other })).toBe(other);
    expect(resourceIdOf({ purchaseId: id }, {})).toBeNull();
    expect(resourceIdOf(null, undefined)).toBeNull();
  });
});
