/**
 * The one ajv configuration, used to precompile the built-in dispositifs (standalone code)
 * and, in designer mode, to compile a definition at run time.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import { formats } from '../formats/index.js';
import type { DispositifDefinition, JsonSchema } from '../models/definition.js';

/** Annotation keywords a definition may carry besides standard JSON Schema ones. */
export const ANNOTATION_KEYWORDS = ['x-codeList', 'x-unit', 'x-messages'];

export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, formats, ...options });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

const SECTION = '__section_';
const ITEM = '__item_';
/** Keywords of an array schema that concern each item alone: an item can then be re-checked by itself. */
const ITEMWISE = new Set(['type', 'items', 'maxItems', 'minItems', 'title', 'description', '$comment', 'examples', 'default', ...ANNOTATION_KEYWORDS]);

/** Top-level properties that are arrays of items checked one by one (`stagiaires`, `modules`, `tuteurs`). */
function itemArrays(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, sub]) => sub.type === 'array' && typeof sub.items === 'object' && Object.keys(sub).every((k) => ITEMWISE.has(k)))
    .map(([key]) => key);
}

/**
 * The dossier schema as it is compiled: each top-level property moved under `$defs` and referenced,
 * so that with `inlineRefs: false` the whole-dossier validator calls the very functions the section
 * validators are (one copy of each section's code instead of two); the items of top-level arrays
 * likewise, for re-checking one item of a long list. Error paths are unchanged.
 */
export function validationSchema(definition: DispositifDefinition): JsonSchema {
  const schema = definition.schema;
  const defs: Record<string, JsonSchema> = { ...(schema.$defs as Record<string, JsonSchema> | undefined) };
  const properties: Record<string, JsonSchema> = {};
  const arrays = new Set(itemArrays(schema));
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    let section = sub;
    if (arrays.has(key)) {
      defs[`${ITEM}${key}`] = sub.items as JsonSchema;
      section = { ...sub, items: { $ref: `#/$defs/${ITEM}${key}` } };
    }
    defs[`${SECTION}${key}`] = section;
    properties[key] = { $ref: `#/$defs/${SECTION}${key}` };
  }
  return { ...schema, properties, $defs: defs };
}

/** Keywords that hold one subschema, a map of them, or a list of them (where annotations may sit). */
const ONE = ['items', 'contains', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const MAP = ['properties', '$defs', 'patternProperties', 'dependentSchemas'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Annotations: they never change what validates (the engine reads them from the definition's schema). */
const isAnnotation = (keyword: string) => ['title', 'description', 'examples', '$comment'].includes(keyword) || keyword.startsWith('x-');

/**
 * A schema without its annotations, for the precompiled validators: ajv's standalone code embeds the schema
 * nodes it reads at run time (the `properties` an `additionalProperties: false` checks keys against, an
 * enum's values), titles and messages included; the page already has them once, in the definition.
 */
export function withoutAnnotations(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (isAnnotation(keyword)) continue;
    const sub = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? withoutAnnotations(v as JsonSchema) : v);
    if (ONE.includes(keyword)) out[keyword] = sub(value);
    else if (MAP.includes(keyword) && typeof value === 'object' && value !== null) out[keyword] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
    else if (LIST.includes(keyword) && Array.isArray(value)) out[keyword] = value.map(sub);
    else out[keyword] = value;
  }
  return out;
}

/** Options every compilation of a dossier schema uses (see validationSchema). */
export const DOSSIER_AJV_OPTIONS: Options = { inlineRefs: false, messages: false };

/**
 * Export names → schema refs: `validate` (the whole dossier), `section_<key>` (one top-level property)
 * and `item_<key>` (one item of a top-level array).
 */
export function validatorRefs(definition: DispositifDefinition): Record<string, string> {
  const id = definition.schema.$id as string;
  const refs: Record<string, string> = { validate: id };
  for (const key of Object.keys(definition.schema.properties ?? {})) refs[`section_${key}`] = `${id}#/$defs/${SECTION}${key}`;
  for (const key of itemArrays(definition.schema)) refs[`item_${key}`] = `${id}#/$defs/${ITEM}${key}`;
  return refs;
}

/** The key of `sections` an export name fills: `contrat` for section_contrat, `stagiaires/*` for item_stagiaires. */
export function sectionKeyOf(name: string): string {
  return name.startsWith('item_') ? `${name.slice('item_'.length)}/*` : name.slice('section_'.length);
}
