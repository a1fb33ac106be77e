import { PermanentFailure } from './dead-letter-reason';
import { parseJsonObject, plainMessageId } from './plain-input';

const NATURAL_KEY = ['storeId', 'transactionId'] as const;

describe('plainMessageId — how a plain command message is deduplicated', () => {
  const body = { storeId: 'S001', transactionId: 'T-42', paid: { amount: 1, currency: 'CNY' } };

  it('prefers the AMQP message_id', () => {
    expect(plainMessageId('m-1', body, NATURAL_KEY)).toBe('m-1');
  });

  it('falls back to the natural key when there is no usable message_id', () => {
    for (const messageId of [undefined, '', 42, 'x'.repeat(201)]) {
      expect(plainMessageId(messageId, body, NATURAL_KEY)).toBe('key:["S001","T-42"]');
    }
  });

  it('gives the same id to the same natural key whatever else the body says, and different ids to different keys', () => {
    expect(plainMessageId(undefined, { ...body, paid: { amount: 2, currency: 'CNY' } }, NATURAL_KEY)).toBe('key:["S001","T-42"]');
    expect(plainMessageId(undefined, { ...body, transactionId: 'T-43' }, NATURAL_KEY)).not.toBe('key:["S001","T-42"]');
  });

  it('cannot be confused by a separator inside a field', () => {
    const a = plainMessageId(undefined, { storeId: 'S0/1', transactionId: '2' }, NATURAL_KEY);
    const b = plainMessageId(undefined, { storeId: 'S0', transactionId: '1/2' }, NATURAL_KEY);
    expect(a).not.toBe(b);
  });

  it('hashes a natural key that would not fit the inbox column (200 characters), stably', () => {
    const long = { storeId: 's'.repeat(200), transactionId: 't'.repeat(200) };
    const id = plainMessageId(undefined, long, NATURAL_KEY);
    expect(id).toMatch(/^key:sha256:[0-9a-f]{64}$/);
    expect(plainMessageId(undefined, { ...long }, NATURAL_KEY)).toBe(id);
    expect(plainMessageId(undefined, { ...long, transactionId: 'u'.repeat(200) }, NATURAL_KEY)).not.toBe(id);
  });

  it('refuses a message with neither a message_id nor a complete natural key', () => {
    expect(() => plainMessageId(undefined, { storeId: 'S001' }, NATURAL_KEY)).toThrow(PermanentFailure);
    expect(() => plainMessageId(undefined, { storeId: 'S001', transactionId: '' }, NATURAL_KEY)).toThrow(
      'no message_id and no natural key (storeId, transactionId)',
    );
    expect(() => plainMessageId(undefined, body, [])).toThrow('no message_id and no natural key (none declared)');
  });
});

describe('parseJsonObject', () => {
  it('returns a JSON object', () => {
    expect(parseJsonObject(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
  });

  it('refuses malformed JSON and anything but an object, as permanent failures', () => {
    expect(() => parseJsonObject(Buffer.from('{"a":'))).toThrow(new PermanentFailure('malformed JSON'));
    for (const text of ['[1]', '"x"', '3', 'null']) {
      expect(() => parseJsonObject(Buffer.from(text))).toThrow(new PermanentFailure('body is not a JSON object'));
    }
  });
});
