import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AktoField } from '../../internal/field-element.js';
import { fold, scrollIntoList } from '../field-select/listbox.js';
import { listboxStyles } from '../field-select/listbox.styles.js';

/** One suggestion of the provider. `record` carries the linked data (SIRET, adresse…) for the wizard. */
export interface AutocompleteOption {
  value: string;
  label: string;
  detail?: string;
  record?: Record<string, unknown>;
}

/** The host's search: receives the trimmed query, resolves to the suggestions. It may reject. */
export type AutocompleteSearch = (query: string) => Promise<AutocompleteOption[]>;

export interface AutocompleteSelectDetail {
  option: AutocompleteOption;
}

export interface AutocompleteCreateDetail {
  /** The text typed when the create entry was chosen. */
  query: string;
}

const ERROR_TEXT = 'Recherche indisponible pour le moment.';
const EMPTY_TEXT = 'Aucun résultat';
const LOADING_TEXT = 'Recherche en cours…';
/** Longer queries are not highlighted in the suggestions (pasted text can be huge). */
const HIGHLIGHT_MAX = 100;
const NOT_OWN = Symbol('not-own');

type Status = 'idle' | 'loading' | 'done' | 'error';

/** Keeps only usable suggestions; anything but an array means the provider is broken. */
function normalize(raw: unknown): AutocompleteOption[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: AutocompleteOption[] = [];
  for (const item of raw as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (o.value === undefined || o.value === null) continue;
    const value = String(o.value);
    const label = o.label === undefined || o.label === null ? value : String(o.label);
    const option: AutocompleteOption = { value, label };
    if (o.detail !== undefined && o.detail !== null && o.detail !== '') option.detail = String(o.detail);
    if (o.record !== null && typeof o.record === 'object') option.record = o.record as Record<string, unknown>;
    out.push(option);
  }
  return out;
}

function countText(n: number): string {
  return n === 0 ? EMPTY_TEXT : n === 1 ? '1 résultat' : `${n} résultats`;
}

/**
 * A text field with suggestions from the host (combobox with list autocomplete, WAI-ARIA APG): an
 * établissement by raison sociale, SIRET or ville, an organisme de formation, a RNCP code, a tutor by the
 * first letters of the name… The host gives `search`; it runs `debounce` ms after typing stops, once the
 * text has `min-chars` characters. An answer that arrives after a newer search started is ignored. A
 * failing provider shows « Recherche indisponible pour le moment. », an empty answer « Aucun résultat »;
 * the number of results is announced to screen readers.
 *
 * Value: the typed text (a string, `undefined` when empty) while typing; `option.value` once a suggestion
 * is chosen (the input then shows `option.label`). A value set by the host is shown as is, or as
 * `value-label` when given.
 *
 * Keyboard: ArrowDown/ArrowUp open the list (searching if needed) and move in it (wrapping), Alt+ArrowDown
 * opens without moving, Enter chooses, Escape closes the list, Tab leaves.
 *
 * @summary Text field with suggestions (combobox with list autocomplete).
 * @event input - On each keystroke; `value` holds the typed text.
 * @event change - When a suggestion is chosen, or on leaving the field after typing.
 * @event autocomplete-select - A suggestion was chosen (after `change`); `detail.option` holds it, with
 *   its `record`, so linked read-only fields can be filled. Bubbles, composed.
 * @event autocomplete-create - The `create-label` entry was chosen; `detail.query` holds the typed text.
 *   Bubbles, composed.
 * @csspart base - The wrapper. @csspart label - The label. @csspart hint - Help and example.
 * @csspart input - The input. @csspart popup - The pop-up. @csspart popup-message - Its message (loading,
 *   no result, error). @csspart listbox - The list. @csspart option - Each suggestion (also option-active,
 *   option-create). @csspart option-detail - The second line of a suggestion. @csspart match - The part of
 *   a suggestion matching the text typed. @csspart message - The message (with part error or warning).
 * @cssproperty --akto-listbox-max-height - Height of the open list before it scrolls (default 18rem).
 * @cssproperty --akto-popup-z-index - Stacking of the open list (default 20).
 */
@customElement('akto-field-autocomplete')
export class AktoFieldAutocomplete extends AktoField {
  static override styles = [
    ...AktoField.styles,
    listboxStyles,
    css`
      input {
        min-height: 2.75rem;
      }
      [role='listbox'] {
        margin: 0;
        padding: 0;
      }
      .popup-message {
        padding: 0.6rem 0.75rem;
        color: var(--_muted);
        font-style: italic;
      }
      .popup-message.error {
        color: var(--_error);
        font-style: normal;
      }
      .text {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      [part~='option-detail'] {
        font-size: 0.85rem;
        color: var(--_muted);
      }
      .active [part~='option-detail'] {
        color: inherit;
      }
      [part~='match'] {
        font-weight: 700;
        text-decoration: underline;
      }
      [part~='option-create'] {
        border-top: 1px solid var(--_border);
        color: var(--_primary);
        font-weight: 600;
      }
      [part~='option-create'].active {
        color: var(--_primary-contrast);
      }
    `,
  ];

