import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  listDispositifs,
  onDispositifsChange,
  traineeLabel,
  type DispositifSummary,
  type DossierRecord,
  type DossierService,
  type StoreQuery,
  type TabSpec,
  type Viewer,
} from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { isoToFrench } from '../../internal/display.js';
import { listStyles } from './dossier-list.styles.js';
import { icons } from './dossier-list-icons.js';
import { listEvent, type DossierActionName } from './dossier-list-events.js';

export type ListKind = 'brouillons' | 'dossiers';
type RowButton = 'detail' | 'consulter' | 'modifier' | 'dupliquer' | 'supprimer';
type RowActions = Record<RowButton, boolean> & { label: string };

/** The filters of the quick and advanced search (Oui/Non lists hold the chosen booleans). */
export interface ListFilters {
  text: string;
  dispositifs: string[];
  states: string[];
  from: string;
  to: string;
  mandatGestion: boolean[];
  subrogation: boolean[];
}

/** A saved search (« accès rapide »), as kept in the store's preferences under `acces-rapides`. */
export interface SavedSearch {
  nom: string;
  query: Pick<StoreQuery, 'kind' | 'text' | 'dispositifs' | 'states' | 'from' | 'to' | 'mandatGestion' | 'subrogation'>;
}

interface Row {
  record: DossierRecord;
  actions: RowActions;
  number: string;
  code: string;
  sousLabel: string;
  trainees: string[];
}

interface Option {
  value: string;
  label: string;
}

type Dialog =
  | { kind: 'delete'; row: Row; busy: boolean }
  | { kind: 'duplicate'; row: Row; tabs: Option[]; chosen: Set<string>; sousDispositifs: Option[]; sous: string; busy: boolean }
  | { kind: 'save'; name: string; error: string };

type Message = { kind: 'ok' | 'failure'; text: string } | null;
type Extras = { states: Option[]; saved: unknown[] };

