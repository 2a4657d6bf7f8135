/** Reads a dispositif folder (schemas/<id>/) and schemas/common/ from disk. Node only. */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DefinitionSource } from '../definition/assemble.js';
import type { CodeList, DispositifIdentity, JsonSchema, Layout, MigrationFile, RulesFile } from '../models/definition.js';

/** Files a dispositif folder must hold; anything else *.json lands in `extras`. */
export const DEFINITION_FILES = ['dispositif.json', 'dossier.schema.json', 'layout.json', 'rules.json'] as const;

export class DefinitionLoadError extends Error {}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new DefinitionLoadError(`${file} : fichier introuvable`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DefinitionLoadError(`${file} : JSON mal formé (${(e as Error).message})`);
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
}

/** The repository's schemas/ folder: $AKTO_SCHEMAS, ./schemas, or the one beside this package. */
export function defaultSchemasDir(): string {
  if (process.env.AKTO_SCHEMAS) return resolve(process.env.AKTO_SCHEMAS);
  const cwd = resolve('schemas');
  if (existsSync(join(cwd, 'common'))) return cwd;
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../schemas');
}

/** Folders of schemas/ that hold a dispositif (a dispositif.json). */
export async function listDefinitionDirs(schemasDir: string): Promise<string[]> {
  const entries = await readdir(schemasDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(schemasDir, e.name, 'dispositif.json')))
    .map((e) => join(schemasDir, e.name))
    .sort();
}

export async function loadCodeLists(dir: string): Promise<CodeList[]> {
  const lists: CodeList[] = [];
  for (const f of await jsonFiles(dir)) lists.push((await readJson(join(dir, f))) as CodeList);
  return lists;
}

/**
 * Inlines `{ "$ref": "relative/file.json" }` objects (machine regions shared under schemas/common/machines).
 * `../common/…` always means the common folder in use, so a dispositif folder kept outside schemas/ works too.
 */
async function inlineFileRefs(node: unknown, dir: string, commonDir: string, depth = 0): Promise<unknown> {
  if (depth > 20) throw new DefinitionLoadError(`${dir} : références $ref trop imbriquées`);
  if (Array.isArray(node)) return Promise.all(node.map((n) => inlineFileRefs(n, dir, commonDir, depth + 1)));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && Object.keys(node).length === 1 && ref.endsWith('.json')) {
    const file = ref.startsWith('../common/') ? join(commonDir, ref.slice('../common/'.length)) : resolve(dir, ref);
    return inlineFileRefs(await readJson(file), dirname(file), commonDir, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = await inlineFileRefs(v, dir, commonDir, depth + 1);
  return out;
}

/** The common folder for a dispositif folder: the sibling `common/` when there is one, else the repository's. */
export function commonDirFor(dir: string): string {
  const sibling = join(dir, '..', 'common');
  return existsSync(sibling) ? sibling : join(defaultSchemasDir(), 'common');
}

export async function loadDefinitionSource(dir: string, commonDir = commonDirFor(dir)): Promise<DefinitionSource> {
  const [identity, schema, layout, rules] = await Promise.all(DEFINITION_FILES.map((f) => readJson(join(dir, f))));
  const common: Record<string, JsonSchema> = {};
  for (const f of await jsonFiles(commonDir)) common[f] = (await readJson(join(commonDir, f))) as JsonSchema;
  const lists = [...(await loadCodeLists(join(commonDir, 'lists'))), ...(await loadCodeLists(join(dir, 'lists')))];
  const extras: Record<string, unknown> = {};
  for (const f of await jsonFiles(dir)) {
    if ((DEFINITION_FILES as readonly string[]).includes(f)) continue;
    extras[basename(f, '.json')] = await inlineFileRefs(await readJson(join(dir, f)), dir, commonDir);
  }
  const migrations: MigrationFile[] = [];
  for (const f of await jsonFiles(join(dir, 'migrations'))) migrations.push((await readJson(join(dir, 'migrations', f))) as MigrationFile);
  return {
    migrations,
    identity: identity as DispositifIdentity,
    schema: schema as JsonSchema,
    layout: layout as Layout,
    rules: rules as RulesFile,
    lists,
    common,
    extras,
  };
}
