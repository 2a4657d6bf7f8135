/**
 * A definition artifact: the ES module `akto-forms build` writes for one dispositif folder. It holds
 * plain data and precompiled ajv code only (no import, no eval), so a page can load it from any URL
 * under a strict Content-Security-Policy, and a server can load the very same file.
 */
import type { DispositifDefinition } from '../models/definition.js';
import type { SchemaValidateFunction } from '../validation/dossier-engine.js';
import { ARTIFACT_FORMAT, ENGINE_VERSION, compareVersions, parseVersion } from '../version.js';

export interface ArtifactManifest {
  format: number;
  id: string;
  /** The definition's own version (dispositif.json `version`). */
  version: string;
  /** Content hash of the definition and its validators (`sha256-<hex>`). */
  hash: string;
  /** Engine versions the artifact runs on: a caret range such as `^0.2.0`. */
  engine: string;
}

export interface DispositifArtifact {
  manifest: ArtifactManifest;
  definition: DispositifDefinition;
  validate: SchemaValidateFunction;
  sections: Record<string, SchemaValidateFunction>;
}

/** The definition, version and hash a draft was saved with. */
export interface DefinitionStamp {
  id: string;
  version: string;
  hash: string;
}

export class DefinitionArtifactError extends Error {}

export { parseVersion, compareVersions } from '../version.js';

/**
 * Whether `version` satisfies a caret range (`^0.2.0`: 0.2.x from 0.2.0; `^1.3.0`: 1.x from 1.3.0) or an
 * exact version. Hand-written because only this one form is ever produced (by `akto-forms build`), and
 * the semver package would add ~10 KB to every page for it.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const caret = range.startsWith('^');
  const want = parseVersion(caret ? range.slice(1) : range);
  const have = parseVersion(version);
  if (!want || !have) return false;
  if (!caret) return compareVersions(version, range) === 0;
  const [major, minor] = want;
  if (have[0] !== major) return false;
  if (major === 0 && have[1] !== minor) return false;
  return compareVersions(version, range.slice(1)) >= 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks that a loaded module is an artifact this engine can run; a French message otherwise. */
export function checkArtifact(mod: unknown, where = 'ce module'): DispositifArtifact {
  const m = isObject(mod) ? mod : {};
  const manifest = m.manifest;
  if (!isObject(manifest) || typeof manifest.id !== 'string' || !isObject(m.definition) || typeof m.validate !== 'function' || !isObject(m.sections)) {
    throw new DefinitionArtifactError(`${where} n'est pas une définition de dispositif construite par « akto-forms build » (manifeste, définition ou validateurs absents).`);
  }
  const { id, version, engine, format } = manifest;
  if (format !== ARTIFACT_FORMAT) {
    throw new DefinitionArtifactError(`La définition « ${id} » est au format ${String(format)}, ce moteur lit le format ${ARTIFACT_FORMAT} : reconstruisez-la avec « akto-forms build ».`);
  }
  if (typeof engine !== 'string' || !satisfiesRange(ENGINE_VERSION, engine)) {
    throw new DefinitionArtifactError(
      `La définition « ${id} » (version ${String(version)}) demande le moteur ${String(engine)}, mais ce moteur est en version ${ENGINE_VERSION} : reconstruisez-la avec « akto-forms build » de cette version, ou chargez un moteur compatible.`,
    );
  }
  const definition = m.definition as unknown as DispositifDefinition;
  if (definition.identity?.id !== id) throw new DefinitionArtifactError(`${where} : le manifeste annonce « ${id} » mais la définition est « ${String(definition.identity?.id)} ».`);
  return mod as DispositifArtifact;
}
