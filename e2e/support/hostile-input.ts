import fc from 'fast-check';
import { Client } from 'pg';
import { databaseUrl } from '@crm/persistence';
import { testEnv } from '@crm/testing';

/*
 * Issue 11, "Hostile input": hostile requests generated from the OpenAPI document the gateway
 * serves (GW-1), so a route added tomorrow is attacked without anyone writing a test for it.
 * Every generated input carries at least one mutation the contract must refuse; the spec checks
 * that the answer is a 4xx problem (GW-5) that leaks nothing and that no row changed.
 */

type Json = Record<string, unknown>;
export type Schema = Json;
type Segment = string | number;

/** The mutation kinds, in the order the summary prints them. */
export const MUTATION_KINDS = [
  'wrong-type',
  'missing-required',
  'unknown-field',
  'prototype-key',
  'huge-string',
  'huge-collection',
  'odd-unicode',
  'unsafe-number',
  'fen-amount',
  'impossible-date',
  'injection',
  'deep-nesting',
  'malformed-json',
  'wrong-content-type',
  'empty-body',
  'hostile-path',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface PathParameter {
  name: string;
  schema: Schema;
}

/** One POST/PUT/PATCH operation of the document. */
export interface Operation {
  id: string;
  method: 'post' | 'put' | 'patch';
  /** The template, e.g. `/api/v1/customers/{id}/grade`. */
  path: string;
  /** The request body schema with every `$ref` left as is (resolved lazily), if the operation takes a body. */
  body?: Schema;
  pathParameters: PathParameter[];
  /** Required headers other than authentication, with a plausible value (`If-Match: "1"`). */
  headers: Record<string, string>;
  /** The operation takes an `Idempotency-Key` (GW-6). */
  idempotent: boolean;
}

/** One hostile request. `body` is the exact text on the wire (raw JSON, so `__proto__` really is sent). */
export interface HostileInput {
  kind: MutationKind;
  operation: string;
  path: string;
  contentType?: string;
  body?: string;
  /** What was done, for the failure message and the reader. */
  detail: string;
  /**
   * The field a 400 must name among its `errors` (the mutated one, an ancestor or a descendant):
   * the refusal is for the mutation, not for something else in the body. Absent where the parser
   * or the framework refuses the whole body (malformed JSON, 413, 415).
   */
  field?: string;
  /** The statuses that answer this input correctly (any 4xx when absent). */
  statuses?: number[];
  /**
   * GW-6: sent with half the inputs the gateway itself refuses, on operations that take one. A
   * refusal before the RPC must free the key, so the row counts show a record left behind.
   */
  idempotencyKey?: string;
}

const WRITE_METHODS = ['post', 'put', 'patch'] as const;

/** Every POST/PUT/PATCH operation of an OpenAPI 3.1 document. */
export function writeOperations(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const method of WRITE_METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as Json[];
      const content = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const headers: Record<string, string> = {};
      for (const parameter of parameters) {
        if (parameter.in === 'header' && parameter.required && typeof parameter.name === 'string') {
          headers[parameter.name] = /^if-match$/i.test(parameter.name) ? '"1"' : String((parameter.schema as Json)?.example ?? '1');
        }
      }
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method,
        path,
        body: content?.['application/json']?.schema as Schema | undefined,
        pathParameters: parameters
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => ({ name: String(parameter.name), schema: (parameter.schema ?? {}) as Schema })),
        headers,
        idempotent: parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key'),
      });
    }
  }
  return operations;
}

/** Schema helpers over the document's `components.schemas`. */
class Schemas {
  constructor(private readonly document: Json) {}

  /** `$ref`s followed, `anyOf: [X, null]` and `type: [X, 'null']` reduced to X (nullable noted). */
  resolve(schema: Schema): { schema: Schema; nullable: boolean } {
    let current = schema;
    let nullable = false;
    for (let hops = 0; hops < 20; hops++) {
      if (typeof current.$ref === 'string') {
        const name = current.$ref.split('/').pop()!;
        const target = ((this.document.components as Json).schemas as Record<string, Schema>)[name];
        current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([key]) => key !== '$ref')) };
        continue;
      }
      const branches = (current.anyOf ?? current.oneOf) as Schema[] | undefined;
      if (branches) {
        const real = branches.filter((branch) => branch.type !== 'null');
        nullable ||= real.length < branches.length;
        const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'anyOf' && key !== 'oneOf'));
        current = { ...rest, ...real[0] };
        continue;
      }
      if (Array.isArray(current.allOf) && current.allOf.length === 1) {
        const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'allOf'));
        current = { ...rest, ...(current.allOf[0] as Schema) };
        continue;
      }
      break;
    }
    if (Array.isArray(current.type)) {
      const types = (current.type as string[]).filter((type) => type !== 'null');
      nullable ||= types.length < (current.type as string[]).length;
      current = { ...current, type: types[0] };
    }
    if (!current.type && current.properties) current = { ...current, type: 'object' };
    if (!current.type && current.enum) current = { ...current, type: 'string' };
    return { schema: current, nullable };
  }
}

