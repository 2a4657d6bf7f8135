import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AktoField } from '../../internal/field-element.js';
import { fieldDateStyles } from './field-date.styles.js';
import { parseFrench, parseIso, toFrench, toIso } from './date-utils.js';
import type { CalendarHost, DateCalendar, FocusTarget } from './date-calendar.js';

/** The calendar's code, loaded when a calendar first opens (the text input works without it). */
let calendarModule: Promise<typeof import('./date-calendar.js')> | undefined;

const calendarIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/></svg>`;

/**
 * A date typed as JJ/MM/AAAA or picked in a calendar (WAI-ARIA APG « date picker dialog » pattern).
 *
 * Value: the ISO date `YYYY-MM-DD` as stored in dossiers, or `undefined` when empty. Text that is not a
 * complete, real date ("11", "31/02/2024", letters) is committed as typed, unchanged, so the engine
 * reports « Saisissez une valeur de date valide au format JJ/MM/AAAA. » and nothing typed is lost.
 * Typing also accepts J/M/AAAA, JJ-MM-AAAA, JJ.MM.AAAA, JJMMAAAA and a pasted ISO date; a two-digit year is
 * never guessed. An ISO `example` ("1990-01-01") is shown as « Ex : 01/01/1990 ».
 *
 * Calendar keyboard: arrows move by day and week, Page Up/Down by month, Shift+Page Up/Down by year,
 * Home/End to the start/end of the week, Enter or Space select, Escape closes and returns focus to the
 * calendar button, Tab stays inside the calendar. The calendar's code (./date-calendar.ts) loads on its first
 * opening.
 *
 * @summary Date field with a calendar popup.
 * @event input - On each keystroke and when a day is picked; `value` holds the new value.
 * @event change - When the input loses focus after a change, and when a day is picked in the calendar.
 * @csspart base - The wrapper. @csspart label - The label. @csspart hint - Format, help and example.
 * @csspart control - The box around the input and the calendar button. @csspart input - The text input.
 * @csspart calendar-button - The button that opens the calendar. @csspart calendar - The calendar dialog.
 * @csspart message - The message (with part error or warning).
 * @cssproperty --akto-color-primary - Calendar buttons, today's ring and the selected day.
 */
@customElement('akto-field-date')
export class AktoFieldDate extends AktoField {
  static override styles = [...AktoField.styles, fieldDateStyles];

  /** Earliest selectable day in the calendar (ISO `YYYY-MM-DD`); typing is not restricted. */
  @property() min?: string;
  /** Latest selectable day in the calendar (ISO `YYYY-MM-DD`); typing is not restricted. */
  @property() max?: string;

  /** The calendar, while it is open. */
  @state() private calendar: DateCalendar | undefined;
  /** What the user is typing, shown as is while it still means the current value. */
  @state() private draft: string | undefined;

  private pendingFocus: FocusTarget | undefined;
  /** Bumped by each opening and closing: a calendar whose code arrives after a close stays closed. */
  private openings = 0;

  private get open(): boolean {
    return this.calendar !== undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed.has('disabled') || changed.has('readonly')) && (this.disabled || this.readonly) && this.open) this.close(false);
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = undefined;
    const root = this.renderRoot as ShadowRoot;
    const selector =
      target === 'toggle' ? '.toggle' : target === 'grid' ? 'td[tabindex="0"]' : target === 'months' ? '.months button[tabindex="0"]' : '.years button[tabindex="0"]';
    root.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---------------------------------------------------------------- typing

  /** Text → value: empty → undefined, a real date → ISO, anything else → the text unchanged. */
  private parse(text: string): unknown {
    if (text.trim() === '') return undefined;
    const parts = parseFrench(text);
    return parts ? toIso(parts) : text;
  }

  private format(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') {
      const parts = parseIso(value);
      return parts ? toFrench(parts) : value;
    }
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? '' : toFrench({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
    }
    return String(value);
  }

  private shownText(): string {
    if (this.draft !== undefined && this.parse(this.draft) === this.value) return this.draft;
    return this.format(this.value);
  }

  private onInput(e: Event): void {
    // One `input` event per keystroke leaves the host: ours, sent once `value` is up to date.
    e.stopPropagation();
    const text = (e.target as HTMLInputElement).value;
    this.draft = text;
    this.commit(this.parse(text), 'input');
  }

  private onChange(): void {
    // The text is now shown in its canonical form (1/2/2024 → 01/02/2024).
    this.draft = undefined;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------- opening and closing

  private toggle(): void {
    if (this.open) this.close(false);
    else void this.show();
  }

  private async show(): Promise<void> {
    if (this.disabled || this.readonly) return;
    const opening = ++this.openings;
    calendarModule ??= import('./date-calendar.js');
    const { DateCalendar, dateCalendarStyles } = await calendarModule;
    if (opening !== this.openings || this.disabled || this.readonly) return;
    const root = this.renderRoot as ShadowRoot;
    const sheet = dateCalendarStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.calendar = new DateCalendar(this.calendarHost);
    this.pendingFocus = 'grid';
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  private close(returnFocus: boolean): void {
    this.openings++;
    this.calendar = undefined;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    if (returnFocus) this.pendingFocus = 'toggle';
  }

  /** What the calendar reads from this field and tells it. */
  private readonly calendarHost: CalendarHost = (() => {
    const field = this;
    return {
      get controlId() {
        return field.controlId;
      },
      get label() {
        return field.label;
      },
      get min() {
        return field.min;
      },
      get max() {
        return field.max;
      },
      get value() {
        return field.value;
      },
      get renderRoot() {
        return field.renderRoot;
      },
      focusLater(target) {
        if (target) field.pendingFocus = target;
        field.requestUpdate();
      },
      picked(iso) {
        field.draft = undefined;
        field.close(true);
        field.commit(iso, 'input');
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      },
      close: (returnFocus) => field.close(returnFocus),
    };
  })();

  /** A press anywhere but in the calendar or on its button (the input included) closes the calendar. */
  private readonly onDocumentPointerDown = (e: Event): void => {
    const root = this.renderRoot as ShadowRoot;
    const path = e.composedPath();
    const inside = [root.querySelector('[part="calendar"]'), root.querySelector('.toggle')].some((node) => !!node && path.includes(node));
    if (!inside) this.close(false);
  };

  // ---------------------------------------------------------------- rendering

  protected override get describedBy(): string | typeof nothing {
    return [`${this.controlId}-hint`, this.error || this.warning ? this.messageId : ''].filter(Boolean).join(' ');
  }

  protected override renderHint(): TemplateResult {
    const lines = [/JJ\/MM\/AAAA/i.test(this.hint) ? '' : 'Format: JJ/MM/AAAA', this.hint, this.example ? `Ex : ${this.format(this.example)}` : ''];
    return html`<span part="hint" id="${this.controlId}-hint">${lines.filter(Boolean).map((line) => html`<span class="hint-line">${line}</span>`)}</span>`;
  }

  protected renderControl(): TemplateResult {
    const inactive = this.disabled || this.readonly;
    return html`<div part="control" class="control">
      <input
        part="input"
        id=${this.controlId}
        type="text"
        autocomplete="off"
        spellcheck="false"
        .value=${live(this.shownText())}
        ?required=${this.required}
        ?readonly=${this.readonly}
        ?disabled=${this.disabled}
        placeholder="JJ/MM/AAAA"
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @input=${this.onInput}
        @change=${this.onChange}
      />
      <button
        part="calendar-button"
        class="toggle"
        type="button"
        aria-label=${this.label ? `Choisir une date dans le calendrier : ${this.label}` : 'Choisir une date dans le calendrier'}
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.calendar ? this.calendar.dialogId : nothing}
        ?disabled=${inactive}
        @click=${this.toggle}
      >
        ${calendarIcon}
      </button>
      ${this.calendar ? this.calendar.render() : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-date': AktoFieldDate;
  }
}
