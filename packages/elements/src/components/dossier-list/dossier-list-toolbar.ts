/** The list's top: quick search, « Recherche Avancée », « Créer un nouveau dossier », the advanced search, results and legend. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { icons } from './dossier-list-icons.js';
import { PAGE_SIZES, plural } from './dossier-list-model.js';
import { renderAdvanced, renderSaved, type FiltersView } from './dossier-list-filters.js';

/** What the toolbar reads from the list and calls back. */
export interface ToolbarView {
  filters: FiltersView;
  total: number;
  /** The page size in use. */
  size: number;
  onSearchInput(e: Event): void;
  toggleAdvanced(): void;
  create(): void;
  setPageSize(n: number): void;
}

export function renderToolbar(v: ToolbarView): TemplateResult {
  return html`
  <div part="toolbar">
    <div class="search">
      <label class="visually-hidden" for="${v.filters.uid}-q">Recherche rapide</label>
      <span class="search-icon">${icons.search}</span>
      <input
        id="${v.filters.uid}-q"
        part="search"
        type="search"
        autocomplete="off"
        placeholder="N°, formation, entreprise, stagiaire"
        aria-describedby="${v.filters.uid}-q-hint"
        title="Pour les noms composés, mettez le nom entre « »."
        .value=${live(v.filters.filters.text)}
        @input=${v.onSearchInput}
        @search=${v.onSearchInput}
      />
      <span id="${v.filters.uid}-q-hint" class="visually-hidden">Recherche sur le numéro, l'intitulé de la formation, l'entreprise et le stagiaire (nom, prénom). Pour les noms composés, mettez le nom entre « ».</span>
    </div>
    <button
      class="secondary advanced-toggle"
      type="button"
      aria-expanded=${v.filters.advanced ? 'true' : 'false'}
      aria-controls="${v.filters.uid}-advanced"
      @click=${v.toggleAdvanced}
    >
      Recherche Avancée ${icons.chevron}
    </button>
    <button part="create" class="action" type="button" @click=${v.create}>Créer un nouveau dossier</button>
  </div>
  ${renderAdvanced(v.filters)} ${renderSaved(v.filters)}
  <div part="info">
    <p class="count" role="status">${plural(v.total, 'résultat')}</p>
    <label class="page-size">
      <span class="visually-hidden">Nombre de résultats par page</span>
      <select
        @change=${(e: Event) => {
          const n = Number((e.target as HTMLSelectElement).value);
          if (n > 0) v.setPageSize(n);
        }}
      >
        ${[...new Set([...PAGE_SIZES, v.size])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === v.size}>${n} résultats par page</option>`)}
      </select>
    </label>
    <ul class="legend" aria-label="Légende">
      <li>${icons.mandat}<span>Mandat de gestion</span></li>
      <li class="subrogation">${icons.subrogation}<span>Subrogation de paiement</span></li>
      <li class="alerte">${icons.alerte}<span>Alerte</span></li>
    </ul>
  </div>
  `;
}
