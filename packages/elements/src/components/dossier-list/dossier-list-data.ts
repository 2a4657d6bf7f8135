/** What the list reads from the workflow: the store query of its filters, rows with their actions, filter choices. */
import { traineeLabel, type DispositifSummary, type DossierEngine, type DossierRecord, type DossierService, type Role, type StoreQuery, type TabSpec, type Viewer } from '@akto/engine';
import { NEVER_DUPLICATED, PREFERENCE_KEY, type Dialog, type Extras, type ListFilters, type ListKind, type Row, type RowActions } from './dossier-list-model.js';

/** The store query of the filters, for a page. */
export function storeQuery(f: ListFilters, kind: ListKind, page: number, pageSize: number): StoreQuery {
  const one = (v: boolean[]) => (v.length === 1 ? v[0] : undefined);
  const q: StoreQuery = { kind, page, pageSize };
  if (f.text.trim()) q.text = f.text;
  if (f.dispositifs.length) q.dispositifs = [...f.dispositifs];
  if (f.states.length) q.states = [...f.states];
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  const mandat = one(f.mandatGestion);
  const subrogation = one(f.subrogation);
  if (mandat !== undefined) q.mandatGestion = mandat;
  if (subrogation !== undefined) q.subrogation = subrogation;
  return q;
}

/** dispositif.json's `nouvelleDemande` (« Nouvelle demande de contrat de professionnalisation »), '' when unknown. */
async function newRequestLabel(service: DossierService, dispositif: string): Promise<string> {
  try {
    return (await service.engine(dispositif)).definition.identity.nouvelleDemande ?? '';
  } catch {
    return '';
  }
}

/** A record as a row: its actions for the viewer (cached per revision), labels, Formation column, trainees. */
export async function toRow(service: DossierService, record: DossierRecord, viewer: Viewer, kind: ListKind, dispositifs: readonly DispositifSummary[], cache: Map<string, RowActions>): Promise<Row> {
  const key = `${record.id}\u0000${record.revision}\u0000${record.state}`;
  let actions = cache.get(key);
  if (!actions) {
    try {
      actions = await service.rowActions(record, viewer);
    } catch {
      // An unknown dispositif or state: the record still shows, with the safe actions only.
      actions = { detail: true, consulter: true, modifier: false, dupliquer: false, supprimer: false, label: record.state };
    }
    cache.set(key, actions);
  }
  const d = dispositifs.find((x) => x.id === record.dispositif);
  const stagiaires = Array.isArray(record.summary?.stagiaires) ? record.summary.stagiaires : [];
  return {
    record,
    actions,
    number: (kind === 'dossiers' ? record.numero : undefined) ?? record.id,
    code: d?.code ?? record.dispositif.toUpperCase(),
    sousLabel: d?.sousDispositifs.find((s) => s.code === record.sousDispositif)?.label ?? record.sousDispositif ?? '',
    formation: record.summary?.formation || (await newRequestLabel(service, record.dispositif)),
    trainees: stagiaires.map((t) => traineeLabel(t)).filter(Boolean),
  };
}

/** Filter choices (states of the kind, labelled for the viewer's role) and saved searches; never fails. */
export async function fetchExtras(service: DossierService, viewer: Viewer, kind: ListKind, dispositifs: readonly DispositifSummary[]): Promise<Extras> {
  const role = viewer.role;
  const tag = kind === 'dossiers' ? 'dossier' : 'brouillon';
  const seen = new Map<string, string>();
  for (const d of dispositifs) {
    try {
      const lifecycle = await service.lifecycle(d.id);
      for (const s of lifecycle.states(role)) if (s.tags.includes(tag) && !seen.has(s.id)) seen.set(s.id, s.label);
    } catch {
      // a dispositif without lifecycle adds no state
    }
  }
  const states = [...seen].map(([value, label]) => ({ value, label }));
  try {
    const stored = await service.store.getPreference<unknown>(PREFERENCE_KEY);
    return { states, saved: Array.isArray(stored) ? stored : [] };
  } catch {
    return { states, saved: [] };
  }
}

/** « Dupliquer une demande »: the tabs that may be copied (all chosen) and the open sous-dispositifs. */
export function duplicateDialog(engine: DossierEngine, row: Row, role: Role): Dialog {
  const tabs: TabSpec[] = engine.layout.visibleTabs(engine.context(row.record.data, role)).filter((t) => !NEVER_DUPLICATED.has(t.kind ?? ''));
  const sousDispositifs = engine.definition.identity.sousDispositifs.filter((s) => !s.disabled).map((s) => ({ value: s.code, label: s.label }));
  const sous = sousDispositifs.some((s) => s.value === row.record.sousDispositif) ? row.record.sousDispositif : (sousDispositifs[0]?.value ?? '');
  return { kind: 'duplicate', row, tabs: tabs.map((t) => ({ value: t.id, label: t.title })), chosen: new Set(tabs.map((t) => t.id)), sousDispositifs, sous, busy: false };
}
