/**
 * `akto-forms check` as a pure function: lints a dispositif folder held in memory (parsed JSON
 * by relative path) and explains each mistake with the file, a JSON pointer into it and a French
 * sentence. No file system: the CLI reads the folder from disk (build/check-definition.ts), a
 * designer page passes what its editor holds. Compiles with ajv at run time (meta-schemas, the
 * dossier schema): a page calling it needs a CSP allowing 'unsafe-eval', like the designer entry.
 */
import type { AnyValidateFunction } from 'ajv/dist/core.js';
import { assembleDefinition } from '../definition/assemble.js';
import { createAjv } from '../definition/create-ajv.js';
import { readDefinitionFiles, type JsonFiles } from '../definition/files.js';
import { compileDispositif } from '../designer/index.js';
import type { CodeList, MigrationFile } from '../models/definition.js';
import { DossierEngine } from '../validation/dossier-engine.js';
import { checkCerfaMap } from './check-cerfa.js';
import { checkExamples } from './check-examples.js';
import { checkLayout } from './check-layout.js';
import { checkCodes, checkDocuments, checkLists, listFiles } from './check-lists.js';
import { checkMachines } from './check-machines.js';
import { checkMessages } from './check-messages.js';
import { checkMigrations } from './check-migrations.js';
import { checkRules, checkSamples, checkSamplesPresent, isSamplesError } from './check-rules.js';
import type { CheckContext } from './context.js';
import { describeMetaErrors, type Add, type CheckProblem } from './problem.js';

export { formatProblem, type CheckProblem } from './problem.js';
export { readDefinitionFiles, type JsonFiles } from '../definition/files.js';
export { overlaySample, ruleSampleOutcomes, sampleOutcomes, type SampleOutcome } from './rule-samples.js';

export interface CheckInput {
  /** The dispositif folder's JSON files, parsed, by `/`-separated relative path (`layout.json`, `lists/x.json`, `examples/valid.json`). */
  files: JsonFiles;
  /** schemas/common the same way (`adresse.schema.json`, `lists/csp.json`, `machines/edition.json`); `$ref`s to `../common/…` read it. */
  common: JsonFiles;
  /** The meta-schemas of schemas/meta, by file name (`layout.schema.json`…). */
  meta: JsonFiles;
  /** Name of the folder, which must be the dispositif's id (left unchecked when absent). */
  folder?: string;
}

const META_BASE = 'https://akto-forms.local/schemas/meta/';
type MetaName = 'dispositif' | 'layout' | 'rules' | 'code-list' | 'documents' | 'cerfa-map' | 'migration';
type MetaValidators = (name: MetaName) => AnyValidateFunction | undefined;
const compiled = new WeakMap<JsonFiles, MetaValidators>();

/** The meta-schemas compiled once per `meta` object (a designer page re-checks on every keystroke). */
function metaValidators(meta: JsonFiles): MetaValidators {
  let get = compiled.get(meta);
  if (!get) {
    const ajv = createAjv({ allowUnionTypes: true });
    for (const schema of Object.values(meta)) ajv.addSchema(schema as object);
    const cache = new Map<MetaName, AnyValidateFunction | undefined>();
    get = (name) => {
      if (!cache.has(name)) cache.set(name, ajv.getSchema(`${META_BASE}${name}.schema.json`));
      return cache.get(name);
    };
    compiled.set(meta, get);
  }
  return get;
}

function validateMeta(validate: AnyValidateFunction | undefined, file: string, data: unknown, add: Add, skip?: (e: Parameters<typeof isSamplesError>[0]) => boolean) {
  if (!validate) return add(file, '', 'méta-schéma introuvable dans schemas/meta : la structure du fichier ne peut pas être vérifiée');
  if (validate(data)) return;
  const errors = (validate.errors ?? []).filter((e) => !skip?.(e as Parameters<typeof isSamplesError>[0]));
  for (const { pointer, message } of describeMetaErrors(errors)) add(file, pointer, message);
}

