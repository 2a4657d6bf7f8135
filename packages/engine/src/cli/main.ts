/**
 * akto-forms: validate dossiers, check definitions, list dispositifs.
 * Exit codes: 0 valid (warnings allowed), 1 errors found, 2 unusable input.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// The commands' heavy modules (ajv's compiler, json-schema-to-typescript, prettier) are imported by the
// command that needs them: a validate or cerfa run does not load them.
import type { Phase, Role } from '../models/definition.js';
import { createEngine, hasDispositif, listDispositifs, UnknownDispositifError } from '../registry/registry.js';
import { DefinitionArtifactError } from '../registry/artifact.js';
import { registerArtifactFile } from '../node/load-artifact.js';
import { DossierEngine } from '../validation/dossier-engine.js';
import { parseIsoDate } from '../expressions/dates.js';
import { batchSummary, readBatch } from './batch.js';
import { defaultSchemasDir, findCommonDir, DefinitionLoadError, listDefinitionDirs, loadDefinitionSource } from '../node/load-definition.js';

const USAGE = `Usage :
  akto-forms validate FICHIER [--dispositif ID] [--role adherent|prestataire|gestionnaire (défaut : adherent)]
                      [--phase saisie|page|transmission] [--tab ONGLET] [--date AAAA-MM-JJ]
                      [--definition DÉFINITION]
  akto-forms validate --batch DOSSIER|FICHIER.ndjson [mêmes options]   (une ligne JSON par dossier)
  akto-forms cerfa FICHIER [--dispositif ID] [--template PDF] [--flatten] [--brouillon] [--definition DÉFINITION] -o SORTIE.pdf
  akto-forms cerfa --batch DOSSIER|FICHIER.ndjson [mêmes options] -o DOSSIER_DE_SORTIE
  akto-forms build DOSSIER -o SORTIE      (un dossier de dispositif, ou un dossier de dispositifs comme schemas/)
  akto-forms check [schemas/ID ...] [--common DOSSIER (défaut : ../common à côté, sinon schemas/common)]
  akto-forms new ID [-o DOSSIER (défaut : schemas/ID)]
  akto-forms list [--table]
DÉFINITION : une définition construite (fichier .js ou dossier avec manifest.json), ou un dossier de
dispositif compilé à la volée (mode concepteur).`;

class UsageError extends Error {}

const ROLES: Role[] = ['adherent', 'prestataire', 'gestionnaire'];
const PHASES: Phase[] = ['saisie', 'page', 'transmission'];
const MAX_BYTES = 20 * 1024 * 1024;

async function readDossier(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`Fichier introuvable ou illisible : ${file}`);
  }
  if (text.length > MAX_BYTES) throw new UsageError(`Fichier trop volumineux (plus de 20 Mo) : ${file}`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof RangeError ? 'imbrication trop profonde' : (e as Error).message;
    throw new UsageError(`JSON mal formé dans ${file} : ${reason}`);
  }
}

const definitionEngines = new Map<string, Promise<DossierEngine>>();

/** The engine for --definition: a built artifact (file or folder with manifest.json), or a folder compiled now (once). */
function definitionEngine(path: string): Promise<DossierEngine> {
  const full = resolve(path);
  let engine = definitionEngines.get(full);
  if (!engine) {
    engine = existsSync(join(full, 'dispositif.json'))
      ? Promise.all([loadDefinitionSource(full), import('../designer/index.js')]).then(([source, { compileDispositif }]) => new DossierEngine(compileDispositif(source)))
      : registerArtifactFile(full).then(({ id }) => createEngine(id));
    definitionEngines.set(full, engine);
  }
  return engine;
}

