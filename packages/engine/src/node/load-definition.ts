/** Reads a dispositif folder (schemas/<id>/) and schemas/common/ from disk. Node only. */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DefinitionSource } from '../definition/assemble.js';
import { readDefinitionFiles, type JsonFiles } from '../definition/files.js';
import type { CodeList } from '../models/definition.js';

export { DEFINITION_FILES } from '../definition/files.js';

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

/**
 * The schemas/common a dispositif folder uses: `<dir>/../common` when it exists (a folder of
 * schemas/, or a copy beside it), else the repository's (`defaultSchemasDir()`).
 */
export function findCommonDir(dir: string): string {
  const beside = resolve(dir, '..', 'common');
  return existsSync(beside) ? beside : join(defaultSchemasDir(), 'common');
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

/** Files of a folder that could not be read as JSON, by relative path. */
export type UnreadableFiles = Record<string, string>;

/**
 * The *.json files of a folder and of its sub-folders (lists/, examples/, machines/…, two levels),
 * parsed, by `/`-separated relative path. A file that is not JSON lands in `unreadable` with the reason.
 */
export async function readJsonTree(dir: string, depth = 2): Promise<{ files: JsonFiles; unreadable: UnreadableFiles }> {
  const files: JsonFiles = {};
  const unreadable: UnreadableFiles = {};
  const walk = async (sub: string, level: number) => {
    const here = join(dir, sub);
    if (!existsSync(here)) return;
    for (const e of (await readdir(here, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory() && level < depth && !e.name.startsWith('.') && e.name !== 'node_modules') await walk(rel, level + 1);
      else if (e.isFile() && e.name.endsWith('.json')) {
        try {
          files[rel] = JSON.parse(await readFile(join(dir, rel), 'utf8')) as unknown;
        } catch (err) {
          unreadable[rel] = (err as Error).message;
        }
      }
    }
  };
  await walk('', 0);
  return { files, unreadable };
}

/** Reads a dispositif folder and the schemas/common it uses (`$ref`s to `../common/…` resolve there). */
export async function loadDefinitionSource(dir: string, commonDir = findCommonDir(dir)): Promise<DefinitionSource> {
  const [own, common] = await Promise.all([readJsonTree(dir), readJsonTree(commonDir)]);
  const bad = Object.entries(own.unreadable)[0] ?? Object.entries(common.unreadable).map(([f, m]) => [`${commonDir}/${f}`, m] as const)[0];
  if (bad) throw new DefinitionLoadError(`${bad[0].startsWith('/') ? bad[0] : join(dir, bad[0])} : JSON mal formé (${bad[1]})`);
  const read = readDefinitionFiles(own.files, common.files);
  const first = read.problems[0];
  if (first) throw new DefinitionLoadError(`${resolve(dir, first.file)}${first.pointer ? `#${first.pointer}` : ''} : ${first.message}`);
  return read.source as DefinitionSource;
}