/** Checks one dispositif folder; returns its problems (empty when it is sound). */
export function checkDefinition(input: CheckInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const add: Add = (file, pointer, message) => problems.push({ file, pointer, message });
  const read = readDefinitionFiles(input.files, input.common);
  problems.push(...read.problems);
  const source = read.source;
  if (!source) return problems;

  const meta = metaValidators(input.meta);
  validateMeta(meta('dispositif'), 'dispositif.json', source.identity, add);
  validateMeta(meta('layout'), 'layout.json', source.layout, add);
  validateMeta(meta('rules'), 'rules.json', source.rules, add, isSamplesError);
  if (source.extras.documents !== undefined) validateMeta(meta('documents'), 'documents.json', source.extras.documents, add);
  if (source.extras['cerfa.map'] === undefined) add('cerfa.map.json', '', 'fichier manquant : la correspondance du CERFA (ou du document par défaut) est attendue, au moins { "document": { "title": …, "sections": […] }, "fields": [] }');
  else validateMeta(meta('cerfa-map'), 'cerfa.map.json', source.extras['cerfa.map'], add);
  for (const [file, list] of listFiles(input.files)) validateMeta(meta('code-list'), file, list, add);
  const migrations = Object.keys(input.files).filter((f) => f.startsWith('migrations/')).sort().map((f) => [f, input.files[f] as MigrationFile] as [string, MigrationFile]);
  for (const [file, m] of migrations) validateMeta(meta('migration'), file, m, add);
  if (problems.length) return problems;
  checkSamplesPresent(source.rules, add);
  const blocking = problems.length;

  if (input.folder !== undefined && source.identity.id !== input.folder) {
    add('dispositif.json', '/id', `l'identifiant « ${source.identity.id} » doit être le nom du dossier (« ${input.folder} »)`);
  }
  const definition = assembleDefinition(source);
  try {
    createAjv().compile(definition.schema);
  } catch (e) {
    add('dossier.schema.json', '', `schéma refusé par ajv : ${(e as Error).message}`);
    return problems;
  }
  const ctx: CheckContext = { definition, source, files: input.files, origins: read.origins, add };
  checkLists(ctx);
  checkLayout(ctx);
  checkRules(ctx);
  checkDocuments(ctx);
  checkMessages(ctx);
  checkMachines(ctx);
  checkCerfaMap(ctx);
  checkMigrations(ctx, migrations);
  if (problems.length === blocking) {
    const engine = new DossierEngine(compileDispositif(source));
    checkSamples(ctx, engine);
    checkExamples(ctx, engine);
  }
  return problems;
}

/**
 * The shared code lists of schemas/common/lists: structure, unique codes, and used by at least one
 * dispositif (`usedLists`: the list ids the dispositifs use). Files are relative to common (`lists/x.json`).
 */
export function checkCommonLists(common: JsonFiles, meta: JsonFiles, usedLists: ReadonlySet<string>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const add: Add = (file, pointer, message) => problems.push({ file, pointer, message });
  const validate = metaValidators(meta)('code-list');
  for (const [file, list] of listFiles(common)) {
    const before = problems.length;
    validateMeta(validate, file, list, add);
    if (problems.length > before) continue;
    checkCodes(list as CodeList, file, add);
    if (!usedLists.has(list.id)) add(file, '/id', `la liste « ${list.id} » n'est utilisée par aucun dispositif`);
  }
  return problems;
}

/** The code-list ids a sound definition uses (for {@link checkCommonLists}); empty when it does not assemble. */
export function usedListsOf(files: JsonFiles, common: JsonFiles): Set<string> {
  const { source } = readDefinitionFiles(files, common);
  if (!source) return new Set();
  try {
    return new Set(Object.keys(assembleDefinition(source).lists));
  } catch {
    return new Set(); // its own problems are reported by checkDefinition
  }
}

export { scaffoldFiles, DISPOSITIF_ID } from '../definition/scaffold-files.js';