/** The engine for a dossier: --definition, else --dispositif or the dossier's own "dispositif" field. */
async function engineFor(values: { definition?: string; dispositif?: string }, data: unknown): Promise<DossierEngine> {
  if (values.definition) return definitionEngine(values.definition);
  const named = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { dispositif?: unknown }).dispositif : undefined;
  const id = values.dispositif ?? (typeof named === 'string' ? named : undefined);
  if (!id) throw new UsageError('Dispositif inconnu : indiquez --dispositif ID ou un champ "dispositif" dans le dossier.');
  if (!hasDispositif(id)) throw new UnknownDispositifError(id);
  return createEngine(id);
}

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dispositif: { type: 'string' },
      role: { type: 'string' },
      phase: { type: 'string' },
      tab: { type: 'string' },
      definition: { type: 'string' },
      date: { type: 'string' },
      batch: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(values.batch ? BATCH_INPUT : 'Indiquez un fichier de dossier, et un seul.');
  const role = values.role as Role | undefined;
  if (role && !ROLES.includes(role)) throw new UsageError(`Rôle inconnu : « ${role} » (${ROLES.join(', ')}).`);
  const phase = (values.phase ?? 'transmission') as Phase;
  if (!PHASES.includes(phase)) throw new UsageError(`Phase inconnue : « ${phase} » (${PHASES.join(', ')}).`);
  if (values.date && !parseIsoDate(values.date)) throw new UsageError(`Date de référence invalide : « ${values.date} » (AAAA-MM-JJ).`);
  const strip = ({ rule, path, tab, message }: { rule: string; path: string; tab: string | null; message: string }) => ({ rule, path, tab, message });
  const check = async (data: unknown) => {
    const engine = await engineFor(values, data);
    if (values.tab && !engine.definition.layout.tabs.some((t) => t.id === values.tab)) {
      throw new UsageError(`Onglet inconnu : « ${values.tab} » (${engine.definition.layout.tabs.map((t) => t.id).join(', ')}).`);
    }
    const result = engine.validate(data, { role, phase, tab: values.tab, today: values.date });
    return { valid: result.valid, errors: result.errors.map(strip), warnings: result.warnings.map(strip) };
  };
  if (!values.batch) {
    const output = await check(await readDossier(file));
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
    return output.valid ? 0 : 1;
  }
  const counts = { ok: 0, invalid: 0, unreadable: 0 };
  const started = performance.now();
  for await (const item of batchItems(file)) {
    let line: Record<string, unknown>;
    try {
      if (item.error !== undefined) throw new UsageError(item.error);
      const output = await check(item.data);
      counts[output.valid ? 'ok' : 'invalid']++;
      line = { dossier: item.name, ...output };
    } catch (e) {
      if (!(e instanceof UsageError || e instanceof UnknownDispositifError)) throw e;
      line = { dossier: item.name, error: e.message };
      counts.unreadable++;
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  process.stderr.write(batchSummary('valides', counts, started));
  return counts.invalid || counts.unreadable ? 1 : 0;
}

const BATCH_INPUT = 'Indiquez un dossier de fichiers .json ou un fichier NDJSON (un dossier par ligne), et un seul.';

/** The dossiers of a --batch path; an unusable path is a usage error. */
async function* batchItems(path: string) {
  try {
    yield* readBatch(path);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('Dossier ou fichier introuvable')) throw new UsageError(e.message);
    throw e;
  }
}

async function cerfa(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dispositif: { type: 'string' },
      template: { type: 'string' },
      flatten: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      brouillon: { type: 'boolean' },
      definition: { type: 'string' },
      batch: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(values.batch ? BATCH_INPUT : 'Indiquez un fichier de dossier, et un seul.');
  if (!values.output) throw new UsageError(values.batch ? 'Indiquez le dossier où écrire les PDF : -o DOSSIER' : 'Indiquez le fichier PDF à écrire : -o SORTIE.pdf');
  let template: Uint8Array | undefined;
  if (values.template) {
    try {
      template = await readFile(values.template);
    } catch {
      throw new UsageError(`Modèle introuvable ou illisible : ${values.template}`);
    }
  }
  const { generateCerfa, CerfaError } = await import('../cerfa/generate.js');
  const { dejaVuSans } = await import('../node/fonts.js');
  const font = await dejaVuSans();
  const fill = async (data: unknown, output: string) => {
    const engine = await engineFor(values, data);
    try {
      const result = await generateCerfa(engine.definition, data, { template, flatten: values.flatten ?? false, draft: values.brouillon ?? false, font });
      await writeFile(output, result.bytes);
      for (const w of result.warnings) process.stderr.write(`akto-forms : attention : ${w}\n`);
      return `${output} : ${result.values.length} champs, ${result.bytes.length} octets.`;
    } catch (e) {
      if (e instanceof CerfaError) throw new UsageError(e.message);
      throw e;
    }
  };
  if (!values.batch) {
    process.stdout.write(`${await fill(await readDossier(file), values.output)}\n`);
    return 0;
  }
  await mkdir(values.output, { recursive: true });
  const counts = { ok: 0, invalid: 0, unreadable: 0 };
  const started = performance.now();
  for await (const item of batchItems(file)) {
    try {
      if (item.error !== undefined) throw new UsageError(item.error);
      process.stdout.write(`${await fill(item.data, join(values.output, `${item.name.replace(/\.json$/, '').replace(/[^\w.-]+/g, '-')}.pdf`))}\n`);
      counts.ok++;
    } catch (e) {
      if (!(e instanceof UsageError || e instanceof UnknownDispositifError)) throw e;
      process.stdout.write(`${item.name} : ${e.message}\n`);
      counts.unreadable++;
    }
  }
  process.stderr.write(batchSummary('remplis', counts, started));
  return counts.unreadable ? 1 : 0;
}