/** A place in a body: the value at `path`, what its schema says, and whether its parent requires it. */
export interface Slot {
  path: Segment[];
  schema: Schema;
  nullable: boolean;
  required: boolean;
}

function typeOf(schema: Schema): string {
  return typeof schema.type === 'string' ? schema.type : 'unknown';
}

const isDateSlot = (slot: Slot) =>
  typeOf(slot.schema) === 'string' && (slot.schema.format === 'date' || slot.schema.format === 'date-time');
/** A string that must match something: a format, an enum or a pattern. Free text is not constrained. */
const isConstrainedString = (slot: Slot) =>
  typeOf(slot.schema) === 'string' && (Boolean(slot.schema.format) || Array.isArray(slot.schema.enum) || Boolean(slot.schema.pattern));
const isNumeric = (slot: Slot) => typeOf(slot.schema) === 'integer' || typeOf(slot.schema) === 'number';
/** Integer minor units (fen): the `amount` of Money and integer fields named like money. */
const isFenAmount = (slot: Slot) => typeOf(slot.schema) === 'integer' && /amount|fen|price|cost|fee/i.test(String(slot.path.at(-1)));

/**
 * A valid-looking value for a schema, every optional property filled in and every array given
 * items, so that each field of the contract is a slot a mutation can hit.
 */
function valueArbitrary(schemas: Schemas, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const { schema } = schemas.resolve(raw);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (typeOf(schema)) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) model[name] = valueArbitrary(schemas, property, depth + 1);
      return fc.record(model);
    }
    case 'array': {
      const minItems = Math.max(1, Number(schema.minItems ?? 0));
      const maxItems = Math.min(Number(schema.maxItems ?? minItems + 1), minItems + 1);
      return fc.array(valueArbitrary(schemas, (schema.items ?? {}) as Schema, depth + 1), { minLength: minItems, maxLength: maxItems });
    }
    case 'integer':
    case 'number': {
      const min = Number(schema.minimum ?? 0);
      const max = Math.min(Number(schema.maximum ?? min + 1000), min + 1000);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema);
    default:
      return fc.constant('x');
  }
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'date') {
    return fc
      .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ month, day }) => `2026-${pad(month)}-${pad(day)}`);
  }
  if (schema.format === 'date-time') {
    return fc
      .record({ day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }) })
      .map(({ day, hour }) => `2026-11-${pad(day)}T${pad(hour)}:15:00Z`);
  }
  if (typeof schema.pattern === 'string') {
    if (typeof schema.example === 'string') return fc.constant(schema.example);
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { maxLength: Number(schema.maxLength ?? 20) });
    } catch {
      return fc.constant('x');
    }
  }
  const min = Math.max(1, Number(schema.minLength ?? 1));
  const max = Math.max(min, Math.min(Number(schema.maxLength ?? 20), min + 12));
  return fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max })
    .map((text) => `T${text}`.slice(0, max));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Every slot of a generated body: the root, each property and each array item, with its schema. */
function slotsOf(schemas: Schemas, raw: Schema, value: unknown, path: Segment[] = [], required = true): Slot[] {
  const { schema, nullable } = schemas.resolve(raw);
  const slots: Slot[] = [{ path, schema, nullable, required }];
  if (typeOf(schema) === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const requiredNames = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (name in (value as Json))
        slots.push(...slotsOf(schemas, property, (value as Json)[name], [...path, name], requiredNames.has(name)));
    }
  }
  if (typeOf(schema) === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => slots.push(...slotsOf(schemas, (schema.items ?? {}) as Schema, item, [...path, index], true)));
  }
  return slots;
}

/** Raw JSON text spliced in where a placeholder string (value or member name) was serialised. */
class RawJson {
  private readonly replacements = new Map<string, string>();

  /** A placeholder to put in the object; `text` replaces it (quotes included) on the wire. */
  placeholder(text: string): string {
    const token = `__hostile_raw_${this.replacements.size}__`;
    this.replacements.set(`"${token}"`, text);
    return token;
  }

  /** A member name to put in an object (with the value 0); `text` (`"name":value`) replaces the member. */
  member(text: string): string {
    const token = `__hostile_member_${this.replacements.size}__`;
    this.replacements.set(`"${token}":0`, text);
    return token;
  }

