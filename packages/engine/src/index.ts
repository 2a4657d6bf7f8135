/**
 * @akto/engine: dispositifs as data, validated with errors and warnings, in Node and the browser.
 * DOM-free; the built-in dispositifs are precompiled (no eval at run time).
 */
export type * from './models/definition.js';
export type * from './models/expression.js';
export type * from './models/result.js';
export { DossierEngine, ValidationSession, select, type CheckProviders, type CheckAnswer, type AsyncOutcome, type CompiledValidators, type LoadedDispositif, type SchemaValidateFunction } from './validation/dossier-engine.js';
export { LayoutIndex, schemaAt, resolveRef, type FieldEntry, type RepeatEntry } from './layout/layout-index.js';
export { compileExpr, collectReads, isFilled, ExpressionError, type EvalContext } from './expressions/evaluate.js';
export { parseIsoDate, toIsoDate } from './expressions/dates.js';
export { getAt, setAt, parsePointer, joinPointer, expandPointer, toPattern, pointersOverlap } from './pointer/json-pointer.js';
export { FORMAT_MESSAGES, formatMessage } from './formats/messages.js';
export { isValidNir, isValidSiren, isValidSiret, isValidTelephone, nirKey, luhn } from './formats/identifiers.js';
export {
  createEngine,
  loadDispositif,
  listDispositifs,
  hasDispositif,
  registerDispositif,
  registerEntry,
  unregisterDispositif,
  onDispositifsChange,
  manifestOf,
  importArtifact,
  UnknownDispositifError,
  type DispositifSummary,
  type DispositifEntry,
  type DispositifSource,
} from './registry/index.js';
// Types only: the checks themselves load on demand (see registry/registry.ts), off the page's entry.
export type { DispositifArtifact, ArtifactManifest, DefinitionStamp } from './registry/artifact.js';
export { ENGINE_VERSION, ARTIFACT_FORMAT, compareVersions } from './version.js';
export * from './workflow/index.js';
