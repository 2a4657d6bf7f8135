import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  listDispositifs,
  onDispositifsChange,
  type DispositifSummary,
  type DossierService,
  type Viewer,
} from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { listStyles } from './dossier-list.styles.js';
import { icons } from './dossier-list-icons.js';
import { listEvent, type DossierActionName } from './dossier-list-events.js';
import {
  asSavedSearch,
  PREFERENCE_KEY,
  CARDS_BELOW,
  EMPTY,
  PAGE_SIZES,
  plural,
  type Dialog,
  type Extras,
  type ListFilters,
  type ListKind,
  type Message,
  type Option,
  type Row,
  type RowActions,
  type RowButton,
  type SavedSearch,
} from './dossier-list-model.js';
import { renderCards, renderPagination, renderTable, type RowsView } from './dossier-list-rows.js';
import { renderDialog, type DialogView } from './dossier-list-dialog.js';
import { duplicateDialog, fetchExtras, storeQuery, toRow } from './dossier-list-data.js';
import type { FiltersView } from './dossier-list-filters.js';
import { renderToolbar, type ToolbarView } from './dossier-list-toolbar.js';

export { PREFERENCE_KEY, type ListFilters, type ListKind, type SavedSearch } from './dossier-list-model.js';

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
    const extras = withExtras ? fetchExtras(service, viewer, this.kind, this.dispositifs) : Promise.resolve(undefined);
    // Everything of one answer is committed at once: one render.
    const commitExtras = (ex: Extras | undefined) => {
      if (!ex || extrasTicket !== this.extrasTicket) return;
      this.stateOptions = ex.states;
      this.saved = ex.saved;
    };
    try {
      const [page, ex] = await Promise.all([service.list(storeQuery(this.filters, this.kind, this.page, this.size), viewer), extras]);
      const rows = await Promise.all(page.items.map((r) => toRow(service, r, viewer, this.kind, this.dispositifs, this.actionCache)));
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
    const q = storeQuery(this.filters, this.kind, this.page, this.size);
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
      this.openDialog(duplicateDialog(engine, row, this.viewer.role), opener);
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
      ${renderToolbar(this.toolbarView)}
      ${this.message ? html`<p part="message" class=${this.message.kind} role=${this.message.kind === 'failure' ? 'alert' : 'status'}>${this.message.text}</p>` : nothing}
      ${this.loadError ? html`<p part="message" class="failure" role="alert">${this.loadError}</p>` : nothing}
      ${this.rows.length
        ? this.layout === 'cards'
          ? renderCards(this.rowsView, title)
          : renderTable(this.rowsView, title)
        : html`<p part="empty" class="empty">${this.loaded ? this.emptyText() : 'Chargement…'}</p>`}
      ${pages > 1 ? renderPagination(this.page, pages, this.total, (n) => this.goTo(n, pages)) : nothing} ${renderDialog(this.dialogView)}
    `;
  }

  private emptyText(): string {
    if (this.hasCriteria()) return `Aucun ${this.noun} ne correspond à votre recherche.`;
    return this.kind === 'dossiers' ? "Vous n'avez aucun dossier transmis à AKTO." : "Vous n'avez aucun brouillon en cours.";
  }

  private goTo(n: number, pages: number): void {
    this.page = Math.min(Math.max(1, n), pages);
    void this.reload(false);
  }

  /** What the toolbar (dossier-list-toolbar.ts) reads and calls. */
  private get toolbarView(): ToolbarView {
    return {
      filters: this.filtersView,
      total: this.total,
      size: this.size,
      onSearchInput: (e) => this.onSearchInput(e),
      toggleAdvanced: () => ((this.advanced = !this.advanced), this.setOpenFilter('')),
      create: () => this.dispatchEvent(listEvent('dossier-create', { kind: this.kind })),
      setPageSize: (n) => (this.pageSize = n),
    };
  }

  /** What the advanced search (dossier-list-filters.ts) reads and calls. */
  private get filtersView(): FiltersView {
    return {
      uid: this.uid,
      filters: this.filters,
      advanced: this.advanced,
      openFilter: this.openFilter,
      dispositifs: this.dispositifs,
      stateOptions: this.stateOptions,
      savedSearches: this.savedSearches,
      toggle: (key, value, on) => this.toggle(key, value, on),
      toggleBool: (key, value, on) => this.toggleBool(key, value, on),
      setFilters: (patch) => this.setFilters(patch),
      resetFilters: () => this.resetFilters(),
      openSaveDialog: (opener) => this.openDialog({ kind: 'save', name: '', error: '' }, opener),
      setOpenFilter: (id) => this.setOpenFilter(id),
      onFilterKey: (e, id) => this.onFilterKey(e, id),
      onFilterFocusOut: (e, id) => this.onFilterFocusOut(e, id),
      applySaved: (search) => this.applySaved(search),
      deleteSaved: (index, nom) => this.deleteSaved(index, nom),
    };
  }

  /** What the rows (dossier-list-rows.ts) read. */
  private get rowsView(): RowsView {
    return {
      rows: this.rows,
      kind: this.kind,
      noun: this.noun,
      busy: this.busy,
      expanded: this.expanded,
      details: this.details,
      offered: this.offered,
      onAction: (row, action, opener) => this.onAction(row, action, opener),
      toggleTrainees: (id) => this.toggleTrainees(id),
    };
  }

  /** What the dialogs (dossier-list-dialog.ts) read and call. */
  private get dialogView(): DialogView {
    return {
      dialog: this.dialog,
      uid: this.uid,
      noun: this.noun,
      setDialog: (dialog) => (this.dialog = dialog),
      closeDialog: () => this.closeDialog(),
      confirmDelete: () => this.confirmDelete(),
      confirmDuplicate: () => this.confirmDuplicate(),
      saveSearch: () => this.saveSearch(),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-list': AktoDossierList;
  }
}