  stringify(value: unknown): string {
    let text = JSON.stringify(value);
    for (const [token, raw] of this.replacements) text = text.split(token).join(raw);
    return text;
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: unknown, path: Segment[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = clone(root) as Json;
  let parent = copy as Record<Segment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Segment[]): unknown {
  const copy = clone(root) as Json;
  let parent = copy as Record<Segment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  delete parent[path.at(-1)!];
  return copy;
}

const label = (path: Segment[]) => (path.length ? path.join('.') : '(body)');

// ---- the hostile material -------------------------------------------------------------------

/** A marker no product code uses: if it shows up on Object.prototype, a body polluted it. */
export const POLLUTION_MARKER = 'hostilePolluted';

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE customers; --',
  '" OR 1=1 --',
  "'); SELECT pg_sleep(5); --",
  "1' UNION SELECT key_hash FROM api_keys --",
  '$$; DELETE FROM outbox; $$',
];
export const SCRIPT_INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  'javascript:alert(1)',
  '${jndi:ldap://x/a}',
];
const NOSQL_INJECTIONS: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }];

const ODD_DECORATIONS = ['\u202E', '\u202D', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0301\u0301\u0301', '👍🏽', '\uFFFF', '\u00A0', 'ﷺ'];
const LOOK_ALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  E: 'Е',
  O: 'О',
  T: 'Т',
};
/** Storable changes that make a constrained value something else while it looks the same. */
const DISGUISES: ((value: string, at: number) => string)[] = [
  (value, at) => insertAt(value, at, '\u200B'),
  (value, at) => insertAt(value, at, '\u200D'),
  (value, at) => insertAt(value, at, '\uFEFF'),
  (value) => `\u202E${value}`,
  (value) => `${value}\u2066`,
  (value) => `${value}\u00A0`,
  (value) => value.replace(/[aceopxyisEOT]/, (letter) => LOOK_ALIKES[letter]),
  (value) => value.replace(/\d/, (digit) => String.fromCharCode(0xff10 + Number(digit))),
  (value) => value.replace(/\d/, (digit) => String.fromCharCode(0x0660 + Number(digit))),
];

function insertAt(value: string, at: number, text: string): string {
  const index = value.length ? at % (value.length + 1) : 0;
  return value.slice(0, index) + text + value.slice(index);
}

/** Whether a string schema (format, enum, pattern) admits a value; free text admits anything. */
function admits(schema: Schema, value: string): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  if (schema.format === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  if (schema.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (typeof schema.pattern === 'string') return new RegExp(schema.pattern).test(value);
  return !schema.format;
}

const UNSTORABLE = ['\u0000', '\uD800', '\uDFFF', '\uDBFF', 'a\u0000b', '\uDC00\uD800'];

const UNSAFE_NUMBERS = [
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '18446744073709551616',
  '1e308',
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '1.7976931348623157e309',
];
const BAD_FEN = ['-1', '-100', '-0.01', '0.5', '12.34', '99.999', '-1000000000000', '1000000000000.5'];
const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '0000-01-01',
  '0000-00-00',
  '2026-1-1',
  '+02026-01-01',
  '99999-01-01',
  '2026-01-01T00:00:00Z',
];
const BAD_INSTANTS = [
  '2026-02-30T10:00:00Z',
  '2026-01-01T24:61:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01T10:61:00Z',
  '2026-01-01T10:00:99Z',
  '0000-01-01T00:00:00Z',
  '0000-00-00T00:00:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01T10:00:00+24:00',
  '2026-01-01',
  '2026-13-01T10:00:00Z',
];

const UNKNOWN_NAMES = [
  'isAdmin',
  'role',
  'roles',
  'ownerId',
  'version',
  'createdAt',
  'deletedAt',
  'approved',
  'tenantId',
  '$where',
  'id',
  'status',
  'points',
];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=hostile',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/json-patch+json',
  'application/javascript',
];

/** Path parameters that are not what the route takes. */
const HOSTILE_PATH_VALUES = [
  '../',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  'not-a-uuid',
  '%00',
  '%',
  '%E0%A4%A',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent('{"$gt":""}'),
  '%F0%9F%92%A9',
  '%20',
  '-1',
  '1e400',
  'null',
  'undefined',
  '0x10',
  '00000000-0000-0000-0000-00000000000g',
  '6200000000000003%00',
  '2026-13',
  '2026-02-30',
];

function hostileString(decorate: string[], core: string): string {
  return decorate.slice(0, 2).join('') + core + decorate.slice(2).join('');
}

// ---- generators per kind --------------------------------------------------------------------