export const PREFERENCE_KEY = 'acces-rapides';
/** Width under which rows show as cards (keep in step with the container query of the styles). */
const CARDS_BELOW = 640;
const PAGE_SIZES = [20, 50];
const NEVER_DUPLICATED = new Set(['introduction', 'synthese', 'documents']);
const EMPTY: ListFilters = { text: '', dispositifs: [], states: [], from: '', to: '', mandatGestion: [], subrogation: [] };
const YES_NO: Option[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
const frenchDate = (iso?: string) => (iso ? isoToFrench(iso) : '-');
const isRecordLike = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Reads one saved search from the preferences, or undefined when it is not one (kept, never shown). */
function asSavedSearch(value: unknown): SavedSearch | undefined {
  if (!isRecordLike(value) || typeof value.nom !== 'string' || !isRecordLike(value.query)) return undefined;
  const q = value.query;
  return {
    nom: value.nom,
    query: {
      kind: q.kind === 'brouillons' || q.kind === 'dossiers' ? q.kind : undefined,
      text: typeof q.text === 'string' ? q.text : undefined,
      dispositifs: strings(q.dispositifs),
      states: strings(q.states),
      from: typeof q.from === 'string' ? q.from : undefined,
      to: typeof q.to === 'string' ? q.to : undefined,
      mandatGestion: typeof q.mandatGestion === 'boolean' ? q.mandatGestion : undefined,
      subrogation: typeof q.subrogation === 'boolean' ? q.subrogation : undefined,
    },
  };
}

let uid = 0;

/**
 * The list of drafts (« Brouillons ») or of dossiers sent to AKTO (« Dossiers ») of guide 001: quick search,
 * advanced search with saved searches (« accès rapides »), legend, table (cards on narrow widths), row
 * actions as the workflow allows them, pagination. Everything is read through a `DossierService`, so the
 * same element runs over a memory, IndexedDB or HTTP store.
 *
 * @summary List and search of drafts or dossiers.
 * @event dossier-create - « Créer un nouveau dossier » was pressed: `{ kind }`.
 * @event dossier-action - A row action: `{ action, record }` with action detail, consulter, modifier, dupliquer,
 *   supprimer (cancelable: preventDefault() replaces the list's own detail or dialog), then « duplicated »
 *   (`record` is the new draft) or « deleted » once the list has done it.
 * @csspart toolbar - Quick search, Recherche Avancée and Créer. @csspart search - The quick search input.
 * @csspart create - « Créer un nouveau dossier ». @csspart advanced - The advanced search panel.
 * @csspart saved - The « accès rapides » list. @csspart info - Results count, page size, legend.
 * @csspart table - The table (wide layout). @csspart cards - The cards (narrow layout, < 640px).
 * @csspart row - Each table row. @csspart card - Each card. @csspart actions - Each row's action buttons.
 * @csspart pagination - The page navigation. @csspart empty - The empty state. @csspart message - Messages.
 * @cssproperty --akto-color-primary - Main colour. @cssproperty --akto-font-family - Font.
 * @cssproperty --akto-dossier-list-stripe - Background of every other row (default #f5f6f8).
 */
@customElement('akto-dossier-list')
export class AktoDossierList extends LitElement {
  static override styles = [tokens, utilities, listStyles];

  /** The workflow over the host's store (required). */
  @property({ attribute: false }) service?: DossierService;
  /** Who is looking: the list shows only what this viewer may see, with the labels of its role. */
  @property({ attribute: false }) viewer: Viewer = { role: 'adherent', entityId: 'local' };
  /** « brouillons » (drafts) or « dossiers » (sent to AKTO). */
  @property({ reflect: true }) kind: ListKind = 'brouillons';
  /** Results per page (20 or 50 are offered). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Pause after the last keystroke before the quick search runs (ms). */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 150;

  @state() private rows: Row[] = [];
  @state() private total = 0;
  @state() private page = 1;
  /** Page size the store answered with (it may cap it). */
  @state() private servedSize = 20;
  /** Not reactive: a keystroke renders once, with its results (see setFilters). */
  private filters: ListFilters = { ...EMPTY };
  @state() private advanced = false;
  @state() private openFilter = '';
  @state() private expanded = new Set<string>();
  @state() private details = new Set<string>();
  @state() private saved: unknown[] = [];
  @state() private stateOptions: Option[] = [];
  @state() private dialog: Dialog | null = null;
  @state() private message: Message = null;
  @state() private loadError = '';
  @state() private busy = false;
  /** The current list has been answered at least once (before: « Chargement… », not the empty text). */
  @state() private loaded = false;
  /** Structure rendered for the current width (the container query switches the styles at the same width). */
  @state() private layout: 'table' | 'cards' = 'table';

  private readonly uid = `akto-list-${++uid}`;
  /** Built-in and host-registered dispositifs (the registry is read at each render). */
  private get dispositifs(): DispositifSummary[] {
    return listDispositifs();
  }
  private offRegistry?: () => void;
  private ticket = 0;
  private extrasTicket = 0;
  private loading?: Promise<void>;
  private resizeObserver?: ResizeObserver;
  private searchWait?: Promise<void>;
  private searchDone?: () => void;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Row actions per record revision and viewer: a search showing the same records again asks nothing. */
  private actionCache = new Map<string, RowActions>();
  private opener?: HTMLElement;
  private stale = false;
  /** Actions some row of the page offers: a row without one keeps its place, so the icons line up. */
  private offered = new Set<RowButton>();

  // ------------------------------------------------------------------ public API

  /**
   * Queries the service again (after a change made elsewhere), with the filter choices and saved searches;
   * resolves once the page is shown.
   */
  refresh(): Promise<void> {
    return this.reload(true);
  }

  private async reload(withExtras: boolean): Promise<void> {
    const ticket = ++this.ticket;
    const p = this.load(ticket, withExtras);
    this.loading = p;
    try {
      await p;
    } finally {
      if (this.loading === p) this.loading = undefined;
    }
  }

  /** The current filters (a copy). */
  get currentFilters(): ListFilters {
    return structuredClone(this.filters);
  }

  /** Resolves once pending searches, loads and renders are done. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let i = 0; i < 50; i++) {
      const pending = [this.searchWait, this.loading].filter((p): p is Promise<void> => !!p);
      if (!pending.length) break;
      await Promise.all(pending.map((p) => p.catch(() => undefined)));
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.offRegistry = onDispositifsChange(() => this.requestUpdate());
    if (!this.hasUpdated) return;
    this.observeWidth();
    if (this.stale) void this.reload(false);
    this.stale = false;
  }

  protected override firstUpdated(): void {
    this.observeWidth();
  }

  /**
   * Only the structure of the current width is rendered (cards under 640 px, where the container query
   * switches the styles). A zero-height sizer is observed, not the host: switching structures changes the
   * height, which would otherwise notify the observer again within the same frame.
   */
  private observeWidth(): void {
    const sizer = this.renderRoot.querySelector('.sizer');
    if (!sizer) return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      const layout = width < CARDS_BELOW ? 'cards' : 'table';
      if (layout !== this.layout) this.layout = layout;
    });
    this.resizeObserver.observe(sizer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offRegistry?.();
    this.resizeObserver?.disconnect();
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (this.searchWait) {
      // A search still waiting for the end of typing runs when the element is back.
      clearTimeout(this.searchTimer);
      this.stale = true;
      this.searchDone?.();
      this.searchWait = undefined;
      this.searchDone = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = changed.has('service') || changed.has('viewer');
    if (source) this.actionCache.clear();
    if (changed.has('kind') && changed.get('kind') !== undefined) this.filters = { ...this.filters, states: [] };
    if (source || changed.has('kind')) {
      this.page = 1;
      this.loaded = false;
      void this.reload(true);
    } else if (changed.has('pageSize')) {
      this.page = 1;
      void this.reload(false);
    }
  }

  // ------------------------------------------------------------------ data

  /** The page size in use (20 when `pageSize` is not a positive number). */
  private get size(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) && n > 0 ? n : 20;
  }

  private get noun(): string {
    return this.kind === 'dossiers' ? 'dossier' : 'brouillon';
  }

  private storeQuery(): StoreQuery {
    const f = this.filters;
    const one = (v: boolean[]) => (v.length === 1 ? v[0] : undefined);
    const q: StoreQuery = { kind: this.kind, page: this.page, pageSize: this.size };
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

  private async load(ticket: number, withExtras: boolean): Promise<void> {
    const service = this.service;
    if (!service) {
      this.rows = [];
      this.total = 0;
      this.loaded = true;
      return;
    }
    const viewer = this.viewer;
    // « busy » only when the answer is slow: a fast store renders once, without a flash of the old page.
    const slow = setTimeout(() => ticket === this.ticket && (this.busy = true), 120);
    const extrasTicket = withExtras ? ++this.extrasTicket : -1;
    const extras = withExtras ? this.fetchExtras(service, viewer, this.kind) : Promise.resolve(undefined);
    // Everything of one answer is committed at once: one render.
    const commitExtras = (ex: Extras | undefined) => {
      if (!ex || extrasTicket !== this.extrasTicket) return;
      this.stateOptions = ex.states;
      this.saved = ex.saved;
    };
    try {
      const [page, ex] = await Promise.all([service.list(this.storeQuery(), viewer), extras]);
      const rows = await Promise.all(page.items.map((r) => this.toRow(service, r, viewer)));
      commitExtras(ex);
      if (ticket !== this.ticket) return;
      this.rows = rows;
      this.total = page.total;
      this.page = page.page;
      this.servedSize = page.pageSize > 0 ? page.pageSize : this.size;
      this.loadError = '';
      this.loaded = true;
    } catch (e) {
      commitExtras(await extras);
      if (ticket === this.ticket) {
        this.loaded = true;
        this.loadError = `La liste n'a pas pu être chargée : ${e instanceof Error ? e.message : String(e)}`;
      }
    } finally {
      clearTimeout(slow);
      if (ticket === this.ticket) this.busy = false;
    }
  }

  private async toRow(service: DossierService, record: DossierRecord, viewer: Viewer): Promise<Row> {
    const key = `${record.id}\u0000${record.revision}\u0000${record.state}`;
    let actions = this.actionCache.get(key);
    if (!actions) {
      try {
        actions = await service.rowActions(record, viewer);
      } catch {
        // An unknown dispositif or state: the record still shows, with the safe actions only.
        actions = { detail: true, consulter: true, modifier: false, dupliquer: false, supprimer: false, label: record.state };
      }
      this.actionCache.set(key, actions);
    }
    const d = this.dispositifs.find((x) => x.id === record.dispositif);
    const stagiaires = Array.isArray(record.summary?.stagiaires) ? record.summary.stagiaires : [];
    return {
      record,
      actions,
      number: (this.kind === 'dossiers' ? record.numero : undefined) ?? record.id,
      code: d?.code ?? record.dispositif.toUpperCase(),
      sousLabel: d?.sousDispositifs.find((s) => s.code === record.sousDispositif)?.label ?? record.sousDispositif ?? '',
      trainees: stagiaires.map((t) => traineeLabel(t)).filter(Boolean),
    };
  }

  /** Filter choices (states of the kind, labelled for the viewer's role) and saved searches; never fails. */
  private async fetchExtras(service: DossierService, viewer: Viewer, kind: ListKind): Promise<Extras> {
    const role = viewer.role;
    const tag = kind === 'dossiers' ? 'dossier' : 'brouillon';
    const seen = new Map<string, string>();
    for (const d of this.dispositifs) {
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

  // ------------------------------------------------------------------ search

  /**
   * Changes the criteria and queries again. A keystroke (`debounce`) does not render by itself: the page
   * renders once its results are there (the input already shows what was typed); other criteria render at
   * once so that the filter buttons show the choice even before a slow store answers.
   */
  private setFilters(patch: Partial<ListFilters>, debounce = false): void {
    this.filters = { ...this.filters, ...patch };
    this.page = 1;
    this.message = null;
    if (!debounce) this.requestUpdate();
    if (debounce && this.searchDelay > 0) {
      clearTimeout(this.searchTimer);
      if (!this.searchWait) this.searchWait = new Promise<void>((resolve) => (this.searchDone = resolve));
      this.searchTimer = setTimeout(() => {
        const done = this.searchDone;
        this.searchWait = undefined;
        this.searchDone = undefined;
        void this.reload(false).finally(() => done?.());
      }, this.searchDelay);
      return;
    }
    void this.reload(false);
  }

  private onSearchInput(e: Event): void {
    this.setFilters({ text: (e.target as HTMLInputElement).value }, true);
  }

  private toggle<K extends 'dispositifs' | 'states'>(key: K, value: string, on: boolean): void {
    const current = this.filters[key].filter((v) => v !== value);
    this.setFilters({ [key]: on ? [...current, value] : current } as Partial<ListFilters>);
  }

  private toggleBool(key: 'mandatGestion' | 'subrogation', value: boolean, on: boolean): void {
    const current = this.filters[key].filter((v) => v !== value);
    this.setFilters({ [key]: on ? [...current, value] : current } as Partial<ListFilters>);
  }

  private hasCriteria(): boolean {
    const f = this.filters;
    return !!(f.text.trim() || f.dispositifs.length || f.states.length || f.from || f.to || f.mandatGestion.length || f.subrogation.length);
  }

  /** « Réinitialiser les filtres » empties every criterion and closes the advanced search. */
  resetFilters(): void {
    this.advanced = false;
    this.openFilter = '';
    this.setFilters({ ...EMPTY });
  }

  private get savedSearches(): { index: number; search: SavedSearch }[] {
    const out: { index: number; search: SavedSearch }[] = [];
    this.saved.forEach((value, index) => {
      const search = asSavedSearch(value);
      if (search && (!search.query.kind || search.query.kind === this.kind)) out.push({ index, search });
    });
    return out;
  }

  /** Applies a saved search (« accès rapide »). */
  applySaved(search: SavedSearch): void {
    const q = search.query;
    const bool = (v?: boolean) => (v === undefined ? [] : [v]);
    const filters: ListFilters = {
      text: q.text ?? '',
      dispositifs: [...(q.dispositifs ?? [])],
      states: [...(q.states ?? [])],
      from: q.from ?? '',
      to: q.to ?? '',
      mandatGestion: bool(q.mandatGestion),
      subrogation: bool(q.subrogation),
    };
    this.advanced = !!(filters.dispositifs.length || filters.states.length || filters.from || filters.to || filters.mandatGestion.length || filters.subrogation.length);
    this.setFilters(filters);
    this.message = { kind: 'ok', text: `Accès rapide « ${search.nom} » appliqué.` };
  }

  private async writeSaved(next: unknown[]): Promise<boolean> {
    try {
      await this.service?.store.setPreference(PREFERENCE_KEY, next);
      this.saved = next;
      return true;
    } catch (e) {
      this.message = { kind: 'failure', text: `Les accès rapides n'ont pas pu être enregistrés : ${e instanceof Error ? e.message : String(e)}` };
      return false;
    }
  }

  private async deleteSaved(index: number, nom: string): Promise<void> {
    if (await this.writeSaved(this.saved.filter((_, i) => i !== index))) this.message = { kind: 'ok', text: `Accès rapide « ${nom} » supprimé.` };
  }

  private async saveSearch(): Promise<void> {
    const dialog = this.dialog;
    if (dialog?.kind !== 'save') return;
    const nom = dialog.name.trim();
    if (!nom) {
      this.dialog = { ...dialog, error: "Donnez un nom à l'accès rapide." };
      this.renderRoot.querySelector<HTMLInputElement>('#save-name')?.focus();
      return;
    }
    const q = this.storeQuery();
    const search: SavedSearch = {
      nom,
      query: { kind: this.kind, text: q.text, dispositifs: q.dispositifs, states: q.states, from: q.from, to: q.to, mandatGestion: q.mandatGestion, subrogation: q.subrogation },
    };
    const clean = JSON.parse(JSON.stringify(search)) as SavedSearch; // no undefined members in the preference
    const same = this.saved.findIndex((v) => asSavedSearch(v)?.nom === nom && (asSavedSearch(v)?.query.kind ?? this.kind) === this.kind);
    const next = same >= 0 ? this.saved.map((v, i) => (i === same ? clean : v)) : [...this.saved, clean];
    this.closeDialog();
    if (await this.writeSaved(next)) this.message = { kind: 'ok', text: `Vos filtres sont sauvegardés dans les accès rapides sous le nom « ${nom} ».` };
  }

  // ------------------------------------------------------------------ row actions

  private onAction(row: Row, action: RowButton, opener: HTMLElement): void {
    const event = listEvent('dossier-action', { action, record: row.record }, true);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    if (action === 'detail') {
      const next = new Set(this.details);
      if (!next.delete(row.record.id)) next.add(row.record.id);
      this.details = next;
    } else if (action === 'supprimer') {
      this.openDialog({ kind: 'delete', row, busy: false }, opener);
    } else if (action === 'dupliquer') {
      void this.openDuplicate(row, opener);
    }
  }

  private toggleTrainees(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private async openDuplicate(row: Row, opener: HTMLElement): Promise<void> {
    const service = this.service;
    if (!service) return;
    try {
      const engine = await service.engine(row.record.dispositif);
      const tabs: TabSpec[] = engine.layout.visibleTabs(engine.context(row.record.data, this.viewer.role)).filter((t) => !NEVER_DUPLICATED.has(t.kind ?? ''));
      const sousDispositifs = engine.definition.identity.sousDispositifs.filter((s) => !s.disabled).map((s) => ({ value: s.code, label: s.label }));
      const sous = sousDispositifs.some((s) => s.value === row.record.sousDispositif) ? row.record.sousDispositif : (sousDispositifs[0]?.value ?? '');
      this.openDialog(
        {
          kind: 'duplicate',
          row,
          tabs: tabs.map((t) => ({ value: t.id, label: t.title })),
          chosen: new Set(tabs.map((t) => t.id)),
          sousDispositifs,
          sous,
          busy: false,
        },
        opener,
      );
    } catch (e) {
      this.message = { kind: 'failure', text: e instanceof Error ? e.message : String(e) };
    }
  }

  private openDialog(dialog: Dialog, opener?: HTMLElement): void {
    this.opener = opener;
    this.dialog = dialog;
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
      if (el && !el.open) el.showModal();
    });
  }

  /** Closes the dialog; the focus goes back to the button that opened it unless told otherwise. */
  private closeDialog(restoreFocus = true): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    this.dialog = null;
    const opener = this.opener;
    this.opener = undefined;
    if (!restoreFocus) return;
    if (opener?.isConnected) opener.focus();
    else this.focusSearch();
  }

  private focusSearch(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="search"]')?.focus();
  }

  /** After the list changed under a dialog, the focus goes to the same action of the same record, else to the search. */
  private focusAction(id: string, action: RowButton): void {
    const button = this.renderRoot.querySelector<HTMLElement>(`[part="actions"][data-id="${CSS.escape(id)}"] button.${action}`);
    if (button) button.focus();
    else this.focusSearch();
  }

  private async confirmDelete(): Promise<void> {
    const dialog = this.dialog;
    if (dialog?.kind !== 'delete' || dialog.busy || !this.service) return;
    this.dialog = { ...dialog, busy: true };
    const { row } = dialog;
    try {
      const outcome = await this.service.remove(row.record.id, this.viewer);
      this.closeDialog(false);
      this.message = { kind: 'ok', text: `Le ${this.noun} n° ${row.number} a été supprimé.` };
      this.dispatchEvent(listEvent('dossier-action', { action: 'deleted', record: outcome.record }));
    } catch (e) {
      this.closeDialog(false);
      this.message = { kind: 'failure', text: e instanceof Error ? e.message : String(e) };
    }
    await this.reload(false);
    await this.updateComplete;
    this.focusAction(row.record.id, 'supprimer');
  }

  private async confirmDuplicate(): Promise<void> {
    const dialog = this.dialog;
    if (dialog?.kind !== 'duplicate' || dialog.busy || !this.service) return;
    this.dialog = { ...dialog, busy: true };
    try {
      const outcome = await this.service.duplicate(dialog.row.record.id, this.viewer, {
        tabs: dialog.tabs.map((t) => t.value).filter((t) => dialog.chosen.has(t)),
        sousDispositif: dialog.sous || undefined,
      });
      this.closeDialog(false);
      this.message = { kind: 'ok', text: `Le brouillon n° ${outcome.record.id} a été créé par duplication du ${this.noun} n° ${dialog.row.number}.` };
      this.dispatchEvent(listEvent('dossier-action', { action: 'duplicated' satisfies DossierActionName, record: outcome.record }));
    } catch (e) {
      this.closeDialog(false);
      this.message = { kind: 'failure', text: e instanceof Error ? e.message : String(e) };
    }
    await this.reload(false);
    await this.updateComplete;
    this.focusAction(dialog.row.record.id, 'dupliquer');
  }

  // ------------------------------------------------------------------ filter pop-ups

  private onOutside = (e: Event) => {
    const open = this.renderRoot.querySelector(`[data-filter="${this.openFilter}"]`);
    if (open && !e.composedPath().includes(open)) this.setOpenFilter('');
  };

  private setOpenFilter(id: string): void {
    this.openFilter = id;
    if (id) document.addEventListener('pointerdown', this.onOutside, true);
    else document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private onFilterKey(e: KeyboardEvent, id: string): void {
    if (e.key !== 'Escape' || this.openFilter !== id) return;
    e.stopPropagation();
    this.setOpenFilter('');
    this.renderRoot.querySelector<HTMLElement>(`[data-filter="${id}"] > button`)?.focus();
  }

  private onFilterFocusOut(e: FocusEvent, id: string): void {
    const wrapper = e.currentTarget as HTMLElement;
    const to = e.relatedTarget as Node | null;
    if (to && !wrapper.contains(to) && this.openFilter === id) this.setOpenFilter('');
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    this.offered = new Set((['detail', 'consulter', 'modifier', 'dupliquer', 'supprimer'] as const).filter((b) => this.rows.some((r) => r.actions[b])));
    const pages = Math.max(1, Math.ceil(this.total / this.servedSize));
    const title = this.kind === 'dossiers' ? 'Liste des dossiers' : 'Liste des brouillons';
    return html`
      <div class="sizer" aria-hidden="true"></div>
      <div part="toolbar">
        <div class="search">
          <label class="visually-hidden" for="${this.uid}-q">Recherche rapide</label>
          <span class="search-icon">${icons.search}</span>
          <input
            id="${this.uid}-q"
            part="search"
            type="search"
            autocomplete="off"
            placeholder="N°, formation, entreprise, stagiaire"
            aria-describedby="${this.uid}-q-hint"
            title="Pour les noms composés, mettez le nom entre « »."
            .value=${live(this.filters.text)}
            @input=${this.onSearchInput}
            @search=${this.onSearchInput}
          />
          <span id="${this.uid}-q-hint" class="visually-hidden">Recherche sur le numéro, l'intitulé de la formation, l'entreprise et le stagiaire (nom, prénom). Pour les noms composés, mettez le nom entre « ».</span>
        </div>
        <button
          class="secondary advanced-toggle"
          type="button"
          aria-expanded=${this.advanced ? 'true' : 'false'}
          aria-controls="${this.uid}-advanced"
          @click=${() => ((this.advanced = !this.advanced), this.setOpenFilter(''))}
        >
          Recherche Avancée ${icons.chevron}
        </button>
        <button part="create" class="action" type="button" @click=${() => this.dispatchEvent(listEvent('dossier-create', { kind: this.kind }))}>Créer un nouveau dossier</button>
      </div>
      ${this.renderAdvanced()} ${this.renderSaved()}
      <div part="info">
        <p class="count" role="status">${plural(this.total, 'résultat')}</p>
        <label class="page-size">
          <span class="visually-hidden">Nombre de résultats par page</span>
          <select
            @change=${(e: Event) => {
              const v = Number((e.target as HTMLSelectElement).value);
              if (v > 0) this.pageSize = v;
            }}
          >
            ${[...new Set([...PAGE_SIZES, this.size])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === this.size}>${n} résultats par page</option>`)}
          </select>
        </label>
        <ul class="legend" aria-label="Légende">
          <li>${icons.mandat}<span>Mandat de gestion</span></li>
          <li class="subrogation">${icons.subrogation}<span>Subrogation de paiement</span></li>
          <li class="alerte">${icons.alerte}<span>Alerte</span></li>
        </ul>
      </div>
      ${this.message ? html`<p part="message" class=${this.message.kind} role=${this.message.kind === 'failure' ? 'alert' : 'status'}>${this.message.text}</p>` : nothing}
      ${this.loadError ? html`<p part="message" class="failure" role="alert">${this.loadError}</p>` : nothing}
      ${this.rows.length
        ? this.layout === 'cards'
          ? this.renderCards(title)
          : this.renderTable(title)
        : html`<p part="empty" class="empty">${this.loaded ? this.emptyText() : 'Chargement…'}</p>`}
      ${pages > 1 ? this.renderPagination(pages) : nothing} ${this.renderDialog()}
    `;
  }

  private emptyText(): string {
    if (this.hasCriteria()) return `Aucun ${this.noun} ne correspond à votre recherche.`;
    return this.kind === 'dossiers' ? "Vous n'avez aucun dossier transmis à AKTO." : "Vous n'avez aucun brouillon en cours.";
  }

  private renderAdvanced(): TemplateResult {
    const f = this.filters;
    const dispositifs = this.dispositifs.map((d) => ({ value: d.id, label: d.label }));
    const period = f.from || f.to ? [f.from ? `du ${isoToFrench(f.from)}` : '', f.to ? `au ${isoToFrench(f.to)}` : ''].filter(Boolean).join(' ') : '';
    return html`
      <div id="${this.uid}-advanced" part="advanced" ?hidden=${!this.advanced}>
        <div class="filters">
          ${this.renderChoice('dispositifs', 'Dispositif', dispositifs, f.dispositifs, (v, on) => this.toggle('dispositifs', v, on))}
          ${this.renderChoice('states', 'Statut', this.stateOptions, f.states, (v, on) => this.toggle('states', v, on))}
          ${this.renderFilter(
            'period',
            'Période',
            period,
            html`<fieldset>
              <legend class="visually-hidden">Période de formation</legend>
              <label
                >Du
                <input type="date" .value=${f.from} max=${f.to || nothing} @change=${(e: Event) => this.setFilters({ from: (e.target as HTMLInputElement).value })}
              /></label>
              <label
                >Au
                <input type="date" .value=${f.to} min=${f.from || nothing} @change=${(e: Event) => this.setFilters({ to: (e.target as HTMLInputElement).value })}
              /></label>
            </fieldset>`,
          )}
          ${this.renderChoice('mandat', 'Mandat de gestion', YES_NO, f.mandatGestion.map(String), (v, on) => this.toggleBool('mandatGestion', v === 'true', on))}
          ${this.renderChoice('subrogation', 'Subrogation', YES_NO, f.subrogation.map(String), (v, on) => this.toggleBool('subrogation', v === 'true', on))}
        </div>
        <div class="filter-tools">
          <button class="icon-button" type="button" title="Réinitialiser les filtres" aria-label="Réinitialiser les filtres" @click=${() => this.resetFilters()}>${icons.reset}</button>
          <button
            class="icon-button"
            type="button"
            title="Sauvegarder les filtres"
            aria-label="Sauvegarder les filtres"
            @click=${(e: Event) => this.openDialog({ kind: 'save', name: '', error: '' }, e.currentTarget as HTMLElement)}
          >
            ${icons.save}
          </button>
        </div>
      </div>
    `;
  }

  private renderChoice(id: string, label: string, options: Option[], selected: string[], onToggle: (value: string, on: boolean) => void): TemplateResult {
    const chosen = options.filter((o) => selected.includes(o.value)).map((o) => o.label);
    return this.renderFilter(
      id,
      label,
      chosen.join(', '),
      html`<fieldset>
        <legend class="visually-hidden">${label}</legend>
        ${options.map(
          (o) =>
            html`<label class="check"
              ><input type="checkbox" .checked=${selected.includes(o.value)} @change=${(e: Event) => onToggle(o.value, (e.target as HTMLInputElement).checked)} /><span>${o.label}</span></label
            >`,
        )}
      </fieldset>`,
    );
  }

  private renderFilter(id: string, label: string, value: string, body: TemplateResult): TemplateResult {
    const open = this.openFilter === id;
    const panel = `${this.uid}-f-${id}`;
    return html`<div class="filter" data-filter=${id} @keydown=${(e: KeyboardEvent) => this.onFilterKey(e, id)} @focusout=${(e: FocusEvent) => this.onFilterFocusOut(e, id)}>
      <button type="button" class="filter-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.setOpenFilter(open ? '' : id)}>
        <span class="filter-label">${label} :</span> <span class=${value ? 'filter-value' : 'filter-value placeholder'}>${value || 'Sélection'}</span>${icons.chevron}
      </button>
      <div class="popup" id=${panel} ?hidden=${!open}>${body}</div>
    </div>`;
  }

  private renderSaved(): TemplateResult | typeof nothing {
    const list = this.savedSearches;
    if (!list.length) return nothing;
    return html`<nav part="saved" aria-label="Accès rapides">
      <span class="saved-title" aria-hidden="true">Accès rapides :</span>
      <ul>
        ${list.map(
          ({ index, search }) =>
            html`<li>
              <button type="button" class="link" @click=${() => this.applySaved(search)}>${search.nom}</button
              ><button type="button" class="remove" aria-label="Supprimer l'accès rapide ${search.nom}" title="Supprimer" @click=${() => void this.deleteSaved(index, search.nom)}>
                ${icons.close}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderFlags(r: DossierRecord): TemplateResult {
    return html`${r.mandatGestion ? html`<span class="flag" role="img" aria-label="Mandat de gestion" title="Mandat de gestion">${icons.mandat}</span>` : nothing}${r.subrogation
      ? html`<span class="flag subrogation" role="img" aria-label="Subrogation de paiement" title="Subrogation de paiement">${icons.subrogation}</span>`
      : nothing}${r.alerte ? html`<span class="flag alerte" role="img" aria-label="Alerte" title="Alerte">${icons.alerte}</span>` : nothing}`;
  }

  private renderTrainees(row: Row): TemplateResult | string {
    const [first, ...others] = row.trainees;
    if (!first) return '';
    if (!others.length) return first;
    const open = this.expanded.has(row.record.id);
    return html`<button type="button" class="link trainees" aria-expanded=${open ? 'true' : 'false'} title=${open ? 'Réduire la liste des stagiaires' : 'Afficher tous les stagiaires'} @click=${() => this.toggleTrainees(row.record.id)}>
      ${open ? row.trainees.join(', ') : `${first} + ${others.length}`}
    </button>`;
  }

  private renderActions(row: Row): TemplateResult {
    const a = row.actions;
    const what = `${this.noun} ${row.number}`;
    const buttons: [RowButton, string, string][] = [
      ['detail', 'Détail', `Détail du ${what}`],
      ['consulter', 'Consulter', `Consulter le ${what}`],
      ['modifier', 'Modifier', `Modifier le ${what}`],
      ['dupliquer', 'Dupliquer', `Dupliquer le ${what}`],
      ['supprimer', 'Supprimer', `Supprimer le ${what}`],
    ];
    return html`<div part="actions" class="actions" data-id=${row.record.id}>
      ${buttons.map(([action, title, label]) =>
        a[action]
          ? html`<button
              type="button"
              class="icon-button ${action}"
              title=${title}
              aria-label=${label}
              aria-expanded=${action === 'detail' ? (this.details.has(row.record.id) ? 'true' : 'false') : nothing}
              @click=${(e: Event) => this.onAction(row, action, e.currentTarget as HTMLElement)}
            >
              ${icons[action]}
            </button>`
          : this.offered.has(action)
            ? html`<span class="icon-slot" aria-hidden="true"></span>`
            : nothing,
      )}
    </div>`;
  }

  private renderNumber(row: Row): TemplateResult | string {
    if (this.kind !== 'dossiers') return row.number;
    return html`<button type="button" class="link" aria-label="Consulter le dossier ${row.number}" @click=${(e: Event) => this.onAction(row, 'consulter', e.currentTarget as HTMLElement)}>${row.number}</button>`;
  }

  private renderDetail(row: Row): TemplateResult {
    const organismes = row.record.prestataires ?? [];
    return html`<div class="detail">
      <div>
        <strong>Stagiaire(s)</strong>
        ${row.trainees.length ? html`<ul>${row.trainees.map((t) => html`<li>${t}</li>`)}</ul>` : html`<p>-</p>`}
      </div>
      ${organismes.length
        ? html`<div>
            <strong>Organisme(s)</strong>
            <ul>
              ${organismes.map((p) => html`<li>${[p.name, p.entityId].filter(Boolean).join(' - ')}</li>`)}
            </ul>
          </div>`
        : nothing}
    </div>`;
  }

  private renderTable(title: string): TemplateResult {
    const stateHeader = this.kind === 'dossiers' ? 'Statut' : 'État';
    return html`<div class="table-wrap" part="table">
      <table aria-busy=${this.busy ? 'true' : 'false'}>
        <caption class="visually-hidden">
          ${title}
        </caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Disp.</th>
            <th scope="col">Sous disp.</th>
            <th scope="col">Formation</th>
            <th scope="col">Début</th>
            <th scope="col">Fin</th>
            <th scope="col">Entreprise</th>
            <th scope="col">Stagiaire(s)</th>
            <th scope="col">${stateHeader}</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map((row) => {
            const s = row.record.summary ?? { stagiaires: [] };
            return html`<tr part="row">
                <td class="number"><span class="flags">${this.renderFlags(row.record)}</span>${this.renderNumber(row)}</td>
                <td>${row.code}</td>
                <td>${row.sousLabel}</td>
                <td class="formation"><span class="clamp" title=${s.formation ?? nothing}>${s.formation ?? ''}</span></td>
                <td class="date">${frenchDate(s.debut)}</td>
                <td class="date">${frenchDate(s.fin)}</td>
                <td>${s.entreprise ?? ''}</td>
                <td>${this.renderTrainees(row)}</td>
                <td class="state">${row.actions.label}</td>
                <td>${this.renderActions(row)}</td>
              </tr>
              ${this.details.has(row.record.id) ? html`<tr class="detail-row"><td colspan="10">${this.renderDetail(row)}</td></tr>` : nothing}`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private renderCards(title: string): TemplateResult {
    return html`<ul class="cards" part="cards" aria-label=${title}>
      ${this.rows.map((row) => {
        const s = row.record.summary ?? { stagiaires: [] };
        return html`<li class="card" part="card">
          <p class="card-head"><span class="flags">${this.renderFlags(row.record)}</span><strong>${row.code}: ${this.renderNumber(row)}</strong> <span class="state">${row.actions.label}</span></p>
          <p class="card-sub">${row.code} - ${row.sousLabel}</p>
          ${s.formation ? html`<p class="card-formation">${s.formation}</p>` : nothing} ${s.entreprise ? html`<p>${s.entreprise}</p>` : nothing}
          <p class="card-facts">Début: ${frenchDate(s.debut)}, Fin: ${frenchDate(s.fin)}, Stagiaire(s): ${this.renderTrainees(row) || '-'}</p>
          ${this.details.has(row.record.id) ? this.renderDetail(row) : nothing} ${this.renderActions(row)}
        </li>`;
      })}
    </ul>`;
  }

  private renderPagination(pages: number): TemplateResult {
    const p = this.page;
    const shown = [...new Set([1, p - 1, p, p + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    const go = (n: number) => {
      this.page = Math.min(Math.max(1, n), pages);
      void this.reload(false);
    };
    const items: TemplateResult[] = [];
    shown.forEach((n, i) => {
      const prev = shown[i - 1];
      if (prev !== undefined && n - prev > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
      items.push(
        html`<li>
          <button type="button" class="page" aria-label="Page ${n}" aria-current=${n === p ? 'page' : nothing} @click=${() => go(n)}>${n}</button>
        </li>`,
      );
    });
    return html`<nav part="pagination" aria-label="Pagination">
      <p class="pages">Page ${p} sur ${pages} · ${plural(this.total, 'résultat')}</p>
      <ul>
        <li>
          <button type="button" class="page" aria-label="Page précédente" title="Page précédente" ?disabled=${p <= 1} @click=${() => go(p - 1)}>${icons.previous}</button>
        </li>
        ${items}
        <li>
          <button type="button" class="page" aria-label="Page suivante" title="Page suivante" ?disabled=${p >= pages} @click=${() => go(p + 1)}>${icons.next}</button>
        </li>
      </ul>
    </nav>`;
  }

  private renderDialog(): TemplateResult {
    const d = this.dialog;
    const titleId = `${this.uid}-dialog-title`;
    let body: TemplateResult | typeof nothing = nothing;
    if (d?.kind === 'delete') {
      body = html`<h2 id=${titleId}>Supprimer le ${this.noun} n° ${d.row.number}</h2>
        <p>Voulez-vous vraiment supprimer le ${this.noun} n° ${d.row.number} ? Un brouillon supprimé ne peut plus être repris.</p>
        <div class="dialog-actions">
          <button class="secondary" type="button" @click=${() => this.closeDialog()}>Annuler</button>
          <button class="action danger" type="button" ?disabled=${d.busy} @click=${() => void this.confirmDelete()}>Supprimer</button>
        </div>`;
    } else if (d?.kind === 'duplicate') {
      body = html`<h2 id=${titleId}>Dupliquer une demande</h2>
        <fieldset>
          <legend>Quels sont les onglets à dupliquer ?</legend>
          ${d.tabs.map(
            (t) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="tab"
                  value=${t.value}
                  .checked=${d.chosen.has(t.value)}
                  @change=${(e: Event) => {
                    const chosen = new Set(d.chosen);
                    if ((e.target as HTMLInputElement).checked) chosen.add(t.value);
                    else chosen.delete(t.value);
                    this.dialog = { ...d, chosen };
                  }}
                /><span>${t.label}</span></label
              >`,
          )}
        </fieldset>
        <label class="field"
          >Sous-dispositif
          <select @change=${(e: Event) => (this.dialog = { ...d, sous: (e.target as HTMLSelectElement).value })}>
            ${d.sousDispositifs.map((s) => html`<option value=${s.value} ?selected=${s.value === d.sous}>${s.label}</option>`)}
          </select>
        </label>
        <div class="dialog-actions">
          <button class="secondary" type="button" @click=${() => this.closeDialog()}>Annuler</button>
          <button class="action" type="button" ?disabled=${d.busy} @click=${() => void this.confirmDuplicate()}>Continuer</button>
        </div>`;
    } else if (d?.kind === 'save') {
      body = html`<h2 id=${titleId}>Sauvegarder les filtres</h2>
        <form
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.saveSearch();
          }}
        >
          <label class="field" for="save-name">Nom de l'accès rapide</label>
          <input
            id="save-name"
            type="text"
            aria-required="true"
            aria-invalid=${d.error ? 'true' : 'false'}
            aria-describedby=${d.error ? 'save-error' : nothing}
            .value=${d.name}
            @input=${(e: Event) => (this.dialog = { ...d, name: (e.target as HTMLInputElement).value, error: '' })}
          />
          ${d.error ? html`<p id="save-error" class="field-error" role="alert">${d.error}</p>` : nothing}
          <div class="dialog-actions">
            <button class="secondary" type="button" @click=${() => this.closeDialog()}>Annuler</button>
            <button class="action" type="submit">Enregistrer</button>
          </div>
        </form>`;
    }
    return html`<dialog
      aria-labelledby=${titleId}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.closeDialog();
      }}
    >
      ${body}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-list': AktoDossierList;
  }
}
