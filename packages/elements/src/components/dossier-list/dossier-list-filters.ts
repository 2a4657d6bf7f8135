/** The advanced search: filter pop-ups (dispositif, statut, période, mandat, subrogation) and the « accès rapides ». */
import { html, nothing, type TemplateResult } from 'lit';
import type { DispositifSummary } from '@akto/engine';
import { isoToFrench } from '../../internal/display.js';
import { icons } from './dossier-list-icons.js';
import { YES_NO, type ListFilters, type Option, type SavedSearch } from './dossier-list-model.js';

/** What the advanced search reads from the list and calls back. */
export interface FiltersView {
  uid: string;
  filters: ListFilters;
  advanced: boolean;
  /** Id of the filter pop-up open ('' for none). */
  openFilter: string;
  dispositifs: readonly DispositifSummary[];
  stateOptions: Option[];
  savedSearches: { index: number; search: SavedSearch }[];
  toggle(key: 'dispositifs' | 'states', value: string, on: boolean): void;
  toggleBool(key: 'mandatGestion' | 'subrogation', value: boolean, on: boolean): void;
  setFilters(patch: Partial<ListFilters>): void;
  resetFilters(): void;
  openSaveDialog(opener: HTMLElement): void;
  setOpenFilter(id: string): void;
  onFilterKey(e: KeyboardEvent, id: string): void;
  onFilterFocusOut(e: FocusEvent, id: string): void;
  applySaved(search: SavedSearch): void;
  deleteSaved(index: number, nom: string): Promise<void>;
}

export function renderAdvanced(v: FiltersView): TemplateResult {
  const f = v.filters;
  const dispositifs = v.dispositifs.map((d) => ({ value: d.id, label: d.label }));
  const period = f.from || f.to ? [f.from ? `du ${isoToFrench(f.from)}` : '', f.to ? `au ${isoToFrench(f.to)}` : ''].filter(Boolean).join(' ') : '';
  return html`
    <div id="${v.uid}-advanced" part="advanced" ?hidden=${!v.advanced}>
      <div class="filters">
        ${renderChoice(v, 'dispositifs', 'Dispositif', dispositifs, f.dispositifs, (value, on) => v.toggle('dispositifs', value, on))}
        ${renderChoice(v, 'states', 'Statut', v.stateOptions, f.states, (value, on) => v.toggle('states', value, on))}
        ${renderFilter(v, 
          'period',
          'Période',
          period,
          html`<fieldset>
            <legend class="visually-hidden">Période de formation</legend>
            <label
              >Du
              <input type="date" .value=${f.from} max=${f.to || nothing} @change=${(e: Event) => v.setFilters({ from: (e.target as HTMLInputElement).value })}
            /></label>
            <label
              >Au
              <input type="date" .value=${f.to} min=${f.from || nothing} @change=${(e: Event) => v.setFilters({ to: (e.target as HTMLInputElement).value })}
            /></label>
          </fieldset>`,
        )}
        ${renderChoice(v, 'mandat', 'Mandat de gestion', YES_NO, f.mandatGestion.map(String), (value, on) => v.toggleBool('mandatGestion', value === 'true', on))}
        ${renderChoice(v, 'subrogation', 'Subrogation', YES_NO, f.subrogation.map(String), (value, on) => v.toggleBool('subrogation', value === 'true', on))}
      </div>
      <div class="filter-tools">
        <button class="icon-button" type="button" title="Réinitialiser les filtres" aria-label="Réinitialiser les filtres" @click=${() => v.resetFilters()}>${icons.reset}</button>
        <button
          class="icon-button"
          type="button"
          title="Sauvegarder les filtres"
          aria-label="Sauvegarder les filtres"
          @click=${(e: Event) => v.openSaveDialog(e.currentTarget as HTMLElement)}
        >
          ${icons.save}
        </button>
      </div>
    </div>
  `;
}

function renderChoice(v: FiltersView, id: string, label: string, options: Option[], selected: string[], onToggle: (value: string, on: boolean) => void): TemplateResult {
  const chosen = options.filter((o) => selected.includes(o.value)).map((o) => o.label);
  return renderFilter(v, 
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

function renderFilter(v: FiltersView, id: string, label: string, value: string, body: TemplateResult): TemplateResult {
  const open = v.openFilter === id;
  const panel = `${v.uid}-f-${id}`;
  return html`<div class="filter" data-filter=${id} @keydown=${(e: KeyboardEvent) => v.onFilterKey(e, id)} @focusout=${(e: FocusEvent) => v.onFilterFocusOut(e, id)}>
    <button type="button" class="filter-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => v.setOpenFilter(open ? '' : id)}>
      <span class="filter-label">${label} :</span> <span class=${value ? 'filter-value' : 'filter-value placeholder'}>${value || 'Sélection'}</span>${icons.chevron}
    </button>
    <div class="popup" id=${panel} ?hidden=${!open}>${body}</div>
  </div>`;
}

export function renderSaved(v: FiltersView): TemplateResult | typeof nothing {
  const list = v.savedSearches;
  if (!list.length) return nothing;
  return html`<nav part="saved" aria-label="Accès rapides">
    <span class="saved-title" aria-hidden="true">Accès rapides :</span>
    <ul>
      ${list.map(
        ({ index, search }) =>
          html`<li>
            <button type="button" class="link" @click=${() => v.applySaved(search)}>${search.nom}</button
            ><button type="button" class="remove" aria-label="Supprimer l'accès rapide ${search.nom}" title="Supprimer" @click=${() => void v.deleteSaved(index, search.nom)}>
              ${icons.close}
            </button>
          </li>`,
      )}
    </ul>
  </nav>`;
}