/** Hostile inputs for one operation and kind; `null` when the kind does not apply to it. */
export class HostileInputs {
  private readonly schemas: Schemas;

  constructor(document: Json) {
    this.schemas = new Schemas(document);
  }

  /** The kinds that apply to an operation (the spec fails when an operation has none). */
  kindsFor(operation: Operation, sampleBody?: unknown): MutationKind[] {
    const body = sampleBody ?? (operation.body ? fc.sample(this.baseBody(operation), { numRuns: 1, seed: 1 })[0] : undefined);
    return MUTATION_KINDS.filter((kind) => this.forKind(operation, kind, body) !== null);
  }

  /** The arbitrary of hostile inputs of one kind for an operation, or null if it does not apply. */
  arbitrary(operation: Operation, kind: MutationKind): fc.Arbitrary<HostileInput> | null {
    if (!operation.body) return this.forKind(operation, kind, undefined);
    const sample = fc.sample(this.baseBody(operation), { numRuns: 1, seed: 1 })[0];
    if (this.forKind(operation, kind, sample) === null) return null;
    return this.baseBody(operation).chain((body) => this.forKind(operation, kind, body) ?? fc.constant(this.unreachable(operation, kind)));
  }

  private unreachable(operation: Operation, kind: MutationKind): HostileInput {
    throw new Error(`${kind} stopped applying to ${operation.id} for one generated body`);
  }

  baseBody(operation: Operation): fc.Arbitrary<unknown> {
    return operation.body ? valueArbitrary(this.schemas, operation.body) : fc.constant({});
  }

  /** A concrete path with plausible parameters (a fresh UUID for ids: nothing exists behind them). */
  private pathArbitrary(operation: Operation): fc.Arbitrary<string> {
    const values = operation.pathParameters.map((parameter) => pathValueArbitrary(parameter));
    return fc.tuple(...values).map((chosen) => fillPath(operation, chosen as string[]));
  }

