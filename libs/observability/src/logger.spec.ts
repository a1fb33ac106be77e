import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, logger: createLogger('spec', 'trace', stream) };
}

describe('createLogger redaction (STYLE rule 9, LOY-10, issue 11)', () => {
  it('censors keys and credentials in headers and configuration', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer csk_secret1', 'x-api-key': 'xak_secret2' } } }, 'request');
    logger.info({ headers: { authorization: 'Bearer csk_secret3', 'x-api-key': 'xak_secret4' } }, 'rpc');
    logger.info(
      { created: { key: 'csk_secret5', apiKey: 'csk_secret6' }, config: { adminKey: 'adm_secret7', password: 'pw_secret8' } },
      'x',
    );
    logger.info(
      { config: { databaseUrl: 'postgres://u:pw_secret9@h/db', amqpUrl: 'amqp://u:pw_secret10@h/v' }, amqpUrl: 'amqp://u:pw_secret11@h' },
      'config',
    );
    const text = lines.join('');
    expect(text.match(/secret\d+/g)).toBeNull();
    expect(text).toContain('[redacted]');
  });

  it('censors the row values a database error carries, keeping its message and SQL', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint "cards_phone_key"'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO "cards"("phone", "name") VALUES ($1, $2)',
      parameters: ['13924681357', 'Zhuge Kongming'],
      detail: 'Key (phone)=(13924681357) already exists.',
      driverError: { code: '23505', detail: 'Key (phone)=(13924681357) already exists.', parameters: ['Zhuge Kongming'] },
    });
    logger.error({ err: error, pattern: 'loyalty.card.issue' }, 'unexpected error handling command');
    logger.error({ error }, 'relay failed');
    const text = lines.join('');
    expect(text).not.toContain('13924681357');
    expect(text).not.toContain('Zhuge');
    expect(text).toContain('violates unique constraint');
    expect(text).toContain('INSERT INTO');
  });

  it('censors a phone member, wherever one level deep', () => {
    const { lines, logger } = capture();
    logger.info({ member: { phone: '+86 139 2468 1357' } }, 'x');
    expect(lines.join('')).not.toContain('2468');
  });
});
