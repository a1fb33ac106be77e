/**
 * What an error body must never carry (GW-5, issue 11): stack frames, source paths and SQL — the
 * internals a failure could drag along. Returns the names of the patterns that match `text`.
 */
const INTERNALS: [string, RegExp][] = [
  ['stack frame', /\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\(.*:\d+:\d+\)|\n\s+at\s+\S/],
  ['source location', /\.(?:ts|js|mjs|cjs):\d+(?::\d+)?\b/],
  ['node_modules path', /node_modules/],
  ['stack member', /"stack"\s*:/],
  ['SQL statement', /\b(?:SELECT\s[\s\S]+?\sFROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM|CREATE\s+TABLE|ALTER\s+TABLE)\b/i],
  ['SQL member', /"(?:query|parameters|driverError|sql)"\s*:/],
  [
    'database error',
    /QueryFailedError|TypeORMError|violates\s+\w[\w -]*constraint|duplicate key value|relation\s+"[^"]+"\s+does not exist/i,
  ],
];

export function leakedInternals(text: string): string[] {
  return INTERNALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