  private forKind(operation: Operation, kind: MutationKind, body: unknown): fc.Arbitrary<HostileInput> | null {
    const slots = operation.body ? slotsOf(this.schemas, operation.body, body) : [];
    const build = (
      arbitrary: fc.Arbitrary<{
        body?: unknown;
        raw?: RawJson;
        text?: string;
        contentType?: string;
        detail: string;
        path?: string;
        field?: Segment[];
        statuses?: number[];
      }>,
    ): fc.Arbitrary<HostileInput> =>
      fc
        .tuple(this.pathArbitrary(operation), arbitrary, fc.option(fc.uuid({ version: 4 }), { nil: undefined }))
        .map(([path, made, idempotencyKey]) => ({
          kind,
          // A service's own refusal is stored for replay by design (GW-6): only where the gateway refuses.
          ...(operation.idempotent && kind !== 'hostile-path' && idempotencyKey ? { idempotencyKey } : {}),
          operation: operation.id,
          path: made.path ?? path,
          contentType: made.contentType ?? 'application/json',
          body: made.text ?? (made.raw ? made.raw.stringify(made.body) : made.body === undefined ? undefined : JSON.stringify(made.body)),
          detail: made.detail,
          ...(made.field ? { field: made.field.length ? made.field.join('.') : 'body' } : {}),
          ...(made.field ? { statuses: [400] } : made.statuses ? { statuses: made.statuses } : {}),
        }));
    const pick = <T>(items: T[]) => fc.constantFrom(...items);
    const bodyless = !operation.body;
    const root = bodyless ? {} : body;
    const objectSlots = slots.filter((slot) => typeOf(slot.schema) === 'object');
    const stringSlots = slots.filter((slot) => typeOf(slot.schema) === 'string');

    switch (kind) {
      case 'wrong-type': {
        if (bodyless) return null;
        const candidates = slots.filter((slot) => slot.path.length === 0 || wrongValues(slot).length);
        return build(
          pick(candidates).chain((slot) =>
            pick(slot.path.length === 0 ? ['[]', '"body"', '42', 'true', 'null'] : wrongValues(slot)).map((wrong) => {
              const raw = new RawJson();
              return {
                body: setAt(body, slot.path, raw.placeholder(wrong)),
                raw,
                detail: `${label(slot.path)} = ${wrong}`,
                field: slot.path,
              };
            }),
          ),
        );
      }
      case 'missing-required': {
        const required = slots.filter((slot) => slot.path.length && slot.required && typeof slot.path.at(-1) === 'string');
        if (!required.length) return null;
        return build(
          pick(required).map((slot) => ({ body: deleteAt(body, slot.path), detail: `without ${label(slot.path)}`, field: slot.path })),
        );
      }
      case 'unknown-field': {
        if (bodyless) return null;
        return build(
          fc.tuple(pick(objectSlots), pick(UNKNOWN_NAMES), pick<unknown>([true, 'x', 1, {}, [], null])).map(([slot, name, value]) => {
            const known = Object.keys((slot.schema.properties ?? {}) as Json);
            const free = known.includes(name) ? `${name}Extra` : name;
            return {
              body: setAt(body, [...slot.path, free], value),
              detail: `${label([...slot.path, free])} added`,
              field: [...slot.path, free],
            };
          }),
        );
      }
      case 'prototype-key': {
        // Bodyless routes never look at the body: only what the parser itself must refuse applies.
        const keys = bodyless
          ? [`"__proto__":{"${POLLUTION_MARKER}":"yes"}`, `"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}`]
          : [
              `"__proto__":{"${POLLUTION_MARKER}":"yes"}`,
              `"__proto__":{"roles":["admin"],"isAdmin":true}`,
              `"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}`,
              `"constructor":{"name":"Object"}`,
              `"constructor":"x"`,
              `"prototype":{"${POLLUTION_MARKER}":"yes"}`,
              `"__proto__":null`,
            ];
        const targets = bodyless ? [{ path: [] as Segment[] }] : objectSlots;
        return build(
          fc.tuple(pick(targets), pick(keys)).map(([slot, member]) => {
            const raw = new RawJson();
            const target = { ...(getAt(root, slot.path) as Json), [raw.member(member)]: 0 };
            const name = member.split(':')[0];
            // `__proto__` anywhere and `constructor.prototype` are the parser's to refuse (no field);
            // the other members reach the validation pipe, which names them.
            const byParser = name === '"__proto__"' || member.startsWith('"constructor":{"prototype"');
            return {
              body: setAt(root, slot.path, target),
              raw,
              detail: `${name} in ${label(slot.path)}`,
              ...(byParser ? { statuses: [400] } : { field: [...slot.path, JSON.parse(name) as string] }),
            };
          }),
        );
      }
      case 'huge-string': {
        // 1,000,000 characters fit in the 1 MiB body limit and must be refused by the field's
        // maxLength (400); 1,000,000 three-byte characters are over the limit (413).
        const sizes = [
          { text: 'a'.repeat(1_000_000), note: '1,000,000 × "a"', named: true },
          { text: '中'.repeat(1_000_000), note: '1,000,000 × "中" (3 MB)', named: false },
        ];
        if (bodyless) {
          return build(
            fc.constant({ body: { note: '中'.repeat(400_000) }, detail: 'a 1.2 MB body on a route without one', statuses: [413] }),
          );
        }
        const targets = stringSlots.length ? stringSlots : slots.filter((slot) => slot.path.length);
        if (!targets.length) return null;
        return build(
          fc.tuple(pick(targets), pick(sizes)).map(([slot, size]) => ({
            body: setAt(body, slot.path, size.text),
            detail: `${label(slot.path)} = ${size.note}`,
            ...(size.named ? { field: slot.path } : { statuses: [413] }),
          })),
        );
      }
      case 'huge-collection': {
        // A list one item over maxItems or of 100,000 items (200 KB of zeros), or an object of
        // 5,000 members: refused before anything checks them one by one.
        const arrays = slots.filter((slot) => typeOf(slot.schema) === 'array' && typeof slot.schema.maxItems === 'number');
        const lists = arrays.length
          ? fc.tuple(pick(arrays), fc.boolean()).map(([slot, many]) => {
              const items = getAt(root, slot.path) as unknown[];
              const value = many
                ? new Array<number>(100_000).fill(0)
                : Array.from({ length: Number(slot.schema.maxItems) + 1 }, () => items[0]);
              return { body: setAt(root, slot.path, value), detail: `${label(slot.path)} = ${value.length} items`, field: slot.path };
            })
          : null;
        const targets = bodyless ? [{ path: [] as Segment[] }] : objectSlots;
        const objects = pick(targets).map((slot) => {
          const members = Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`m${index}`, 0]));
          return {
            body: setAt(root, slot.path, { ...(getAt(root, slot.path) as Json), ...members }),
            detail: `${label(slot.path)} + 5,000 members`,
            field: slot.path,
          };
        });
        return build(lists ? fc.oneof(lists, objects) : objects);
      }
      case 'odd-unicode': {
        const strings = fc
          .tuple(fc.subarray(ODD_DECORATIONS, { minLength: 1, maxLength: 4 }), pick(UNSTORABLE))
          .map(([decorations, core]) => hostileString(decorations, core));
        if (bodyless || !stringSlots.length) {
          return build(
            strings.map((text) => ({
              body: { ...(root as Json), [`k${text}`]: 1 },
              detail: `member name ${JSON.stringify(text)}`,
              field: [],
            })),
          );
        }
        const unstorable = fc.tuple(pick(stringSlots), strings, fc.boolean()).map(([slot, text, asName]) => {
          if (asName) {
            const parent = slot.path.slice(0, -1);
            const container = getAt(root, parent);
            if (container && typeof container === 'object' && !Array.isArray(container)) {
              const copy = { ...(container as Json), [`${String(slot.path.at(-1))}${text}`]: 'x' };
              return {
                body: setAt(root, parent, copy),
                detail: `member name ${JSON.stringify(`${String(slot.path.at(-1))}${text}`)}`,
                field: parent,
              };
            }
          }
          return {
            body: setAt(root, slot.path, `T${text}`),
            detail: `${label(slot.path)} = ${JSON.stringify(`T${text}`)}`,
            field: slot.path,
          };
        });
        // Storable but still not what a format, an enum or a pattern takes: an invisible character
        // or a look-alike in a UUID, an enum value, a date, a phone number.
        const constrained = stringSlots.filter(
          (slot) =>
            isConstrainedString(slot) &&
            typeof getAt(root, slot.path) === 'string' &&
            !admits(slot.schema, `\u200B${String(getAt(root, slot.path))}`),
        );
        if (!constrained.length) return build(unstorable);
        const disguised = fc
          .tuple(pick(constrained), fc.constantFrom(...DISGUISES), fc.nat())
          .map(([slot, disguise, at]) => ({ slot, value: disguise(String(getAt(root, slot.path)), at) }))
          .filter(({ slot, value }) => !admits(slot.schema, value))
          .map(({ slot, value }) => ({
            body: setAt(root, slot.path, value),
            detail: `${label(slot.path)} = ${JSON.stringify(value)}`,
            field: slot.path,
          }));
        return build(fc.oneof(unstorable, disguised));
      }
      case 'unsafe-number': {
        const numeric = slots.filter(isNumeric);
        if (!numeric.length) return null;
        return build(
          fc.tuple(pick(numeric), pick(UNSAFE_NUMBERS)).map(([slot, number]) => {
            const raw = new RawJson();
            return {
              body: setAt(body, slot.path, raw.placeholder(number)),
              raw,
              detail: `${label(slot.path)} = ${number}`,
              field: slot.path,
            };
          }),
        );
      }
      case 'fen-amount': {
        const amounts = slots.filter(isFenAmount);
        if (!amounts.length) return null;
        return build(
          fc.tuple(pick(amounts), pick(BAD_FEN)).map(([slot, amount]) => {
            const raw = new RawJson();
            return {
              body: setAt(body, slot.path, raw.placeholder(amount)),
              raw,
              detail: `${label(slot.path)} = ${amount}`,
              field: slot.path,
            };
          }),
        );
      }
      case 'impossible-date': {
        const dates = slots.filter(isDateSlot);
        if (!dates.length) return null;
        return build(
          pick(dates).chain((slot) =>
            pick(slot.schema.format === 'date' ? BAD_DATES : BAD_INSTANTS).map((date) => ({
              body: setAt(body, slot.path, date),
              detail: `${label(slot.path)} = ${date}`,
              field: slot.path,
            })),
          ),
        );
      }
      case 'injection': {
        if (bodyless) return null;
        const leaves = slots.filter((slot) => slot.path.length);
        const injections = [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS];
        // Where the contract must refuse the text: a non-string field, or a format, enum or
        // pattern that does not admit it (a "not blank" pattern takes any of them, as text).
        const refuses = (slot: Slot, text: string) =>
          typeOf(slot.schema) !== 'string' || (isConstrainedString(slot) && !admits(slot.schema, text));
        const constrained = slots.filter((slot) => slot.path.length && injections.some((text) => refuses(slot, text)));
        const textual = constrained.length
          ? fc
              .tuple(pick(constrained), pick(injections))
              .filter(([slot, text]) => refuses(slot, text))
              .map(([slot, text]) => ({
                body: setAt(body, slot.path, text),
                detail: `${label(slot.path)} = ${JSON.stringify(text)}`,
                field: slot.path,
              }))
          : null;
        const nosql = fc.tuple(pick(leaves.length ? leaves : slots), pick(NOSQL_INJECTIONS)).map(([slot, operator]) => ({
          body: setAt(body, slot.path, operator),
          detail: `${label(slot.path)} = ${JSON.stringify(operator)}`,
          field: slot.path,
        }));
        return build(textual ? fc.oneof(textual, nosql) : nosql);
      }
      case 'deep-nesting': {
        const targets = bodyless ? [{ path: ['note'] as Segment[] }] : slots.filter((slot) => slot.path.length);
        return build(
          fc
            .tuple(pick(targets.length ? targets : [{ path: ['note'] as Segment[] }]), pick([40, 1_000, 10_000, 100_000]), fc.boolean())
            .map(([slot, depth, arrays]) => {
              const raw = new RawJson();
              const nested = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
              return {
                body: setAt(root, slot.path, raw.placeholder(nested)),
                raw,
                detail: `${label(slot.path)} = ${depth} levels of ${arrays ? 'arrays' : 'objects'}`,
                field: slot.path,
              };
            }),
        );
      }
      case 'malformed-json': {
        const valid = JSON.stringify(bodyless ? { note: 'x' } : body);
        const variants: fc.Arbitrary<{ text: string; detail: string }>[] = [
          fc
            .integer({ min: 1, max: valid.length - 1 })
            .map((cut) => ({ text: valid.slice(0, cut), detail: `truncated after ${cut} of ${valid.length} characters` })),
          fc.constant({ text: `${valid.slice(0, -1)},}`, detail: 'trailing comma' }),
          fc.constant({ text: valid.replace(/"/g, "'"), detail: 'single quotes' }),
          fc.constant({ text: valid.replace(/"([A-Za-z_]\w*)":/g, '$1:'), detail: 'unquoted member names' }),
          fc.constant({ text: `${valid.slice(0, -1)},"n":NaN}`, detail: 'NaN literal' }),
          fc.constant({ text: `${valid.slice(0, -1)},"u":undefined}`, detail: 'undefined literal' }),
          fc.constant({ text: `/* hostile */${valid}`, detail: 'a comment' }),
          fc.constant({ text: `${valid}}`, detail: 'an extra closing brace' }),
          fc.constant({ text: `${valid}${valid}`, detail: 'two documents' }),
          fc.constant({ text: '{', detail: 'a lone brace' }),
          fc.constant({ text: '"', detail: 'a lone quote' }),
          fc.constant({ text: '\u0000', detail: 'a raw NUL byte' }),
          fc.constant({ text: '\uFFFD\uFFFD', detail: 'replacement characters' }),
        ];
        return build(fc.oneof(...variants).map((variant) => ({ ...variant, text: ensureMalformed(variant.text), statuses: [400] })));
      }
      case 'wrong-content-type': {
        // Fastify parses text/plain on its own: a route that ignores its body would take it.
        const types = bodyless ? WRONG_CONTENT_TYPES.filter((type) => !type.startsWith('text/plain')) : WRONG_CONTENT_TYPES;
        // 415 where no parser takes the type; text/plain is parsed (a string) and refused by validation.
        return build(
          pick(types).map((contentType) => ({
            text: JSON.stringify(root),
            contentType,
            detail: `Content-Type: ${contentType}`,
            statuses: [400, 415],
          })),
        );
      }
      case 'empty-body': {
        const required = operation.body ? ((this.schemas.resolve(operation.body).schema.required ?? []) as string[]) : [];
        if (!required.length) return null;
        return build(
          pick([
            { text: '', detail: 'an empty body' },
            { text: '{}', detail: 'an empty object' },
            { text: '   \n', detail: 'only whitespace' },
          ]).map((variant) => ({ ...variant, statuses: [400] })),
        );
      }
      case 'hostile-path': {
        if (!operation.pathParameters.length) return null;
        const long = fc.integer({ min: 101, max: 8_000 }).map((length) => 'a'.repeat(length));
        return build(
          fc
            .tuple(
              pick(operation.pathParameters.map((_, index) => index)),
              fc.oneof(pick(HOSTILE_PATH_VALUES), long),
              fc.tuple(...operation.pathParameters.map(pathValueArbitrary)),
            )
            .filter(([index, value]) => !admittedBy(operation.pathParameters[index], value))
            .map(([index, value, others]) => {
              const chosen = [...(others as string[])];
              chosen[index] = value;
              const name = operation.pathParameters[index].name;
              return {
                body: root,
                path: fillPath(operation, chosen),
                detail: `{${name}} = ${value.length > 60 ? `${value.length} × "a"` : value}`,
              };
            }),
        );
      }
    }
  }
}

