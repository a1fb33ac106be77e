import { ConfigError, EnvReader, redactUrl } from './env';

/** OPS-2: configuration errors name the bad variable, and every problem is reported at once. */
describe('EnvReader', () => {
  function failureOf(reader: EnvReader): ConfigError {
    try {
      reader.done();
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('done() did not throw');
  }

  it('reads present values and falls back when a variable is missing or empty', () => {
    const env = new EnvReader({ NAME: 'crm', EMPTY: '', PORT: '8080', FLAG: 'Yes', LEVEL: 'debug' });
    expect(env.string('NAME')).toBe('crm');
    expect(env.string('EMPTY', 'fallback')).toBe('fallback');
    expect(env.optionalString('MISSING')).toBeUndefined();
    expect(env.int('PORT', 1)).toBe(8080);
    expect(env.int('MISSING_INT', 7)).toBe(7);
    expect(env.bool('FLAG', false)).toBe(true);
    expect(env.bool('MISSING_BOOL', true)).toBe(true);
    expect(env.oneOf('LEVEL', ['info', 'debug'] as const, 'info')).toBe('debug');
    expect(() => env.done()).not.toThrow();
  });

  it('names a missing required variable', () => {
    const env = new EnvReader({});
    env.string('DATABASE_NAME');
    const error = failureOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('DATABASE_NAME');
    expect(error.message).toBe('Invalid configuration: DATABASE_NAME is required');
  });

  it.each([
    ['not a number', '12a', /must be an integer, got "12a"/],
    ['a float', '1.5', /must be an integer/],
    ['below the minimum', '0', /must be between 1 and 10, got 0/],
    ['above the maximum', '11', /must be between 1 and 10, got 11/],
  ])('refuses an integer that is %s and names the variable', (_case, raw, pattern) => {
    const env = new EnvReader({ AMQP_PREFETCH: raw });
    expect(env.int('AMQP_PREFETCH', 5, { min: 1, max: 10 })).toBe(5);
    const error = failureOf(env);
    expect(error.variable).toBe('AMQP_PREFETCH');
    expect(error.message).toMatch(/^Invalid configuration: AMQP_PREFETCH /);
    expect(error.message).toMatch(pattern);
  });

  it('accepts the bounds of an integer range', () => {
    const env = new EnvReader({ LOW: '1', HIGH: '10', NEGATIVE: '-3' });
    expect(env.int('LOW', 5, { min: 1, max: 10 })).toBe(1);
    expect(env.int('HIGH', 5, { min: 1, max: 10 })).toBe(10);
    expect(env.int('NEGATIVE', 0)).toBe(-3);
    expect(() => env.done()).not.toThrow();
  });

  it('refuses a boolean that is neither true nor false', () => {
    const env = new EnvReader({ TRUSTED: 'maybe', OFF: 'No' });
    expect(env.bool('OFF', true)).toBe(false);
    env.bool('TRUSTED', false);
    const error = failureOf(env);
    expect(error.variable).toBe('TRUSTED');
    expect(error.message).toContain('must be true or false, got "maybe"');
  });

  it('refuses a URL with the wrong protocol or no URL at all', () => {
    const wrongProtocol = new EnvReader({ AMQP_URL: 'http://broker:5672' });
    expect(wrongProtocol.url('AMQP_URL', 'amqp://localhost', ['amqp:', 'amqps:'])).toBe('amqp://localhost');
    expect(failureOf(wrongProtocol).message).toBe('Invalid configuration: AMQP_URL must use amqp: or amqps:, got "http:"');

    const notUrl = new EnvReader({ DATABASE_URL: 'not a url' });
    notUrl.url('DATABASE_URL', 'postgres://localhost', ['postgres:']);
    const error = failureOf(notUrl);
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('must be a URL');
  });

  it('refuses a value outside an enumeration', () => {
    const env = new EnvReader({ LOG_LEVEL: 'loud' });
    expect(env.oneOf('LOG_LEVEL', ['info', 'debug'] as const, 'info')).toBe('info');
    expect(failureOf(env).message).toBe('Invalid configuration: LOG_LEVEL must be one of info, debug, got "loud"');
  });

  it('reports every bad variable in one error', () => {
    const env = new EnvReader({ PORT: 'x', LOG_LEVEL: 'loud', GOOD: '3' });
    env.int('PORT', 80);
    env.string('REQUIRED_SECRET');
    env.int('GOOD', 0);
    env.oneOf('LOG_LEVEL', ['info'] as const, 'info');
    const error = failureOf(env);
    expect(error.variable).toBe('PORT, REQUIRED_SECRET, LOG_LEVEL');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^ {2}- Invalid configuration: PORT must be an integer/);
    expect(lines[2]).toBe('  - Invalid configuration: REQUIRED_SECRET is required');
    expect(lines[3]).toMatch(/^ {2}- Invalid configuration: LOG_LEVEL must be one of/);
    expect(error.message).not.toContain('GOOD');
  });
});

describe('redactUrl', () => {
  it('hides the password but keeps the rest', () => {
    expect(redactUrl('amqp://guest:secret@broker:5672/vh')).toBe('amqp://guest:***@broker:5672/vh');
    expect(redactUrl('postgres://postgres@db:5432/x')).toBe('postgres://postgres@db:5432/x');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
