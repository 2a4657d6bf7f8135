/**
 * Designer mode: compiles a definition at run time with ajv, to try a changed dispositif
 * without rebuilding. ajv generates code with `new Function`, so a page using this entry
 * needs a Content-Security-Policy allowing 'unsafe-eval'. Built-in dispositifs never do.
 */
import { assembleDefinition, type DefinitionSource } from '../definition/assemble.js';
import { createAjv, DOSSIER_AJV_OPTIONS, sectionKeyOf, validationSchema, validatorRefs } from '../definition/create-ajv.js';
import type { DispositifArtifact } from '../registry/artifact.js';
import type { LoadedDispositif, SchemaValidateFunction } from '../validation/dossier-engine.js';
import { ARTIFACT_FORMAT, ENGINE_VERSION } from '../version.js';

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
    else sections[sectionKeyOf(name)] = fn;
  }
  if (!validate) throw new Error('Schéma du dossier introuvable');
  return { definition, validators: { validate, sections } };
}

/**
 * The definition compiled as an artifact module would hold it, for `registerDispositif` or the wizard's
 * `definition` property: a designer re-shows an edited definition by handing it a new one. `hash`
 * tells revisions apart (drafts record it); it is not a content hash.
 */
export function compileArtifact(source: DefinitionSource, hash = `designer-${Date.now()}`): DispositifArtifact {
  const { definition, validators } = compileDispositif(source);
  const manifest = { format: ARTIFACT_FORMAT, id: definition.identity.id, version: definition.identity.version ?? '0.0.0', hash, engine: `^${ENGINE_VERSION}` };
  return { manifest, definition, validate: validators.validate, sections: validators.sections };
}