function getAt(root: unknown, path: Segment[]): unknown {
  let current = root as Record<Segment, unknown>;
  for (const segment of path) current = current[segment] as Record<Segment, unknown>;
  return current;
}

/** Values of a type the slot's schema does not admit (null wherever the document does not say nullable). */
function wrongValues(slot: Slot): string[] {
  const values: Record<string, string> = {
    string: '"text"',
    integer: '42',
    fraction: '4.2',
    boolean: 'true',
    object: '{"a":1}',
    array: '["a"]',
    null: 'null',
    numeric: '"42"',
  };
  const type = typeOf(slot.schema);
  const wrong: string[] = [];
  if (type !== 'string') wrong.push(values.string);
  if (type === 'string' || type === 'boolean' || type === 'object' || type === 'array') wrong.push(values.integer);
  if (type === 'integer') wrong.push(values.fraction, values.numeric);
  if (type !== 'boolean') wrong.push(values.boolean);
  if (type !== 'object') wrong.push(values.object);
  if (type !== 'array') wrong.push(values.array);
  if (!slot.nullable) wrong.push(values.null);
  // An enum or a format refuses any other string; free text takes the stringified forms as text.
  return type === 'string' ? wrong.filter((value) => !value.startsWith('"')) : wrong;
}

function ensureMalformed(text: string): string {
  try {
    JSON.parse(text);
  } catch {
    return text;
  }
  throw new Error(`generator bug: ${JSON.stringify(text.slice(0, 80))} is well-formed JSON`);
}

