/**
 * `akto-forms check` on disk: reads dispositif folders, schemas/common and schemas/meta, and runs
 * the pure check (src/check/) on them. Node only. Problems name files relative to the current directory.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCommonLists, checkDefinition, formatProblem, usedListsOf, type CheckProblem } from '../check/index.js';
import { COMMON_PREFIX, type JsonFiles } from '../definition/files.js';
import { defaultSchemasDir, findCommonDir, listDefinitionDirs, readJsonTree } from '../node/load-definition.js';

export { formatProblem, type CheckProblem };

export interface CheckDirOptions {
  /** schemas/common to use (default: `<dir>/../common` when it exists, else the repository's). */
  commonDir?: string;
  /** schemas/meta to use (default: beside commonDir when it exists, else the repository's). */
  metaDir?: string;
}

/** A path from the current directory when it lies below it, else absolute. */
const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
};

async function readTree(dir: string, problems: CheckProblem[], name: (file: string) => string): Promise<JsonFiles> {
  const { files, unreadable } = await readJsonTree(dir);
  for (const [file, reason] of Object.entries(unreadable)) problems.push({ file: name(file), pointer: '', message: `JSON mal formé : ${reason}` });
  return files;
}

function metaDirFor(commonDir: string): string {
  const beside = resolve(commonDir, '..', 'meta');
  return existsSync(beside) ? beside : join(defaultSchemasDir(), 'meta');
}

/** The folder's JSON, common's and meta's, as the pure check takes them. */
async function readInput(dir: string, options: CheckDirOptions) {
  const commonDir = resolve(options.commonDir ?? findCommonDir(dir));
  const metaDir = resolve(options.metaDir ?? metaDirFor(commonDir));
  const problems: CheckProblem[] = [];
  const files = await readTree(dir, problems, (f) => f);
  const common = await readTree(commonDir, problems, (f) => `${COMMON_PREFIX}${f}`);
  const meta = await readTree(metaDir, problems, (f) => shown(join(metaDir, f)));
  return { commonDir, metaDir, files, common, meta, problems };
}

/** Names a problem's file from the current directory (`schemas/cpro/layout.json`, `schemas/common/…`). */
function locate(p: CheckProblem, dir: string, commonDir: string): CheckProblem {
  const file = p.file.startsWith(COMMON_PREFIX) ? join(commonDir, p.file.slice(COMMON_PREFIX.length)) : resolve(dir, p.file);
  return { ...p, file: shown(file) };
}

/**
 * Checks one dispositif folder; returns its problems (empty when it is sound). The second
 * argument may be a schemas/ folder (its common/ and meta/ are used), as before.
 */
export async function checkDefinitionDir(dir: string, options: CheckDirOptions | string = {}): Promise<CheckProblem[]> {
  const opts = typeof options === 'string' ? { commonDir: join(options, 'common'), metaDir: join(options, 'meta') } : options;
  const input = await readInput(resolve(dir), opts);
  if (!existsSync(join(dir, 'dispositif.json')) && !Object.keys(input.files).length) {
    return [{ file: shown(dir), pointer: '', message: "ce dossier n'existe pas ou ne contient aucun fichier JSON de dispositif" }];
  }
  const found = input.problems.length ? input.problems : checkDefinition({ files: input.files, common: input.common, meta: input.meta, folder: basename(resolve(dir)) });
  return found.map((p) => locate(p, resolve(dir), input.commonDir));
}

/** Checks every dispositif of schemas/ (or only the given folders) and, for all of them, the common lists they share. */
export async function checkAll(schemasDir: string, only?: string[]): Promise<CheckProblem[]> {
  const dirs = only?.length ? only : await listDefinitionDirs(schemasDir);
  const options = { commonDir: join(schemasDir, 'common'), metaDir: join(schemasDir, 'meta') };
  const problems: CheckProblem[] = [];
  for (const dir of dirs) problems.push(...(await checkDefinitionDir(dir, only?.length ? {} : options)));
  if (!only?.length) {
    const { files: common } = await readJsonTree(options.commonDir);
    const { files: meta } = await readJsonTree(options.metaDir);
    const used = new Set<string>();
    for (const dir of dirs) for (const id of usedListsOf((await readJsonTree(dir)).files, common)) used.add(id);
    for (const p of checkCommonLists(common, meta, used)) problems.push({ ...p, file: shown(join(options.commonDir, p.file)) });
  }
  return problems;
}

/**
 * The `check` command: `akto-forms check [DOSSIER ...] [--common DOSSIER]`. Without a folder, every
 * dispositif of schemas/ and the common lists. Prints `file#pointer : message`; exit 0 when sound, 1 otherwise.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { common: { type: 'string' } } });
  const dirs = positionals.map((a) => resolve(a));
  let problems: CheckProblem[];
  if (!dirs.length) problems = await checkAll(defaultSchemasDir());
  else {
    problems = [];
    for (const dir of dirs) problems.push(...(await checkDefinitionDir(dir, { commonDir: values.common })));
  }
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (problems.length) {
    process.stderr.write(`${problems.length} problème(s).\n`);
    return 1;
  }
  process.stdout.write(`Définitions conformes${positionals.length ? ` : ${positionals.join(', ')}` : ''}.\n`);
  return 0;
}
