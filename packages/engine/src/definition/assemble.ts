/**
 * Turns the files of a dispositif folder into one self-contained definition: the dossier
 * schema with its common pieces inlined under `$defs` and its code lists expanded into `enum`s.
 * Pure (no file system): the build, the `check` command and the designer mode share it.
 */
import type {
  CodeList,
  DocumentsSpec,
  RuleSpec,
  DispositifDefinition,
  DispositifIdentity,
  JsonSchema,
  Layout,
  MigrationFile,
  RulesFile,
} from '../models/definition.js';
import { DOCUMENT_FILES } from './pointers.js';

/** The files of a dispositif folder, parsed. */
export interface DefinitionSource {
  identity: DispositifIdentity;
  schema: JsonSchema;
  layout: Layout;
  rules: RulesFile;
  /** Code lists of schemas/common/lists and of the dispositif's own lists/ folder. */
  lists: CodeList[];
  /** Shared schemas of schemas/common, by file name (`adresse.schema.json`). */
  common: Record<string, JsonSchema>;
  /** Other JSON files of the folder (machine.json, documents.json, cerfa.map.json...), by base name. */
  extras: Record<string, unknown>;
  /** The files of migrations/. */
  migrations?: MigrationFile[];
}

export const SCHEMA_BASE = 'https://akto-forms.local/schemas/';

const commonName = (file: string) => file.replace(/\.schema\.json$/, '');

/** Rewrites a `$ref` found in `fromCommon` (null for the dossier schema) to a local `#/$defs/...`. */
function rewriteRef(ref: string, fromCommon: string | null, used: Set<string>): string {
  const [file = '', fragment = ''] = ref.split('#');
  if (file === '') return fromCommon ? `#/$defs/${fromCommon}${fragment}` : ref;
  const name = commonName(file.replace(/^(\.\.\/common\/|\.\/)/, ''));
  used.add(name);
  return `#/$defs/${name}${fragment}`;
}

function mapSchema(node: unknown, visit: (obj: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSchema(n, visit));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'examples' || k === 'enum' || k === 'const' || k === 'default' ? v : mapSchema(v, visit);
  return visit(out);
}

/** Inlines the common schemas the dossier schema uses and expands `x-codeList` into `enum`. */
export function bundleSchema(source: Pick<DefinitionSource, 'identity' | 'schema' | 'common' | 'lists'>): JsonSchema {
  const used = new Set<string>();
  const lists = new Map(source.lists.map((l) => [l.id, l]));
  const expand = (from: string | null) => (obj: Record<string, unknown>) => {
    if (typeof obj.$ref === 'string') obj.$ref = rewriteRef(obj.$ref, from, used);
    const listId = obj['x-codeList'];
    if (typeof listId === 'string' && lists.has(listId) && obj.enum === undefined) {
      obj.enum = lists.get(listId)?.entries.map((e) => e.code);
    }
    return obj;
  };
  const root = mapSchema(source.schema, expand(null)) as JsonSchema;
  const defs: Record<string, unknown> = { ...((root.$defs as Record<string, unknown>) ?? {}) };
  const done = new Set<string>();
  while (used.size > done.size) {
    for (const name of [...used]) {
      if (done.has(name)) continue;
      done.add(name);
      const common = source.common[`${name}.schema.json`];
      if (!common) continue; // reported by check
      const { $id: _id, $schema: _s, ...rest } = common;
      defs[name] = mapSchema(rest, expand(name));
    }
  }
  const bundled: JsonSchema = { ...root, $id: `${SCHEMA_BASE}${source.identity.id}/dossier.schema.json` };
  delete bundled.$schema;
  if (Object.keys(defs).length) bundled.$defs = defs;
  return bundled;
}

/** Code-list ids a definition refers to (schema `x-codeList`, rules' `inList`, layout). */
export function usedListIds(schema: JsonSchema, rules: RulesFile): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'x-codeList') && typeof v === 'string') ids.add(v);
        else if (k === 'inList' && Array.isArray(v) && typeof v[1] === 'string') ids.add(v[1]);
        if (k !== 'enum' && k !== 'examples') walk(v);
      }
    }
  };
  walk(schema);
  walk(rules);
  return ids;
}

/** The list every definition gets for free: its sub-dispositifs, from dispositif.json. */
export function sousDispositifsList(identity: DispositifIdentity): CodeList {
  return {
    id: 'sous-dispositifs',
    label: 'Sous-dispositif',
    entries: identity.sousDispositifs.map(({ code, label }) => ({ code, label })),
  };
}

export { DOCUMENT_FILES } from './pointers.js';

/**
 * The rule every dispositif with required document types gets from documents.json: at transmission,
 * at least one file of each required type. Its message agrees with the documents tab's counter
 * ("1/3 types de documents obligatoires à transmettre") and names only the types missing.
 */
