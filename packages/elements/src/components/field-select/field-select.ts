import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AktoField } from '../../internal/field-element.js';
import { fold, scrollIntoList } from './listbox.js';
import { listboxStyles } from './listbox.styles.js';

export interface SelectOption {
  code: string;
  label: string;
}

/** Typed letters are gathered into one search while keys follow each other within this delay. */
const TYPEAHEAD_MS = 500;
const PAGE = 10;
const PLACEHOLDER = 'Sélectionnez un élément';

/**
 * A list to choose from, drawn as a select-only combobox (WAI-ARIA APG pattern). It shows
 * « Sélectionnez un élément » while empty; the list opens with a click on the field or its arrow.
 * Choosing the selected entry again clears the choice, as the guide says (« vous pouvez désélectionner
 * votre choix en re cliquant dessus »); Enter on the selected entry does the same from the keyboard.
 *
 * Value: the `code` of the chosen option (a string), or `undefined` when nothing is chosen. A value that
 * is not among the options is shown as is, never dropped.
 *
 * Keyboard: Enter, Space, ArrowDown, ArrowUp open; Alt+ArrowDown opens; Home/End open on the first/last
 * entry; typing letters opens and jumps to the first matching entry (accents and case ignored, "code -
 * libellé" or libellé). In the open list: arrows, Home, End, PageUp, PageDown move; letters jump; Enter or
 * Space choose (or clear when on the selected entry); Alt+ArrowUp chooses without clearing; Escape and
 * Tab close without changing the value.
 *
 * @summary Code list select (select-only combobox).
 * @event change - When an option is chosen or the choice is cleared; `value` is up to date.
 * @csspart base - The wrapper. @csspart label - The label. @csspart hint - Help and example.
 * @csspart combobox - The field showing the choice. @csspart display - Its text. @csspart arrow - The arrow.
 * @csspart listbox - The pop-up list. @csspart option - Each entry (also option-selected, option-active).
 * @csspart message - The message (with part error or warning).
 * @cssproperty --akto-listbox-max-height - Height of the open list before it scrolls (default 18rem).
 * @cssproperty --akto-popup-z-index - Stacking of the open list (default 20).
 */
@customElement('akto-field-select')
export class AktoFieldSelect extends AktoField {
  static override styles = [
    ...AktoField.styles,
    listboxStyles,
    css`
      [role='combobox'] {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        width: 100%;
        min-height: 2.75rem;
        box-sizing: border-box;
        padding: 0.45rem 0.6rem;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        cursor: pointer;
        user-select: none;
      }
      [role='combobox']:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 1px;
      }
      [role='combobox'][aria-invalid='true'] {
        border-color: var(--_error);
        border-width: 2px;
      }
      [part='display'] {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .placeholder {
        color: var(--_muted);
      }
      [part='arrow'] {
        flex: none;
        width: 0.5rem;
        height: 0.5rem;
        margin: 0 0.25rem 0.2rem;
        border-right: 2px solid currentColor;
        border-bottom: 2px solid currentColor;
        transform: rotate(45deg);
      }
      [aria-expanded='true'] [part='arrow'] {
        transform: rotate(-135deg);
        margin-bottom: -0.2rem;
      }
      [role='option'][aria-selected='true'] {
        font-weight: 600;
      }
      :host([readonly]) [role='combobox'],
      :host([disabled]) [role='combobox'] {
        background: var(--_readonly);
        color: var(--_muted);
        cursor: default;
      }
      :host([disabled]) [role='combobox'] {
        cursor: not-allowed;
      }
      :host([readonly]) [part='arrow'],
      :host([disabled]) [part='arrow'] {
        opacity: 0.5;
      }
    `,
  ];

  @property({ attribute: false }) options: SelectOption[] = [];
  /** Show "code - libellé" (diplômes, dérogations) rather than the label alone. */
  @property({ type: Boolean, attribute: 'show-code' }) showCode = false;

  @state() private open = false;
  /** Index of the option with visual focus while the list is open. */
  @state() private active = -1;

  @query('[role="listbox"]') private listbox?: HTMLElement;

  private typed = '';
  private typedTimer: ReturnType<typeof setTimeout> | undefined;

  private get listId(): string {
    return `${this.controlId}-listbox`;
  }

  private get labelId(): string {
    return `${this.controlId}-label`;
  }

  private optionId(index: number): string {
    return `${this.controlId}-option-${index}`;
  }

  private get list(): SelectOption[] {
    return Array.isArray(this.options) ? this.options.filter((o) => o !== null && typeof o === 'object') : [];
  }

  private get current(): string | undefined {
    const v = this.value;
    return v === undefined || v === null || v === '' ? undefined : String(v);
  }

  private get selectedIndex(): number {
    const current = this.current;
    return current === undefined ? -1 : this.list.findIndex((o) => String(o.code) === current);
  }

  private get locked(): boolean {
    return this.readonly || this.disabled;
  }

  private text(o: SelectOption): string {
    const label = o.label === undefined || o.label === null ? '' : String(o.label);
    return this.showCode ? `${String(o.code)} - ${label}` : label || String(o.code);
  }

  /** Opens the list with visual focus on `active`, or on the chosen entry, or on the first one. */
  private openList(active?: number): void {
    const count = this.list.length;
    if (this.locked || count === 0) return;
    this.open = true;
    const start = active ?? this.selectedIndex;
    this.active = Math.min(Math.max(start, 0), count - 1);
  }

  private closeList(): void {
    this.open = false;
    this.active = -1;
    this.typed = '';
  }

