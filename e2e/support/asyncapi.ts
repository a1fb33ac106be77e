import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// js-yaml ships with @nestjs/swagger (a production dependency); it has no type declarations here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load: (text: string) => unknown };

type Schema = Record<string, unknown>;
interface AsyncApiDocument {
  components: { schemas: Record<string, Schema>; messages: Record<string, { name: string; payload: Schema }> };
}

/**
 * RET-7: validates event envelopes against docs/asyncapi.yaml — the message whose `name` is the
 * event's type, its payload schema (JSON Schema draft 2020-12 with formats, `$ref`s into the
 * document's components). `@asyncapi/parser` would add a large dependency tree for the same check
 * of payload schemas; Ajv is already installed (see docs/decisions.md).
 */
export class AsyncApiValidator {
  private constructor(
    private readonly ajv: Ajv2020,
    private readonly byType: Map<string, string>,
  ) {}

  static load(path = join(__dirname, '..', '..', 'docs', 'asyncapi.yaml')): AsyncApiValidator {
    const document = load(readFileSync(path, 'utf8')) as AsyncApiDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'asyncapi', components: document.components });
    const byType = new Map<string, string>();
    for (const [key, message] of Object.entries(document.components.messages)) byType.set(message.name, key);
    return new AsyncApiValidator(ajv, byType);
  }

  /** Problems of one envelope (empty when it matches its message); a type the document lacks is a problem too. */
  errors(envelope: { type: string; data?: unknown }): string[] {
    const key = this.byType.get(envelope.type);
    if (!key) return [`${envelope.type}: no message of that name in docs/asyncapi.yaml`];
    const valid = this.ajv.validate({ $ref: `asyncapi#/components/messages/${key}/payload` }, envelope);
    return valid ? [] : (this.ajv.errors ?? []).map((error) => `${envelope.type} ${error.instancePath} ${error.message}`);
  }
}
