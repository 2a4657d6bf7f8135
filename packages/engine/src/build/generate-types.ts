/** TypeScript types of each dispositif's dossier, from its JSON Schema (json-schema-to-typescript). */
import { compile } from 'json-schema-to-typescript';
import { ANNOTATION_KEYWORDS } from '../definition/create-ajv.js';
import type { DispositifDefinition, JsonSchema } from '../models/definition.js';

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (ANNOTATION_KEYWORDS.includes(k) || k === '$id' || k === 'examples' || k === 'title' || k === 'description') continue;
    out[k] = k === 'enum' || k === 'const' ? v : strip(v);
  }
  // The French label becomes the doc comment; titles would otherwise name one type per field.
  const label = [(node as { title?: unknown }).title, (node as { description?: unknown }).description].filter((x) => typeof x === 'string');
  if (label.length) out.description = label.join(' : ');
  return out;
}

export function typeName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()) + 'Dossier';
}

export async function generateTypes(definition: DispositifDefinition): Promise<string> {
  const schema = strip(definition.schema) as JsonSchema;
  const name = typeName(definition.identity.id);
  return compile(schema as Parameters<typeof compile>[0], name, {
    bannerComment: `/* Generated from schemas/${definition.identity.id}/dossier.schema.json by json-schema-to-typescript: do not edit. Run \`npm run build:schemas\`. */`,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
