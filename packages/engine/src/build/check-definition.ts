/**
 * `akto-forms check`: lints dispositif folders for form designers, with precise French
 * messages. Node only (reads files; compiles with ajv at build time).
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { ErrorObject } from 'ajv';
import { assembleDefinition, DOCUMENT_FILES, usedListIds, type DefinitionSource } from '../definition/assemble.js';
import { createAjv } from '../definition/create-ajv.js';
import { compileDispositif } from '../designer/index.js';
import { collectReads, compileExpr } from '../expressions/evaluate.js';
import { schemaAt } from '../layout/layout-index.js';
import { toPattern } from '../pointer/json-pointer.js';
import type { DispositifDefinition, JsonSchema } from '../models/definition.js';
import type { Expr } from '../models/expression.js';
import { DossierEngine } from '../validation/dossier-engine.js';
import type { CerfaMap } from '../cerfa/mapping.js';
import { lifecycleGuards, wizardGuards, type MachineFile, type StateNodeJson, type TransitionJson } from '../workflow/machines.js';
import { DefinitionLoadError, listDefinitionDirs, loadCodeLists, loadDefinitionSource } from '../node/load-definition.js';

export interface CheckProblem {
  file: string;
  message: string;
}

const META = ['expression', 'dispositif', 'layout', 'rules', 'code-list', 'documents', 'cerfa-map'] as const;

async function metaValidators(schemasDir: string) {
  const ajv = createAjv({ allowUnionTypes: true });
  for (const name of META) ajv.addSchema(JSON.parse(await readFile(join(schemasDir, 'meta', `${name}.schema.json`), 'utf8')) as object);
  const get = (name: string) => ajv.getSchema(`https://akto-forms.local/schemas/meta/${name}.schema.json`);
  return { dispositif: get('dispositif'), layout: get('layout'), rules: get('rules'), list: get('code-list'), documents: get('documents'), cerfa: get('cerfa-map') };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if')
    .slice(0, 10)
    .map((e) => `${e.instancePath || '(racine)'} : ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (« ${String(e.params.additionalProperty)} »)` : ''}`);
}

/** Checks one dispositif folder; returns its problems (empty when it is sound). */
export async function checkDefinitionDir(dir: string, schemasDir = join(dir, '..')): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const rel = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  const add = (file: string, message: string) => problems.push({ file: rel(file), message });

  let source: DefinitionSource;
  try {
    source = await loadDefinitionSource(dir, join(schemasDir, 'common'));
  } catch (e) {
    if (e instanceof DefinitionLoadError) return [{ file: relative(process.cwd(), dir), message: e.message }];
    throw e;
  }

  const meta = await metaValidators(schemasDir);
  const metaChecks: [string, unknown, typeof meta.dispositif][] = [
    ['dispositif.json', source.identity, meta.dispositif],
    ['layout.json', source.layout, meta.layout],
    ['rules.json', source.rules, meta.rules],
  ];
  if (source.extras.documents !== undefined) metaChecks.push(['documents.json', source.extras.documents, meta.documents]);
  if (source.extras['cerfa.map'] === undefined) add('cerfa.map.json', 'fichier manquant : la correspondance du CERFA ou du document est attendue');
  else metaChecks.push(['cerfa.map.json', source.extras['cerfa.map'], meta.cerfa]);
  for (const list of await loadCodeLists(join(dir, 'lists'))) metaChecks.push([`lists/${list.id}.json`, list, meta.list]);
  for (const [file, data, validate] of metaChecks) {
    if (validate && !validate(data)) for (const m of describe(validate.errors)) add(file, `structure invalide : ${m}`);
  }
  if (problems.length) return problems;

  if (source.identity.id !== basename(dir)) add('dispositif.json', `l'identifiant « ${source.identity.id} » doit être le nom du dossier (« ${basename(dir)} »)`);

  const definition = assembleDefinition(source);
  try {
    createAjv().compile(definition.schema);
  } catch (e) {
    add('dossier.schema.json', `schéma refusé par ajv : ${(e as Error).message}`);
    return problems;
  }
  checkSchemaLists(definition, add);
  checkLayout(definition, add);
  checkRules(definition, add);
  checkDocuments(definition, add);
  checkMachines(definition, add);
  checkCerfaMap(definition, add);
  await checkOwnLists(dir, definition, source, add);
  if (!problems.length) checkSamples(source, add);
  return problems;
}

type Add = (file: string, message: string) => void;

function pointerExists(schema: JsonSchema, pointer: string): boolean {
  return schemaAt(schema, pointer) !== undefined;
}

function checkSchemaLists(definition: DispositifDefinition, add: Add) {
  for (const id of usedListIds(definition.schema, { rules: definition.rules })) {
    if (!definition.lists[id]) add('dossier.schema.json', `liste de codes inconnue : « ${id} »`);
  }
}

