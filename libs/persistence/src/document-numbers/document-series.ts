import { businessPeriod, type PeriodUnit } from '@crm/calendar';

export interface DocumentSeriesDefinition {
  /** The counter's key in `document_number_counters`; stable forever (renaming restarts numbering). */
  series: string;
  /** Replaces `{prefix}` in the pattern. */
  prefix: string;
  /** Numbering restarts each business year or month (Asia/Shanghai, @crm/calendar). */
  period: PeriodUnit;
  /**
   * Tokens: `{prefix}`, `{YYYY}`, `{MM}`, `{YYYYMM}` and exactly one `{seq:N}` (zero-padded to N
   * digits, N = 1…12); anything else is literal. E.g. `DocumentPattern.Yearly6`, `.Monthly4`.
   */
  pattern: string;
}

/** The shapes the suite uses: customer codes (CUS-4) and monthly business documents. */
export const DocumentPattern = {
  /** `C2026000123` */
  Yearly6: '{prefix}{YYYY}{seq:6}',
  /** `CP-202611-0001` (complaints), `RT-`, `CN-`, `PZ-` */
  Monthly4: '{prefix}-{YYYYMM}-{seq:4}',
} as const;

/** The period's sequence has reached its last number; a longer number would break every parser. */
export class DocumentNumberExhaustedError extends Error {
  constructor(
    readonly series: string,
    readonly period: string,
    readonly maxSequence: number,
  ) {
    super(`Document numbers of series "${series}" are exhausted for ${period} (${maxSequence} issued)`);
    this.name = 'DocumentNumberExhaustedError';
  }
}

type Part = { literal: string } | { token: 'prefix' | 'YYYY' | 'MM' | 'YYYYMM' } | { seq: number };

const TOKEN = /\{(prefix|YYYY|MM|YYYYMM|seq:(\d{1,2}))\}|\{[^}]*\}/g;

/**
 * One numbering series: its period in business time and its printed form. Pure; the counter
 * lives in the database (`DocumentNumberAllocator`).
 */
export class DocumentSeries {
  readonly name: string;
  readonly period: PeriodUnit;
  readonly maxSequence: number;
  /** Matches every number this series can print (for CHECK constraints' twins and tests). */
  readonly regex: RegExp;
  private readonly parts: Part[];

  constructor(private readonly definition: DocumentSeriesDefinition) {
    this.name = definition.series;
    this.period = definition.period;
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(definition.series)) throw new Error(`Invalid document series name "${definition.series}"`);
    this.parts = parsePattern(definition.pattern);
    const seqParts = this.parts.filter((part): part is { seq: number } => 'seq' in part);
    if (seqParts.length !== 1 || seqParts[0].seq < 1 || seqParts[0].seq > 12) {
      throw new Error(`Pattern "${definition.pattern}" needs exactly one {seq:N} with N from 1 to 12`);
    }
    const tokens = new Set(this.parts.flatMap((part) => ('token' in part ? [part.token] : [])));
    const hasYear = tokens.has('YYYY') || tokens.has('YYYYMM');
    const hasMonth = tokens.has('MM') || tokens.has('YYYYMM');
    // A number must name its period, or two periods would print the same number.
    if (!hasYear || (definition.period === 'month') !== hasMonth) {
      throw new Error(
        `Pattern "${definition.pattern}" must show the year${definition.period === 'month' ? ' and month' : ' and no month'}`,
      );
    }
    this.maxSequence = 10 ** seqParts[0].seq - 1;
    this.regex = new RegExp(`^${this.parts.map((part) => partRegex(part, definition.prefix)).join('')}$`);
  }

  /** The period key of `at`: `YYYY` or `YYYY-MM` in business time. */
  periodOf(at: Date): string {
    return businessPeriod(at, this.period);
  }

  /** The printed number; refuses a sequence the pattern cannot hold. */
  format(period: string, sequence: number): string {
    const match = (this.period === 'year' ? /^(\d{4})$/ : /^(\d{4})-(\d{2})$/).exec(period);
    if (!match) throw new RangeError(`"${period}" is not a ${this.period} period of series "${this.name}"`);
    if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence} for series "${this.name}"`);
    if (sequence > this.maxSequence) throw new DocumentNumberExhaustedError(this.name, period, this.maxSequence);
    const [, year, month = ''] = match;
    return this.parts
      .map((part) => {
        if ('literal' in part) return part.literal;
        if ('seq' in part) return String(sequence).padStart(part.seq, '0');
        return { prefix: this.definition.prefix, YYYY: year, MM: month, YYYYMM: `${year}${month}` }[part.token];
      })
      .join('');
  }
}

function parsePattern(pattern: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ literal: pattern.slice(last, match.index) });
    if (match[1] === undefined) throw new Error(`Unknown token ${match[0]} in pattern "${pattern}"`);
    parts.push(match[2] !== undefined ? { seq: Number(match[2]) } : { token: match[1] as 'prefix' | 'YYYY' | 'MM' | 'YYYYMM' });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
  return parts;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function partRegex(part: Part, prefix: string): string {
  if ('literal' in part) return escapeRegex(part.literal);
  if ('seq' in part) return `\\d{${part.seq}}`;
  return { prefix: escapeRegex(prefix), YYYY: '\\d{4}', MM: '\\d{2}', YYYYMM: '\\d{6}' }[part.token];
}
