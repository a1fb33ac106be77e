import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery as PageQueryDto } from '@crm/contracts';
import { CreateApiKeyDto } from './api-key.dto';
import { decodeCursor, encodeCursor } from './api-keys.service';

const fieldsWithErrors = <T extends object>(type: new () => T, plain: object) =>
  validateSync(plainToInstance(type, plain) as object, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);

describe('CreateApiKeyDto (GW-2)', () => {
  const base = { name: 'erp', roles: ['sales'], clearance: 'confidential' };

  it('requires expiresAt to be an instant with Z or an offset', () => {
    expect(fieldsWithErrors(CreateApiKeyDto, { ...base, expiresAt: '2027-01-01T00:00:00Z' })).toEqual([]);
    expect(fieldsWithErrors(CreateApiKeyDto, { ...base, expiresAt: '2027-01-01T08:00:00+08:00' })).toEqual([]);
    for (const expiresAt of ['2027-W01-1', '2027-01-01T00:00:00', '2027-01-01', '2027-02-30T00:00:00Z', '2027-001T00:00:00Z'])
      expect({ expiresAt, fields: fieldsWithErrors(CreateApiKeyDto, { ...base, expiresAt }) }).toEqual({
        expiresAt,
        fields: ['expiresAt'],
      });
  });

  it('takes designatedCustomerIds left out or as a list of UUIDs, never null (the document says a list; issue 11)', () => {
    expect(fieldsWithErrors(CreateApiKeyDto, base)).toEqual([]);
    expect(fieldsWithErrors(CreateApiKeyDto, { ...base, designatedCustomerIds: ['6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'] })).toEqual([]);
    for (const designatedCustomerIds of [null, 'x', ['not-a-uuid'], {}])
      expect({ designatedCustomerIds, fields: fieldsWithErrors(CreateApiKeyDto, { ...base, designatedCustomerIds }) }).toEqual({
        designatedCustomerIds,
        fields: ['designatedCustomerIds'],
      });
  });

  it('refuses a blank name or storeId', () => {
    expect(fieldsWithErrors(CreateApiKeyDto, { ...base, storeId: '   ' })).toEqual(['storeId']);
    expect(fieldsWithErrors(CreateApiKeyDto, { ...base, name: ' \t ' })).toEqual(['name']);
  });
});

describe('PageQueryDto limit', () => {
  it('takes decimal digits only', () => {
    expect(plainToInstance(PageQueryDto, { limit: '25' }).limit).toBe(25);
    expect(fieldsWithErrors(PageQueryDto, { limit: '25' })).toEqual([]);
    for (const limit of ['0x10', '1e2', '+5', ' 5', '5.0', '', '-1', '0'])
      expect({ limit, fields: fieldsWithErrors(PageQueryDto, { limit }) }).toEqual({ limit, fields: ['limit'] });
  });
});

describe('api-key list cursor', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const id = '3f2b8c1e-9a4d-4e2f-8b1a-2c3d4e5f6a7b';

  it('reads back what it wrote', () => {
    const at = new Date('2026-11-03T08:15:00.123Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
  });

  it('refuses anything else with a validation error naming cursor', () => {
    for (const cursor of [
      'garbage',
      encode(['2026-11-03T08:15:00.123Z', '-'.repeat(36)]),
      encode(['2026-11-03T08:15:00.123Z', 'g'.repeat(8) + id.slice(8)]),
      encode(['-100000-01-01T00:00:00.000Z', id]),
      encode(['+275760-09-13T00:00:00.000Z', id]),
      encode(['2026-02-30T00:00:00.000Z', id]),
      encode(['2026-11-03', id]),
      encode([1, id]),
      encode(null),
      encode({ at: '2026-11-03T08:15:00.123Z', id }),
    ])
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ errors: [{ field: 'cursor', message: expect.any(String) }] }));
  });
});