function checkExpr(expr: Expr | undefined, where: string, schema: JsonSchema, add: Add, file: string): string[] {
  if (expr === undefined) return [];
  try {
    compileExpr(expr);
    const reads = collectReads(expr);
    const all = [...reads.required, ...reads.optional];
    for (const p of all) if (!pointerExists(schema, p)) add(file, `${where} : le champ ${p} n'existe pas dans le schéma`);
    return all;
  } catch (e) {
    add(file, `${where} : ${(e as Error).message}`);
    return [];
  }
}

function checkLayout(definition: DispositifDefinition, add: Add) {
  const { schema, layout, identity } = definition;
  const tabIds = new Set<string>();
  const seen = new Set<string>();
  for (const tab of layout.tabs) {
    if (tabIds.has(tab.id)) add('layout.json', `onglet « ${tab.id} » en double`);
    tabIds.add(tab.id);
    checkExpr(tab.visibleWhen, `onglet ${tab.id}, visibleWhen`, schema, add, 'layout.json');
    const sectionIds = new Set<string>();
    for (const section of tab.sections) {
      const where = `onglet ${tab.id}, section ${section.id}`;
      if (sectionIds.has(section.id)) add('layout.json', `${where} : section en double`);
      sectionIds.add(section.id);
      if (section.repeat && schemaAt(schema, section.repeat)?.type !== 'array') add('layout.json', `${where} : repeat ${section.repeat} n'est pas une liste du schéma`);
      checkExpr(section.visibleWhen, `${where}, visibleWhen`, schema, add, 'layout.json');
      for (const f of section.fields) {
        const at = `${where}, champ ${f.field}`;
        if (seen.has(f.field)) add('layout.json', `${at} : champ déjà placé ailleurs`);
        seen.add(f.field);
        if (!pointerExists(schema, f.field)) add('layout.json', `${at} : le champ n'existe pas dans le schéma`);
        const inRepeat = section.repeat !== undefined && f.field.startsWith(`${section.repeat}/*/`);
        if (section.repeat && !inRepeat) add('layout.json', `${at} : un champ de section répétée doit commencer par ${section.repeat}/*/`);
        if (!section.repeat && f.field.includes('*')) add('layout.json', `${at} : « * » n'est permis que dans une section répétée`);
        checkExpr(f.visibleWhen, `${at}, visibleWhen`, schema, add, 'layout.json');
        if (typeof f.required === 'object') checkExpr(f.required, `${at}, required`, schema, add, 'layout.json');
        if (f.source && !identity.references?.[f.source]) add('layout.json', `${at} : référence « ${f.source} » absente de dispositif.json`);
      }
    }
  }
  for (const [kind, mapping] of Object.entries(identity.references ?? {})) {
    for (const p of Object.keys(mapping)) if (!pointerExists(schema, p)) add('dispositif.json', `références ${kind} : le champ ${p} n'existe pas dans le schéma`);
  }
}

function checkRules(definition: DispositifDefinition, add: Add) {
  const { schema, identity, layout } = definition;
  const tabIds = new Set(layout.tabs.map((t) => t.id));
  const ids = new Set<string>();
  const placed = new Set(layout.tabs.flatMap((t) => t.sections.flatMap((s) => [...s.fields.map((f) => f.field), ...(s.repeat ? [s.repeat] : [])])));
  const all = [...definition.rules, ...definition.asyncChecks];
  for (const rule of all) {
    const where = `règle ${rule.id}`;
    if (ids.has(rule.id)) add('rules.json', `${where} : identifiant en double`);
    ids.add(rule.id);
    const [prefix, tab] = rule.id.split('.');
    if (prefix !== identity.id) add('rules.json', `${where} : l'identifiant doit commencer par « ${identity.id}. »`);
    if (!tab || !tabIds.has(tab)) add('rules.json', `${where} : le deuxième segment doit être un onglet (${[...tabIds].join(', ')})`);
    for (const p of rule.at) {
      if (!pointerExists(schema, p)) add('rules.json', `${where} : at ${p} n'existe pas dans le schéma`);
      else if (!placed.has(toPattern(p))) add('rules.json', `${where} : at ${p} n'est placé dans aucun onglet (le message ne s'afficherait nulle part)`);
    }
  }
  for (const rule of definition.rules) {
    const where = `règle ${rule.id}`;
    if (rule.forEach && schemaAt(schema, rule.forEach)?.type !== 'array') add('rules.json', `${where} : forEach ${rule.forEach} n'est pas une liste du schéma`);
    const reads = checkExpr(rule.assert, `${where}, assert`, schema, add, 'rules.json');
    checkExpr(rule.when, `${where}, when`, schema, add, 'rules.json');
    if (!reads.length) add('rules.json', `${where} : assert ne lit aucun champ`);
  }
  for (const check of definition.asyncChecks) {
    for (const p of Object.values(check.input)) if (!pointerExists(schema, p)) add('rules.json', `contrôle ${check.id} : input ${p} n'existe pas dans le schéma`);
    if (check.flag && !pointerExists(schema, check.flag)) add('rules.json', `contrôle ${check.id} : flag ${check.flag} n'existe pas dans le schéma`);
  }
  for (const c of definition.computed) {
    if (!pointerExists(schema, c.field)) add('rules.json', `valeur calculée ${c.field} : le champ n'existe pas dans le schéma`);
    checkExpr(c.expr, `valeur calculée ${c.field}`, schema, add, 'rules.json');
  }
}

