/**
 * Typed, validated configuration from environment variables (OPS-2). Every reader names the
 * variable in its error, so a bad deployment fails at boot with a message an operator can act on.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export class EnvReader {
  private readonly problems: ConfigError[] = [];

  constructor(private readonly env: Env = process.env) {}

  string(name: string, fallback?: string): string {
    const raw = this.raw(name);
    if (raw !== undefined) return raw;
    if (fallback !== undefined) return fallback;
    return this.fail(name, 'is required', '');
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, fallback: number, { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw)) return this.fail(name, `must be an integer, got "${raw}"`, fallback);
    const value = Number(raw);
    if (value < min || value > max) return this.fail(name, `must be between ${min} and ${max}, got ${value}`, fallback);
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    return this.fail(name, `must be true or false, got "${raw}"`, fallback);
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.string(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        return this.fail(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`, fallback);
      }
      return value;
    } catch {
      return this.fail(name, 'must be a URL', fallback);
    }
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      return this.fail(name, `must be one of ${allowed.join(', ')}, got "${raw}"`, fallback);
    }
    return raw as T;
  }

  /** Throws one error listing every bad variable; call after reading them all. */
  done(): void {
    if (this.problems.length === 1) throw this.problems[0];
    if (this.problems.length > 1) {
      throw new ConfigError(
        this.problems.map((p) => p.variable).join(', '),
        `\n${this.problems.map((p) => `  - ${p.message}`).join('\n')}`,
      );
    }
  }

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  private fail<T>(name: string, message: string, placeholder: T): T {
    this.problems.push(new ConfigError(name, message));
    return placeholder;
  }
}

/** Hides credentials when a URL is printed (logs, start-up banners). */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}