/** akto-forms build DIR -o OUT: checks, then writes the artifact (or one per dispositif and a catalogue). */
async function build(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError('Indiquez un dossier de dispositif (ou de dispositifs), et un seul.');
  if (!values.output) throw new UsageError('Indiquez le dossier où écrire la définition construite : -o SORTIE');
  const full = resolve(dir);
  const single = existsSync(join(full, 'dispositif.json'));
  if (!single && !(existsSync(full) && (await listDefinitionDirs(full)).length)) throw new UsageError(`${dir} : aucun dispositif (dispositif.json) dans ce dossier.`);
  const [{ checkAll }, { formatProblem }, { buildArtifact, buildCatalogue }] = await Promise.all([import('../build/check-definition.js'), import('../check/index.js'), import('../build/artifact.js')]);
  const problems = single ? await checkAll(join(findCommonDir(full), '..'), [full]) : await checkAll(full);
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (problems.length) {
    process.stderr.write(`${problems.length} problème(s) : corrigez-les (akto-forms check) avant de construire.\n`);
    return 1;
  }
  const built = single ? [await buildArtifact(full, resolve(values.output))] : await buildCatalogue(full, resolve(values.output));
  for (const { manifest } of built) process.stdout.write(`${manifest.id} ${manifest.version} (${manifest.hash}, moteur ${manifest.engine}) → ${values.output}\n`);
  return 0;
}

async function list(args: string[]): Promise<number> {
  if (args.includes('--table')) {
    const { schemasTable } = await import('../build/schemas-table.js');
    const { assembleDefinition } = await import('../definition/assemble.js');
    const schemasDir = defaultSchemasDir();
    const dirs = await listDefinitionDirs(schemasDir);
    const defs = await Promise.all(dirs.map(async (d) => assembleDefinition(await loadDefinitionSource(d, join(schemasDir, 'common')))));
    process.stdout.write(schemasTable(defs) + '\n');
    return 0;
  }
  for (const d of listDispositifs()) {
    process.stdout.write(`${d.id}\t${d.code}\t${d.label}\n`);
    for (const s of d.sousDispositifs) process.stdout.write(`  ${s.code}\t${s.label}${s.disabled ? ' (non disponible)' : ''}\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // The built-in artifacts are what `build` produces: every other command registers them first.
    if (command !== 'build') await import('../registry/builtins.js');
    switch (command) {
      case 'validate':
        return await validate(rest);
      case 'check':
        return await (await import('../build/check-definition.js')).checkCommand(rest);
      case 'new':
        return await (await import('../build/scaffold.js')).newCommand(rest);
      case 'cerfa':
        return await cerfa(rest);
      case 'build':
        return await build(rest);
      case 'list':
        return await list(rest);
      default:
        throw new UsageError(command ? `Commande inconnue : « ${command} ».` : 'Commande manquante.');
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnknownDispositifError || e instanceof DefinitionLoadError || e instanceof DefinitionArtifactError) {
      process.stderr.write(`akto-forms : ${e.message}\n${e instanceof UsageError ? USAGE + '\n' : ''}`);
      return 2;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`akto-forms : ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`akto-forms : erreur interne : ${(e as Error).message}\n`);
    return 2;
  }
}