export function documentsRule(identity: DispositifIdentity, layout: Layout, documents: DocumentsSpec): RuleSpec | null {
  const required = documents.types.filter((t) => t.required);
  const tab = layout.tabs.find((t) => t.sections.some((s) => s.fields.some((f) => f.field === DOCUMENT_FILES)));
  if (!required.length || !tab) return null;
  const codes = required.map((t) => t.code);
  return {
    id: `${identity.id}.${tab.id}.documents-obligatoires`,
    severity: 'error',
    message: `{presents}/${required.length} types de documents obligatoires à transmettre : il manque {manquants}.`,
    description: 'Déduite de documents.json : au moins un fichier par type obligatoire, contrôlé à la transmission.',
    at: [DOCUMENT_FILES],
    phase: 'transmission',
    assert: { includesAll: [`${DOCUMENT_FILES}/*/type`, codes] },
    labels: Object.fromEntries(required.map((t) => [t.code, t.label])),
    samples: {
      fail: [{ documents: { fichiers: codes.slice(1).map((type) => ({ type })) } }],
      pass: [{ documents: { fichiers: codes.map((type) => ({ type })) } }],
    },
  };
}

const MO = 1024 * 1024;
const PER_TYPE = 'par type de document';

/** "Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx." and the other limits, in the guides' words. */
export function documentLimitMessages(limits: DocumentsSpec['limits']) {
  return {
    size: `Poids : ${String(limits.maxSizeMo).replace('.', ',')}Mo maximum.`,
    formats: `Formats acceptés : ${limits.formats.join(', ')}.`,
    files: `${limits.maxFiles} ${limits.maxFiles > 1 ? 'fichiers' : 'fichier'} maximum ${PER_TYPE}.`,
  };
}

/**
 * Writes documents.json's limits into the bundled schema's `/documents/fichiers`, so that the engine
 * (and a server validating with it) enforces what the documents tab shows: size, formats, and at most
 * `maxFiles` files of each type (`contains` / `maxContains`), each with the guide's wording.
 */
export function applyDocumentLimits(schema: JsonSchema, documents: DocumentsSpec): void {
  const resolve = (node: unknown): Record<string, unknown> | undefined => {
    let n = node as Record<string, unknown> | undefined;
    for (let guard = 0; typeof n?.$ref === 'string' && guard < 10; guard++) {
      const ref = n.$ref as string;
      if (!ref.startsWith('#/')) return undefined;
      n = ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], schema) as Record<string, unknown> | undefined;
    }
    return n;
  };
  const props = (n: Record<string, unknown> | undefined) => n?.properties as Record<string, unknown> | undefined;
  const fichiers = resolve(props(resolve(props(schema)?.documents))?.fichiers);
  const item = props(resolve(fichiers?.items));
  const taille = resolve(item?.taille);
  const format = resolve(item?.format);
  if (!fichiers || !taille || !format) return;
  const { limits } = documents;
  const text = documentLimitMessages(limits);
  const withMessage = (n: Record<string, unknown>, keyword: string, message: string) => {
    n['x-messages'] = { ...((n['x-messages'] as Record<string, string> | undefined) ?? {}), [keyword]: message };
  };
  taille.maximum = limits.maxSizeMo * MO;
  withMessage(taille, 'maximum', text.size);
  format.enum = [...limits.formats];
  withMessage(format, 'enum', text.formats);
  const codes = [...new Set([...documents.types, ...(documents.afterTransmission ?? [])].map((t) => t.code))];
  fichiers.allOf = codes.map((code) => ({ contains: { type: 'object', properties: { type: { const: code } }, required: ['type'] }, minContains: 0, maxContains: limits.maxFiles }));
  withMessage(fichiers, 'contains', text.files);
}

export function assembleDefinition(input: DefinitionSource): DispositifDefinition {
  const source = { ...input, lists: [...input.lists, sousDispositifsList(input.identity)] };
  const schema = bundleSchema(source);
  const used = usedListIds(schema, source.rules);
  const lists: Record<string, CodeList> = {};
  for (const list of source.lists) if (used.has(list.id)) lists[list.id] = list;
  const documents = source.extras.documents as DocumentsSpec | undefined;
  if (Array.isArray(documents?.limits?.formats)) applyDocumentLimits(schema, documents);
  const docRule = documents ? documentsRule(source.identity, source.layout, documents) : null;
  return {
    identity: source.identity,
    schema,
    layout: source.layout,
    rules: docRule ? [...source.rules.rules, docRule] : source.rules.rules,
    asyncChecks: source.rules.asyncChecks ?? [],
    computed: source.rules.computed ?? [],
    lists,
    documents,
    ...(source.migrations?.length ? { migrations: source.migrations } : {}),
    extras: source.extras,
  };
}