function checkDocuments(definition: DispositifDefinition, add: Add) {
  const docs = definition.documents;
  if (!docs) return;
  const placed = definition.layout.tabs.some((t) => t.sections.some((s) => s.fields.some((f) => f.field === DOCUMENT_FILES)));
  if (!placed) add('layout.json', `documents.json existe mais aucun onglet ne place le champ ${DOCUMENT_FILES} (widget « documents »)`);
  const codes = new Set<string>();
  for (const t of [...docs.types, ...(docs.afterTransmission ?? [])]) {
    if (codes.has(t.code)) add('documents.json', `type de document « ${t.code} » en double`);
    codes.add(t.code);
  }
}

/** cerfa.map.json: every pointer exists in the schema, names are unique, every mandatory field is mapped. */
function checkCerfaMap(definition: DispositifDefinition, add: Add) {
  const map = definition.extras['cerfa.map'] as CerfaMap | undefined;
  if (!map) return;
  const names = new Set<string>();
  for (const f of map.fields) {
    const all = f.format === 'oui-non' ? [f.names?.oui ?? `${f.name} OUI`, f.names?.non ?? `${f.name} NON`] : [f.name];
    for (const n of all) {
      if (names.has(n)) add('cerfa.map.json', `champ « ${n} » en double`);
      names.add(n);
    }
    for (const p of [...(f.pointer ? [f.pointer] : []), ...(f.pointers ?? [])]) {
      if (!pointerExists(definition.schema, p)) add('cerfa.map.json', `champ « ${f.name} » : ${p} n'existe pas dans le schéma`);
    }
    if (!f.pointer && !f.pointers?.length) add('cerfa.map.json', `champ « ${f.name} » : ni pointer ni pointers`);
    if (f.section && !map.document.sections.includes(f.section)) add('cerfa.map.json', `champ « ${f.name} » : section « ${f.section} » absente de document.sections`);
  }
  for (const m of map.mandatory ?? []) if (!names.has(m)) add('cerfa.map.json', `champ obligatoire du CERFA non rempli : « ${m} »`);
}

const WIZARD_ACTIONS = ['markDirty', 'markSaved', 'markLeaving', 'markSaveFailed', 'markCerfaFailed', 'markTransmitFailed', 'markSent', 'markInvalidTabs', 'saveNow', 'assignValidation'];
const LIFECYCLE_ACTIONS = ['notify', 'assignNumber', 'touch', 'noteDocument'];
const WIZARD_ACTORS = ['saveDraft', 'generateCerfa', 'transmitDossier'];

