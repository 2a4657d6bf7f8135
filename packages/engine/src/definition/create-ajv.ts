/**
 * The one ajv configuration, used to precompile the built-in dispositifs (standalone code)
 * and, in designer mode, to compile a definition at run time.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import { formats } from '../formats/index.js';
import type { DispositifDefinition } from '../models/definition.js';

/** Annotation keywords a definition may carry besides standard JSON Schema ones. */
export const ANNOTATION_KEYWORDS = ['x-codeList', 'x-unit', 'x-messages'];

export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, formats, ...options });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** Export names → schema refs: the whole dossier, and one validator per top-level property. */
export function validatorRefs(definition: DispositifDefinition): Record<string, string> {
  const id = definition.schema.$id as string;
  const refs: Record<string, string> = { validate: id };
  for (const key of Object.keys(definition.schema.properties ?? {})) refs[`section_${key}`] = `${id}#/properties/${key}`;
  return refs;
}
