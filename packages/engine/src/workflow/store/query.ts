/** Search, filters, visibility and paging over records: shared by the stores and the REST handler. */
import type { DossierRecord, Viewer } from '../records.js';
import type { StorePage, StoreQuery } from './types.js';

export const DEFAULT_PAGE_SIZE = 20;

/** Lower case, no accents, hyphens as spaces: "Noblet" finds "de NOBLET", "Jean-Luc" finds "JEAN LUC". */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-'’]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Splits a quick search into terms; "quoted words" stay one term (compound names). */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|«\s*([^»]*?)\s*»|(\S+)/g)) {
    const term = normalize(m[1] ?? m[2] ?? m[3] ?? '');
    if (term) terms.push(term);
  }
  return terms;
}

/** The text a record is found by. */
export function searchableText(record: DossierRecord): string {
  const s = record.summary;
  const names = s.stagiaires.flatMap((t) => [t.nomNaissance, t.nomUsage, t.prenoms, `${t.prenoms ?? ''} ${t.nomNaissance ?? ''}`, `${t.prenoms ?? ''} ${t.nomUsage ?? ''}`]);
  return normalize([record.id, record.numero, s.formation, s.entreprise, ...names].filter(Boolean).join(' | '));
}

export function partyKey(viewer: { role: string; entityId: string }): string {
  return viewer.role === 'gestionnaire' ? 'gestionnaire' : `${viewer.role}:${viewer.entityId}`;
}

export function visibleTo(record: DossierRecord, viewer: Viewer): boolean {
  return record.visibleTo.includes(partyKey(viewer));
}

export function matches(record: DossierRecord, query: StoreQuery, text = searchableText(record), terms = query.text ? searchTerms(query.text) : []): boolean {
  if (query.viewer && !visibleTo(record, query.viewer)) return false;
  if (query.kind === 'brouillons' && record.kind !== 'brouillon') return false;
  if (query.kind === 'dossiers' && record.kind !== 'dossier') return false;
  if (!query.kind && record.kind === 'masque') return false;
  if (query.dispositifs?.length && !query.dispositifs.includes(record.dispositif)) return false;
  if (query.states?.length && !query.states.includes(record.state)) return false;
  if (query.mandatGestion !== undefined && record.mandatGestion !== query.mandatGestion) return false;
  if (query.subrogation !== undefined && record.subrogation !== query.subrogation) return false;
  if (query.from || query.to) {
    const { debut, fin } = record.summary;
    if (!debut && !fin) return false;
    if (query.from && (fin ?? debut ?? '') < query.from) return false;
    if (query.to && (debut ?? fin ?? '') > query.to) return false;
  }
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

/** Newest first: by creation, then by number. */
export function compareRecords(a: DossierRecord, b: DossierRecord): number {
  return b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id) || b.id.localeCompare(a.id);
}

export function paginate(records: DossierRecord[], query: StoreQuery): StorePage {
  const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)), 200);
  const pages = Math.max(1, Math.ceil(records.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  return { items: records.slice((page - 1) * pageSize, page * pageSize), total: records.length, page, pageSize };
}

/** Searchable text per record revision, so that a quick search over thousands of drafts stays fast. */
const textCache = new WeakMap<DossierRecord, string>();

function cachedText(record: DossierRecord): string {
  let text = textCache.get(record);
  if (text === undefined) {
    text = searchableText(record);
    textCache.set(record, text);
  }
  return text;
}

export function runQuery(records: Iterable<DossierRecord>, query: StoreQuery = {}): StorePage {
  const found: DossierRecord[] = [];
  const terms = query.text ? searchTerms(query.text) : []; // parsed once, not once per record
  for (const r of records) if (matches(r, query, terms.length ? cachedText(r) : '', terms)) found.push(r);
  return paginate(found.sort(compareRecords), query);
}
