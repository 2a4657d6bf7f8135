/** `akto-forms new <id> [-o DOSSIER]`: writes a minimal, working dispositif folder. Node only. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DISPOSITIF_ID, scaffoldFiles } from '../definition/scaffold-files.js';
import { defaultSchemasDir, findCommonDir } from '../node/load-definition.js';

export class ScaffoldError extends Error {}

/** Writes the scaffold of `id` into `dir`, which must not exist yet; returns the files written. */
export async function writeScaffold(id: string, dir: string): Promise<string[]> {
  if (!DISPOSITIF_ID.test(id)) {
    throw new ScaffoldError(`identifiant invalide : « ${id} » (lettres minuscules, chiffres et tirets, en commençant par une lettre ; ex. « mon-dispositif »)`);
  }
  if (existsSync(dir)) throw new ScaffoldError(`${dir} existe déjà : choisissez un autre dossier (-o) ; rien n'a été écrit`);
  const files = scaffoldFiles(id);
  for (const [file, json] of Object.entries(files)) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  }
  return Object.keys(files);
}

/** The `new` command: exit 0 when written, 2 when refused (message on stderr). */
export async function newCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  const id = positionals[0];
  if (!id || positionals.length > 1) {
    process.stderr.write("akto-forms : indiquez l'identifiant du nouveau dispositif, et un seul : akto-forms new ID [-o DOSSIER]\n");
    return 2;
  }
  const dir = resolve(values.output ?? join(defaultSchemasDir(), id));
  try {
    await writeScaffold(id, dir);
  } catch (e) {
    if (!(e instanceof ScaffoldError)) throw e;
    process.stderr.write(`akto-forms : ${e.message}\n`);
    return 2;
  }
  const show = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.');
  const shown = show(dir);
  const common = show(findCommonDir(dir));
  process.stdout.write(
    `Dispositif « ${id} » créé dans ${shown} (un onglet, deux champs, une règle, les machines, un CERFA vide, deux exemples).\n` +
      `Parties communes (../common/…) : ${common}.\n` +
      `Ensuite : akto-forms check ${shown}\n`,
  );
  return 0;
}
