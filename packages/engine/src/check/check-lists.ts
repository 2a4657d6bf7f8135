/** Code lists (used, defined once, codes unique) and documents.json. */
import { DOCUMENT_FILES, usedListIds } from '../definition/assemble.js';
import type { JsonFiles } from '../definition/files.js';
import type { CodeList } from '../models/definition.js';
import { at, locateString, type Add } from './problem.js';
import type { CheckContext } from './context.js';

/** Where a code-list id is named: the `x-codeList` or `inList` that uses it, in the definition or in common. */
function whereListIsNamed(ctx: CheckContext, id: string): [string, string] {
  const candidates: [string, unknown][] = [
    ['dossier.schema.json', ctx.files['dossier.schema.json']],
    ['rules.json', ctx.files['rules.json']],
    ...Object.entries(ctx.source.common).map(([f, s]) => [`../common/${f}`, s] as [string, unknown]),
  ];
  for (const [file, json] of candidates) {
    const p = locateString(json, id);
    if (p !== undefined) return [file, p];
  }
  return ['dossier.schema.json', ''];
}

/** The list files of a folder ('lists/x.json'), with their content. */
export const listFiles = (files: JsonFiles, prefix = 'lists/') =>
  Object.entries(files).filter(([f]) => f.startsWith(prefix) && f.endsWith('.json') && !f.slice(prefix.length).includes('/')) as [string, CodeList][];

export function checkLists(ctx: CheckContext): void {
  const { definition, source } = ctx;
  for (const id of usedListIds(definition.schema, { rules: definition.rules })) {
    if (!definition.lists[id]) ctx.add(...whereListIsNamed(ctx, id), `la liste de codes « ${id} » n'existe pas (ni dans lists/ ni dans common/lists/)`);
  }
  const commonIds = new Set(source.lists.filter((l) => !listFiles(ctx.files).some(([, own]) => own === l)).map((l) => l.id));
  const seen = new Set<string>();
  for (const [file, list] of listFiles(ctx.files)) {
    if (!definition.lists[list.id]) ctx.add(file, '/id', `la liste « ${list.id} » n'est utilisée nulle part (ni x-codeList dans le schéma, ni inList dans les règles)`);
    const common = commonIds.has(list.id) && !list.overrides;
    if (seen.has(list.id) || common) ctx.add(file, '/id', `la liste « ${list.id} » est définie deux fois${common ? ' (elle existe déjà dans common/lists/ : « "overrides": true » la remplace pour ce dispositif)' : ''}`);
    if (list.overrides && !commonIds.has(list.id)) ctx.add(file, '/overrides', `la liste « ${list.id} » ne remplace aucune liste de common/lists/`);
    seen.add(list.id);
    checkCodes(list, file, ctx.add);
  }
}

export function checkCodes(list: CodeList, file: string, add: Add): void {
  const codes = new Set<string>();
  list.entries.forEach((e, i) => {
    if (codes.has(e.code)) add(file, at('/entries', i, 'code'), `le code « ${e.code} » figure deux fois dans la liste « ${list.id} »`);
    codes.add(e.code);
  });
}

export function checkDocuments(ctx: CheckContext): void {
  const docs = ctx.definition.documents;
  if (!docs) return;
  const placed = ctx.definition.layout.tabs.some((t) => t.sections.some((s) => s.fields.some((f) => f.field === DOCUMENT_FILES)));
  if (!placed) ctx.add('layout.json', '/tabs', `documents.json existe mais aucun onglet ne place le champ ${DOCUMENT_FILES} (widget « documents ») : les pièces ne pourraient pas être déposées`);
  const codes = new Set<string>();
  for (const key of ['types', 'afterTransmission'] as const) {
    (docs[key] ?? []).forEach((t, i) => {
      if (codes.has(t.code)) ctx.add('documents.json', at(`/${key}`, i, 'code'), `le type de document « ${t.code} » est défini deux fois`);
      codes.add(t.code);
    });
  }
}
