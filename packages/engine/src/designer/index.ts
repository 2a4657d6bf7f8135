/**
 * Designer mode: compiles a definition at run time with ajv, to try a changed dispositif
 * without rebuilding. ajv generates code with `new Function`, so a page using this entry
 * needs a Content-Security-Policy allowing 'unsafe-eval'. Built-in dispositifs never do.
 */
import { assembleDefinition, type DefinitionSource } from '../definition/assemble.js';
import { createAjv, DOSSIER_AJV_OPTIONS, validationSchema, validatorRefs } from '../definition/create-ajv.js';
import type { LoadedDispositif, SchemaValidateFunction } from '../validation/dossier-engine.js';

export type { DefinitionSource } from '../definition/assemble.js';

export function compileDispositif(source: DefinitionSource): LoadedDispositif {
  const definition = assembleDefinition(source);
  const ajv = createAjv(DOSSIER_AJV_OPTIONS);
  ajv.addSchema(validationSchema(definition));
  const sections: Record<string, SchemaValidateFunction> = {};
  let validate: SchemaValidateFunction | undefined;
  for (const [name, ref] of Object.entries(validatorRefs(definition))) {
    const fn = ajv.getSchema(ref) as SchemaValidateFunction | undefined;
    if (!fn) throw new Error(`Schéma introuvable : ${ref}`);
    if (name === 'validate') validate = fn;
    else sections[name.slice('section_'.length)] = fn;
  }
  if (!validate) throw new Error('Schéma du dossier introuvable');
  return { definition, validators: { validate, sections } };
}
