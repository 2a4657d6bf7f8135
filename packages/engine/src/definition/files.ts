/**
 * A dispositif folder as data: its JSON files parsed, by relative path, and those of
 * schemas/common. Turns them into a {@link DefinitionSource}, inlining `{ "$ref": "….json" }`
 * objects (machine regions shared under common/machines). Pure (no file system): the Node loader
 * reads the files from disk, a designer page gets them from a file picker or an editor.
 */
import type { DefinitionSource } from './assemble.js';
import type { CodeList, DispositifIdentity, JsonSchema, Layout, RulesFile, MigrationFile } from '../models/definition.js';
import { at, type CheckProblem } from '../check/problem.js';

/** Parsed JSON files by path relative to their folder, with `/` separators (`layout.json`, `lists/csp.json`). */
export type JsonFiles = Record<string, unknown>;

/** Files a dispositif folder must hold; any other top-level *.json lands in `extras`. */
export const DEFINITION_FILES = ['dispositif.json', 'dossier.schema.json', 'layout.json', 'rules.json'] as const;

/** How a file of schemas/common is named from the dispositif folder (its `$ref`s say so too). */
export const COMMON_PREFIX = '../common/';

/** Where an inlined `$ref` came from: the file (relative to the dispositif folder) and the pointer in it. */
export interface FileOrigin {
  file: string;
  pointer: string;
}

export interface ReadDefinition {
  /** Undefined when a required file is missing. */
  source?: DefinitionSource;
  /** Missing files, `$ref`s to files that do not exist. */
  problems: CheckProblem[];
  /** The objects that replaced a `$ref`, with the file they were read from. */
  origins: WeakMap<object, FileOrigin>;
}

const isJson = (path: string) => path.endsWith('.json');
const topLevel = (files: JsonFiles) => Object.keys(files).filter((p) => isJson(p) && !p.includes('/')).sort();
const inFolder = (files: JsonFiles, folder: string) =>
  Object.keys(files).filter((p) => isJson(p) && p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/')).sort();

/** Resolves `ref` written in `from` (a path relative to the dispositif folder) to a normalized path. */
export function resolveRelative(from: string, ref: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of ref.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The parsed file at a path relative to the dispositif folder (`../common/…` reads schemas/common). */
function lookup(files: JsonFiles, common: JsonFiles, path: string): unknown {
  if (path.startsWith(COMMON_PREFIX)) return common[path.slice(COMMON_PREFIX.length)];
  return path.startsWith('../') ? undefined : files[path];
}

function inlineRefs(node: unknown, file: string, pointer: string, ctx: { files: JsonFiles; common: JsonFiles; problems: CheckProblem[]; origins: WeakMap<object, FileOrigin> }, depth = 0): unknown {
  if (depth > 40) {
    ctx.problems.push({ file, pointer, message: 'références $ref trop imbriquées (une référence circulaire ?)' });
    return node;
  }
  if (Array.isArray(node)) return node.map((n, i) => inlineRefs(n, file, at(pointer, i), ctx, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && Object.keys(node).length === 1 && ref.endsWith('.json')) {
    const target = resolveRelative(file, ref);
    const content = lookup(ctx.files, ctx.common, target);
    if (content === undefined) {
      const where = target.startsWith(COMMON_PREFIX) ? ' (dossier commun schemas/common)' : '';
      ctx.problems.push({ file, pointer: at(pointer, '$ref'), message: `le fichier ${target} désigné par $ref n'existe pas${where}` });
      return node;
    }
    const inlined = inlineRefs(content, target, '', ctx, depth + 1);
    if (typeof inlined === 'object' && inlined !== null) ctx.origins.set(inlined, { file: target, pointer: '' });
    return inlined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = inlineRefs(v, file, at(pointer, k), ctx, depth + 1);
  return out;
}

/** Builds the source of a definition from its files and those of schemas/common. */
export function readDefinitionFiles(files: JsonFiles, common: JsonFiles): ReadDefinition {
  const problems: CheckProblem[] = [];
  const origins = new WeakMap<object, FileOrigin>();
  for (const f of DEFINITION_FILES) {
    if (files[f] === undefined) problems.push({ file: f, pointer: '', message: 'fichier manquant : chaque dispositif a dispositif.json, dossier.schema.json, layout.json et rules.json' });
  }
  if (problems.length) return { problems, origins };
  const commonSchemas: Record<string, JsonSchema> = {};
  for (const f of topLevel(common)) commonSchemas[f] = common[f] as JsonSchema;
  const lists = [...inFolder(common, 'lists').map((f) => common[f]), ...inFolder(files, 'lists').map((f) => files[f])] as CodeList[];
  const extras: Record<string, unknown> = {};
  const ctx = { files, common, problems, origins };
  for (const f of topLevel(files)) {
    if ((DEFINITION_FILES as readonly string[]).includes(f)) continue;
    extras[f.slice(0, -'.json'.length)] = inlineRefs(files[f], f, '', ctx);
  }
  const source: DefinitionSource = {
    identity: files['dispositif.json'] as DispositifIdentity,
    schema: files['dossier.schema.json'] as JsonSchema,
    layout: files['layout.json'] as Layout,
    rules: files['rules.json'] as RulesFile,
    lists,
    common: commonSchemas,
    extras,
    migrations: inFolder(files, 'migrations').map((f) => files[f]) as MigrationFile[],
  };
  return { source, problems, origins };
}