/** A plausible value for a path parameter, from its schema in the document (a fresh UUID: nothing exists behind it). */
function pathValueArbitrary(parameter: PathParameter): fc.Arbitrary<string> {
  return stringArbitrary(parameter.schema);
}

/** Whether a hostile path value would, decoded, still be what the parameter takes (then it is not hostile). */
function admittedBy(parameter: PathParameter, value: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  if (parameter.schema.format === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded);
  if (typeof parameter.schema.pattern === 'string') return new RegExp(parameter.schema.pattern).test(decoded);
  // The document says "any string": nothing is refused by the contract, any 4xx will do.
  return false;
}

function fillPath(operation: Operation, values: string[]): string {
  let path = operation.path;
  operation.pathParameters.forEach((parameter, index) => {
    path = path.replace(`{${parameter.name}}`, values[index]);
  });
  return path;
}

// ---- checks ---------------------------------------------------------------------------------

/** What an answer must never carry: stack frames, source locations, SQL or driver errors. */
export const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\bat (?:async )?\/?[\w/.-]+:\d+:\d+/],
  ['a source location', /\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['SQL', /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[^"]*\b(?:FROM|INTO|SET|WHERE)\b/],
  ['a TypeORM error', /QueryFailedError|EntityNotFound|TypeORMError/],
  ['a PostgreSQL error', /\brelation "|violates (?:not-null|check|foreign key|unique) constraint|invalid input syntax|\bduplicate key\b/],
  ['a RabbitMQ or Node error', /ECONNREFUSED|AMQP|TypeError|ReferenceError|RangeError|SyntaxError: /],
];

/** The answer checks of GW-5; returns the first broken one, or null. */
export function answerProblem(
  status: number,
  contentType: string | undefined,
  text: string,
  echoes: string[],
  expected: { field?: string; statuses?: number[] } = {},
): string | null {
  const { field, statuses } = expected;
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return `answered ${status}: the hostile input was accepted`;
  if (statuses && !statuses.includes(status))
    return `answered ${status}, not ${statuses.join(' or ')}: the input got past the check that must refuse it`;
  if (!/^application\/problem\+json/.test(contentType ?? '')) return `content-type ${contentType ?? '(none)'}`;
  let problem: Json;
  try {
    problem = JSON.parse(text) as Json;
  } catch {
    return 'the body is not JSON';
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string') return 'the problem has no type or title';
  if (problem.status !== status) return `problem status ${String(problem.status)} ≠ HTTP ${status}`;
  if (field && status === 400) {
    const named = ((problem.errors ?? []) as { field?: unknown }[]).map((error) => String(error.field));
    const related = (other: string) => other === field || other.startsWith(`${field}.`) || field.startsWith(`${other}.`);
    if (!named.some(related)) return `the 400 does not name ${field} (it names ${named.join(', ') || 'no field'})`;
  }
  // The request's own text may be echoed back (a route's URL in a 404): it is not a leak.
  let scrubbed = text;
  for (const echo of echoes) if (echo) scrubbed = scrubbed.split(echo).join('');
  for (const [what, pattern] of LEAKS) if (pattern.test(scrubbed)) return `the body leaks ${what}`;
  return null;
}

// ---- row counts -----------------------------------------------------------------------------

/** Exact row counts of every table of every database, `database.schema.table` → rows. */
export async function countRows(databases: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const database of databases) {
    const client = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database) });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
          ORDER BY 1, 2`,
      );
      for (const { schema, name } of tables.rows) {
        const quoted = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
        const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quoted}`);
        counts[`${database}.${schema}.${name}`] = Number(result.rows[0].count);
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}