  /** The host's provider of suggestions. Without it the field is a plain text field. */
  @property({ attribute: false }) search?: AutocompleteSearch;
  /** Characters to type before searching. */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 2;
  /** Quiet time (ms) after the last keystroke before searching. */
  @property({ type: Number }) debounce = 200;
  /** When set, a last entry (e.g. « Nouvel établissement ») that emits `autocomplete-create`. */
  @property({ attribute: 'create-label' }) createLabel = '';
  /** Text shown for a value set by the host (e.g. the label of a restored code). */
  @property({ attribute: 'value-label' }) valueLabel = '';

  @state() private text = '';
  @state() private results: AutocompleteOption[] = [];
  @state() private status: Status = 'idle';
  @state() private open = false;
  @state() private active = -1;
  @state() private announcement = '';

  @query('[role="listbox"]') private listbox?: HTMLElement;
  @query('.popup') private popup?: HTMLElement;

  /** The query `results` answer. */
  private resultsQuery = '';
  /** The last value this element committed, to tell it from a value set by the host. */
  private own: unknown = NOT_OWN;
  /** Text typed since the last `change`. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every search and every cancel; an answer for an older id is stale. */
  private requestId = 0;

  private get listId(): string {
    return `${this.controlId}-listbox`;
  }

  private optionId(index: number): string {
    return `${this.controlId}-option-${index}`;
  }

  private get optionCount(): number {
    return this.results.length + (this.createLabel ? 1 : 0);
  }

  private get popupMessage(): string {
    if (this.status === 'error') return ERROR_TEXT;
    if (this.status === 'done' && this.results.length === 0) return EMPTY_TEXT;
    if (this.status === 'loading' && this.results.length === 0) return LOADING_TEXT;
    return '';
  }

