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

/**
 * The dossier schema as it is compiled: each top-level property moved under `$defs` and referenced,
 * so that with `inlineRefs: false` the whole-dossier validator calls the very functions the section
 * validators are (one copy of each section's code instead of two). Error paths are unchanged.
 */
export function validationSchema(definition: DispositifDefinition): JsonSchema {
  const schema = definition.schema;
  const properties = schema.properties ?? {};
  const defs: Record<string, JsonSchema> = { ...(schema.$defs as Record<string, JsonSchema> | undefined) };
  const refs: Record<string, JsonSchema> = {};
  for (const [key, sub] of Object.entries(properties)) {
    defs[`${SECTION}${key}`] = sub;
    refs[key] = { $ref: `#/$defs/${SECTION}${key}` };
  }
  return { ...schema, properties: refs, $defs: defs };
}

/** Options every compilation of a dossier schema uses (see validationSchema). */
export const DOSSIER_AJV_OPTIONS: Options = { inlineRefs: false, messages: false };

/** Export names → schema refs: the whole dossier, and one validator per top-level property. */
export function validatorRefs(definition: DispositifDefinition): Record<string, string> {
  const id = definition.schema.$id as string;
  const refs: Record<string, string> = { validate: id };
  for (const key of Object.keys(definition.schema.properties ?? {})) refs[`section_${key}`] = `${id}#/$defs/${SECTION}${key}`;
  return refs;
}