  /** Chooses the option at `index`; with `toggle`, choosing the chosen one clears the value. */
  private choose(index: number, toggle: boolean): void {
    const option = this.list[index];
    this.closeList();
    if (!option) return;
    const code = String(option.code);
    const next = code === this.current ? (toggle ? undefined : code) : code;
    if (next !== this.current) this.commit(next, 'change');
  }

  /** Finds the next option whose text starts with the typed letters, from `from` and wrapping around. */
  private find(prefix: string, from: number): number {
    const list = this.list;
    const n = list.length;
    const wanted = fold(prefix);
    for (let k = 0; k < n; k++) {
      const i = (((from + k) % n) + n) % n;
      const o = list[i];
      if (!o) continue;
      const label = o.label === undefined || o.label === null ? '' : String(o.label);
      if (fold(this.text(o)).startsWith(wanted) || fold(label).startsWith(wanted)) return i;
    }
    return -1;
  }

  private typeAhead(char: string): void {
    clearTimeout(this.typedTimer);
    this.typed += char;
    this.typedTimer = setTimeout(() => (this.typed = ''), TYPEAHEAD_MS);
    const base = this.open ? this.active : this.selectedIndex;
    const buffer = this.typed;
    const sameLetter = [...buffer].every((c) => c === buffer[0]);
    let index: number;
    if (buffer.length === 1) index = this.find(buffer, base + 1);
    else {
      index = this.find(buffer, Math.max(base, 0));
      if (index < 0 && sameLetter) index = this.find(buffer.charAt(0), base + 1);
    }
    if (!this.open) this.openList(index >= 0 ? index : undefined);
    else if (index >= 0) this.active = index;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.locked) return;
    const count = this.list.length;
    const { key } = e;
    const printable = key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!this.open) {
      if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ') this.openList();
      else if (key === 'Home') this.openList(0);
      else if (key === 'End') this.openList(count - 1);
      else if (printable) this.typeAhead(key);
      else return;
      e.preventDefault();
      return;
    }
    switch (key) {
      case 'ArrowDown':
        this.active = e.altKey ? this.active : Math.min(this.active + 1, count - 1);
        break;
      case 'ArrowUp':
        if (e.altKey) this.choose(this.active, false);
        else this.active = Math.max(this.active - 1, 0);
        break;
      case 'Home':
        this.active = 0;
        break;
      case 'End':
        this.active = count - 1;
        break;
      case 'PageDown':
        this.active = Math.min(this.active + PAGE, count - 1);
        break;
      case 'PageUp':
        this.active = Math.max(this.active - PAGE, 0);
        break;
      case 'Enter':
        this.choose(this.active, true);
        break;
      case ' ':
        if (this.typed) this.typeAhead(key);
        else this.choose(this.active, true);
        break;
      case 'Escape':
        this.closeList();
        break;
      case 'Tab':
        this.closeList();
        return;
      default:
        if (!printable) return;
        this.typeAhead(key);
    }
    e.preventDefault();
  }

  private onClick(): void {
    if (this.locked) return;
    if (this.open) this.closeList();
    else this.openList();
  }

  private onFocusOut(): void {
    if (this.open) this.closeList();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typedTimer);
    this.closeList();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.open && this.listbox && (changed.has('active') || changed.has('open'))) {
      scrollIntoList(this.listbox, this.listbox.querySelector<HTMLElement>(`#${this.optionId(this.active)}`));
    }
  }

  /** The label is a span named by id: a div combobox cannot be the target of <label for>. */
  override render(): TemplateResult {
    return html`<div part="base">${this.renderLabel('span')}${this.renderHint()}${this.renderControl()}${this.renderMessage()}</div>`;
  }

  protected renderControl(): TemplateResult {
    const list = this.list;
    const selected = this.selectedIndex;
    const current = this.current;
    const option = list[selected];
    const shown = option ? this.text(option) : (current ?? '');
    return html`<div class="wrap">
      <div
        part="combobox"
        id=${this.controlId}
        role="combobox"
        tabindex=${this.disabled ? nothing : '0'}
        aria-labelledby=${this.labelId}
        aria-controls=${this.listId}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-haspopup="listbox"
        aria-activedescendant=${this.open && this.active >= 0 ? this.optionId(this.active) : nothing}
        aria-required=${this.required ? 'true' : nothing}
        aria-readonly=${this.readonly ? 'true' : nothing}
        aria-disabled=${this.disabled ? 'true' : nothing}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @click=${this.onClick}
        @keydown=${this.onKeyDown}
        @focusout=${this.onFocusOut}
      >
        <span part="display" class=${shown ? 'value' : 'placeholder'}>${shown || PLACEHOLDER}</span>
        <span part="arrow" aria-hidden="true"></span>
      </div>
      <div
        part="listbox"
        class="popup"
        role="listbox"
        id=${this.listId}
        aria-labelledby=${this.labelId}
        tabindex="-1"
        ?hidden=${!this.open}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${this.open
          ? list.map(
              (o, i) =>
                html`<div
                  role="option"
                  id=${this.optionId(i)}
                  part=${`option${i === selected ? ' option-selected' : ''}${i === this.active ? ' option-active' : ''}`}
                  class=${i === this.active ? 'active' : ''}
                  aria-selected=${i === selected ? 'true' : 'false'}
                  @click=${() => this.choose(i, true)}
                >
                  <span class="tick" aria-hidden="true">${i === selected ? '✓' : ''}</span><span>${this.text(o)}</span>
                </div>`,
            )
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-select': AktoFieldSelect;
  }
}