  private get locked(): boolean {
    return this.readonly || this.disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('value') || changed.has('valueLabel')) && this.value !== this.own) {
      const v = this.value;
      this.text = this.valueLabel || (v === undefined || v === null ? '' : String(v));
      this.own = NOT_OWN;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.open && this.popup && this.listbox && this.active >= 0 && (changed.has('active') || changed.has('open'))) {
      scrollIntoList(this.popup, this.listbox.querySelector<HTMLElement>(`#${this.optionId(this.active)}`));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel();
    this.open = false;
  }

  private emit(value: unknown, type: 'input' | 'change'): void {
    this.own = value;
    this.commit(value, type);
  }

  /** Drops the pending search and any answer still to come. */
  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.requestId++;
    if (this.status === 'loading') this.status = this.resultsQuery ? 'done' : 'idle';
  }

  private closeList(): void {
    this.open = false;
    this.active = -1;
  }

  private canSearch(query: string): boolean {
    return !!this.search && query.length >= Math.max(0, Number(this.minChars) || 0) && query.length > 0;
  }

  private onInput(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    this.text = text;
    this.dirty = true;
    this.active = -1;
    this.announcement = '';
    this.emit(text === '' ? undefined : text, 'input');
    this.cancel();
    const query = text.trim();
    if (!this.canSearch(query)) {
      this.results = [];
      this.resultsQuery = '';
      this.status = 'idle';
      this.closeList();
      return;
    }
    const delay = Math.max(0, Number(this.debounce) || 0);
    this.timer = setTimeout(() => void this.runSearch(query), delay);
  }

  private async runSearch(query: string): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const id = ++this.requestId;
    const provider = this.search;
    this.status = 'loading';
    this.announcement = '';
    this.open = true;
    let results: AutocompleteOption[] | undefined;
    try {
      if (!provider) throw new Error('no provider');
      results = normalize(await provider(query));
    } catch {
      results = undefined;
    }
    if (id !== this.requestId || !this.isConnected) return;
    this.results = results ?? [];
    this.resultsQuery = query;
    this.status = results ? 'done' : 'error';
    this.active = -1;
    this.open = true;
    this.announcement = results ? countText(results.length) : ERROR_TEXT;
  }

  /** Opens the list from the keyboard: reuses the answer for the current text, or searches now. */
  private openList(active: 'first' | 'last' | 'none'): void {
    const query = this.text.trim();
    const fresh = this.resultsQuery === query && (this.status === 'done' || this.status === 'error');
    if (fresh || this.status === 'loading' || !this.canSearch(query)) {
      if (!fresh && this.status !== 'loading') {
        // Nothing to search: only the create entry can be offered.
        if (!this.createLabel) return;
        this.results = [];
        this.resultsQuery = '';
        this.status = 'idle';
      }
      this.open = true;
      const count = this.optionCount;
      this.active = count === 0 || active === 'none' ? -1 : active === 'first' ? 0 : count - 1;
      return;
    }
    void this.runSearch(query);
  }

  private activate(index: number): void {
    if (index < this.results.length) {
      const option = this.results[index];
      if (option) this.choose(option);
    } else if (this.createLabel && index === this.results.length) {
      this.cancel();
      this.closeList();
      this.dispatchEvent(
        new CustomEvent<AutocompleteCreateDetail>('autocomplete-create', { detail: { query: this.text }, bubbles: true, composed: true }),
      );
    }
  }

  private choose(option: AutocompleteOption): void {
    this.cancel();
    this.closeList();
    this.text = option.label;
    this.results = [];
    this.resultsQuery = '';
    this.status = 'idle';
    this.dirty = false;
    this.emit(option.value, 'change');
    this.dispatchEvent(new CustomEvent<AutocompleteSelectDetail>('autocomplete-select', { detail: { option }, bubbles: true, composed: true }));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.locked) return;
    const count = this.optionCount;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.openList(e.altKey ? 'none' : 'first');
        else if (count > 0 && !e.altKey) this.active = this.active + 1 >= count ? 0 : this.active + 1;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.open) this.openList('last');
        else if (count > 0) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter':
        if (this.open && this.active >= 0) {
          e.preventDefault();
          this.activate(this.active);
        } else if (this.open) this.closeList();
        break;
      case 'Escape':
        if (this.open || this.status === 'loading' || this.timer !== undefined) {
          e.preventDefault();
          this.cancel();
          this.closeList();
        }
        break;
      case 'Tab':
        this.closeList();
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.active = -1;
        break;
    }
  }

  private onClick(): void {
    if (this.locked || this.open) return;
    const query = this.text.trim();
    if (query && this.resultsQuery === query && this.status !== 'idle') this.open = true;
  }

  private onFocusOut(): void {
    this.cancel();
    this.closeList();
    if (this.dirty) {
      this.dirty = false;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  /** The label with the typed text emphasised (accents and case ignored). */
  private renderLabelText(label: string): TemplateResult | string {
    const query = this.text.trim();
    if (!query || query.length > HIGHLIGHT_MAX) return label;
    const at = fold(label).indexOf(fold(query));
    if (at < 0) return label;
    return html`${label.slice(0, at)}<span part="match">${label.slice(at, at + query.length)}</span>${label.slice(at + query.length)}`;
  }

  private renderOption(option: AutocompleteOption, index: number): TemplateResult {
    const active = index === this.active;
    return html`<div
      role="option"
      id=${this.optionId(index)}
      part=${active ? 'option option-active' : 'option'}
      class=${active ? 'active' : ''}
      aria-selected=${active ? 'true' : 'false'}
      @click=${() => this.activate(index)}
    >
      <span class="text"
        ><span>${this.renderLabelText(option.label)}</span>
        ${option.detail ? html`<span part="option-detail">${option.detail}</span>` : nothing}</span
      >
    </div>`;
  }

  protected renderControl(): TemplateResult {
    const message = this.popupMessage;
    const count = this.optionCount;
    const showList = this.open && count > 0;
    const index = this.results.length;
    const createActive = index === this.active;
    return html`<div class="wrap">
        <input
          part="input"
          id=${this.controlId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-controls=${this.listId}
          aria-activedescendant=${showList && this.active >= 0 ? this.optionId(this.active) : nothing}
          autocomplete="off"
          .value=${live(this.text)}
          ?required=${this.required}
          ?readonly=${this.readonly}
          ?disabled=${this.disabled}
          placeholder=${this.example ? `Ex : ${this.example}` : nothing}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @click=${this.onClick}
          @focusout=${this.onFocusOut}
        />
        <div part="popup" class="popup" ?hidden=${!this.open || (!message && count === 0)} @mousedown=${(e: Event) => e.preventDefault()}>
          ${message ? html`<div part="popup-message" class=${this.status === 'error' ? 'popup-message error' : 'popup-message'}>${message}</div>` : nothing}
          <div part="listbox" role="listbox" id=${this.listId} aria-label=${this.label || nothing} ?hidden=${!showList}>
            ${showList ? this.results.map((o, i) => this.renderOption(o, i)) : nothing}
            ${showList && this.createLabel
              ? html`<div
                  role="option"
                  id=${this.optionId(index)}
                  part=${createActive ? 'option option-create option-active' : 'option option-create'}
                  class=${createActive ? 'active' : ''}
                  aria-selected=${createActive ? 'true' : 'false'}
                  @click=${() => this.activate(index)}
                >
                  <span class="tick" aria-hidden="true">+</span> <span>${this.createLabel}</span>
                </div>`
              : nothing}
          </div>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-autocomplete': AktoFieldAutocomplete;
  }
  interface HTMLElementEventMap {
    'autocomplete-select': CustomEvent<AutocompleteSelectDetail>;
    'autocomplete-create': CustomEvent<AutocompleteCreateDetail>;
  }
}