/** machine.json: both machines present, every guard/action/actor name implemented, tabs matching the layout. */
function checkMachines(definition: DispositifDefinition, add: Add) {
  const file = definition.extras.machine as MachineFile | undefined;
  if (!file) return add('machine.json', 'fichier manquant : les machines « wizard » et « lifecycle » sont attendues');
  const kinds: [keyof MachineFile, Set<string>, Set<string>, Set<string>][] = [
    ['wizard', new Set(Object.keys(wizardGuards)), new Set(WIZARD_ACTIONS), new Set(WIZARD_ACTORS)],
    ['lifecycle', new Set(Object.keys(lifecycleGuards)), new Set(LIFECYCLE_ACTIONS), new Set()],
  ];
  for (const [name, guards, actions, actors] of kinds) {
    const root = file[name];
    if (!root || typeof root !== 'object') {
      add('machine.json', `machine « ${name} » manquante`);
      continue;
    }
    const visit = (node: StateNodeJson, path: string) => {
      const transitions = [...Object.values(node.on ?? {}), ...(node.always ? [node.always] : [])].flatMap((t) => (Array.isArray(t) ? t : [t]));
      const invoke = node.invoke as { src?: string; onDone?: unknown; onError?: unknown } | undefined;
      if (invoke) {
        if (!invoke.src || !actors.has(invoke.src)) add('machine.json', `${name} ${path} : service « ${invoke.src} » inconnu (${[...actors].join(', ')})`);
        for (const t of [invoke.onDone, invoke.onError].flat()) if (t) transitions.push(t as TransitionJson);
      }
      for (const t of transitions) {
        if (typeof t === 'string') continue;
        const g = t.guard === undefined ? undefined : typeof t.guard === 'string' ? t.guard : t.guard.type;
        if (g !== undefined && !guards.has(g)) add('machine.json', `${name} ${path} : garde « ${g} » inconnue (${[...guards].join(', ')})`);
        for (const a of [t.actions ?? []].flat() as (string | { type?: string })[]) {
          const type = typeof a === 'string' ? a : a.type;
          if (!type || !actions.has(type)) add('machine.json', `${name} ${path} : action « ${type} » inconnue`);
        }
      }
      for (const e of [node.entry ?? []].flat() as (string | { type?: string })[]) {
        const type = typeof e === 'string' ? e : e.type;
        if (!type || !actions.has(type)) add('machine.json', `${name} ${path} : action d'entrée « ${type} » inconnue`);
      }
      for (const [k, child] of Object.entries(node.states ?? {})) visit(child, `${path}.${k}`);
    };
    visit(root, name);
  }
  const tabIds = definition.layout.tabs.map((t) => t.id);
  const tabRegion = Object.values(file.wizard?.states ?? {}).find((r) => Object.keys(r.states ?? {}).some((s) => tabIds.includes(s)));
  if (!tabRegion) add('machine.json', 'wizard : aucune région dont les états sont les onglets du layout');
  else {
    const states = Object.keys(tabRegion.states ?? {});
    for (const t of tabIds) if (!states.includes(t)) add('machine.json', `wizard : l'onglet « ${t} » du layout n'est pas un état de la navigation`);
    for (const s of states) if (!tabIds.includes(s)) add('machine.json', `wizard : l'état « ${s} » n'est pas un onglet du layout`);
  }
  for (const [id, node] of Object.entries(file.lifecycle?.states ?? {})) {
    if (!node.always && !node.meta?.label) add('machine.json', `lifecycle : l'état « ${id} » n'a pas de libellé (meta.label) pour les listes`);
  }
}

async function checkOwnLists(dir: string, definition: DispositifDefinition, source: DefinitionSource, add: Add) {
  const own = await loadCodeLists(join(dir, 'lists'));
  for (const list of own) if (!definition.lists[list.id]) add(`lists/${list.id}.json`, `liste « ${list.id} » utilisée nulle part`);
  const ids = new Set<string>();
  for (const list of source.lists) {
    if (ids.has(list.id) && own.includes(list)) add(`lists/${list.id}.json`, `liste « ${list.id} » définie deux fois`);
    ids.add(list.id);
    const codes = new Set<string>();
    for (const e of list.entries) {
      if (codes.has(e.code)) add(`lists/${list.id}.json`, `code « ${e.code} » en double`);
      codes.add(e.code);
    }
  }
}

/** Every rule must fire on each of its failing samples and stay silent on each passing one. */
function checkSamples(source: DefinitionSource, add: Add) {
  const engine = new DossierEngine(compileDispositif(source));
  for (const rule of engine.definition.rules) {
    for (const kind of ['fail', 'pass'] as const) {
      rule.samples[kind].forEach((sample, i) => {
        const { $today, ...data } = sample;
        const fired = engine.runRule(rule.id, data, { today: typeof $today === 'string' ? $today : undefined }).length > 0;
        if (kind === 'fail' && !fired) add('rules.json', `règle ${rule.id} : l'exemple en échec n°${i + 1} ne déclenche pas la règle`);
        if (kind === 'pass' && fired) add('rules.json', `règle ${rule.id} : l'exemple valide n°${i + 1} déclenche la règle`);
      });
    }
  }
}

/** Checks every dispositif of schemas/ and the common lists they share. */
export async function checkAll(schemasDir: string, only?: string[]): Promise<CheckProblem[]> {
  const dirs = only?.length ? only : await listDefinitionDirs(schemasDir);
  const problems: CheckProblem[] = [];
  for (const dir of dirs) problems.push(...(await checkDefinitionDir(dir, schemasDir)));
  if (!only?.length) {
    const meta = await metaValidators(schemasDir);
    const used = new Set<string>();
    for (const dir of dirs) {
      try {
        const source = await loadDefinitionSource(dir, join(schemasDir, 'common'));
        const def = assembleDefinition(source);
        for (const id of Object.keys(def.lists)) used.add(id);
      } catch {
        /* reported above */
      }
    }
    for (const list of await loadCodeLists(join(schemasDir, 'common', 'lists'))) {
      const file = relative(process.cwd(), join(schemasDir, 'common', 'lists', `${list.id}.json`));
      if (meta.list && !meta.list(list)) for (const m of describe(meta.list.errors)) problems.push({ file, message: `structure invalide : ${m}` });
      if (!used.has(list.id)) problems.push({ file, message: `liste « ${list.id} » utilisée par aucun dispositif` });
    }
  }
  return problems;
}
