import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AktoField } from '../../internal/field-element.js';
import { fieldDateStyles } from './field-date.styles.js';
import {
  MONTHS_LONG,
  MONTHS_SHORT,
  WEEKDAYS_LONG,
  WEEKDAYS_SHORT,
  addDays,
  addMonths,
  clamp,
  compare,
  daysInMonth,
  monthGrid,
  parseFrench,
  parseIso,
  sameDay,
  toFrench,
  toIso,
  toLongFrench,
  today,
  weekday,
  type DateParts,
} from './date-utils.js';

type View = 'days' | 'months' | 'years';
type FocusTarget = 'grid' | 'months' | 'years' | 'toggle';

/** Years shown at once in the year grid (4 rows of 3). */
const YEARS_PER_PAGE = 12;

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
 * calendar button, Tab stays inside the calendar.
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

  /** The calendar is open. */
  @state() private open = false;
  @state() private view: View = 'days';
  /** The active day in the calendar: it sets the month and year shown. */
  @state() private active: DateParts = today();
  /** First year of the page shown in the year grid. */
  @state() private yearStart = 0;
  /** What the user is typing, shown as is while it still means the current value. */
  @state() private draft: string | undefined;

  private pendingFocus: FocusTarget | undefined;
  /** The day of today when the calendar opened (kept stable while it stays open). */
  private todayParts: DateParts = today();

  private get dialogId(): string {
    return `${this.controlId}-calendar`;
  }
  private get headingId(): string {
    return `${this.controlId}-calendar-heading`;
  }
  private get minParts(): DateParts | undefined {
    return parseIso(this.min);
  }
  private get maxParts(): DateParts | undefined {
    return parseIso(this.max);
  }
  private get selected(): DateParts | undefined {
    return parseIso(this.value);
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
    else this.show();
  }

  private show(): void {
    if (this.disabled || this.readonly) return;
    this.todayParts = today();
    this.active = clamp(this.selected ?? this.todayParts, this.minParts, this.maxParts);
    this.view = 'days';
    this.open = true;
    this.pendingFocus = 'grid';
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  private close(returnFocus: boolean): void {
    this.open = false;
    this.view = 'days';
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    if (returnFocus) this.pendingFocus = 'toggle';
  }

  /** A press anywhere but in the calendar or on its button (the input included) closes the calendar. */
  private readonly onDocumentPointerDown = (e: Event): void => {
    const root = this.renderRoot as ShadowRoot;
    const path = e.composedPath();
    const inside = [root.querySelector('[part="calendar"]'), root.querySelector('.toggle')].some((node) => !!node && path.includes(node));
    if (!inside) this.close(false);
  };

  // ---------------------------------------------------------------- choosing

  private isDisabled(d: DateParts): boolean {
    const min = this.minParts;
    const max = this.maxParts;
    return (!!min && compare(d, min) < 0) || (!!max && compare(d, max) > 0);
  }

  /** Every day of the span [first, last] lies outside min/max. */
  private spanDisabled(first: DateParts, last: DateParts): boolean {
    const min = this.minParts;
    const max = this.maxParts;
    return (!!min && compare(last, min) < 0) || (!!max && compare(first, max) > 0);
  }

  private monthDisabled(year: number, month: number): boolean {
    return this.spanDisabled({ year, month, day: 1 }, { year, month, day: daysInMonth(year, month) });
  }

  private yearDisabled(year: number): boolean {
    return this.spanDisabled({ year, month: 1, day: 1 }, { year, month: 12, day: 31 });
  }

  private pick(d: DateParts): void {
    if (this.isDisabled(d)) return;
    this.draft = undefined;
    this.close(true);
    this.commit(toIso(d), 'input');
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private moveTo(d: DateParts, focus: FocusTarget | undefined = 'grid'): void {
    this.active = d;
    if (focus) this.pendingFocus = focus;
  }

  private showMonths(): void {
    this.view = 'months';
    this.pendingFocus = 'months';
  }

  private showYears(): void {
    this.yearStart = this.active.year - (((this.active.year % YEARS_PER_PAGE) + YEARS_PER_PAGE) % YEARS_PER_PAGE);
    this.view = 'years';
    this.pendingFocus = 'years';
  }

  private chooseMonth(month: number): void {
    if (this.monthDisabled(this.active.year, month)) return;
    const { year } = this.active;
    this.active = clamp({ year, month, day: Math.min(this.active.day, daysInMonth(year, month)) }, this.minParts, this.maxParts);
    this.view = 'days';
    this.pendingFocus = 'grid';
  }

  private chooseYear(year: number): void {
    if (this.yearDisabled(year)) return;
    const { month } = this.active;
    this.active = clamp({ year, month, day: Math.min(this.active.day, daysInMonth(year, month)) }, this.minParts, this.maxParts);
    this.view = 'months';
    this.pendingFocus = 'months';
  }

  /** Previous/next: a month in the day grid, a year in the month grid, a page in the year grid. */
  private step(direction: -1 | 1): void {
    if (this.view === 'days') this.moveTo(addMonths(this.active, direction), undefined);
    else if (this.view === 'months') this.moveTo(addMonths(this.active, 12 * direction), undefined);
    else {
      this.yearStart += YEARS_PER_PAGE * direction;
      const year = this.active.year + YEARS_PER_PAGE * direction;
      this.moveTo({ ...this.active, year, day: Math.min(this.active.day, daysInMonth(year, this.active.month)) }, undefined);
    }
  }

  private stepDisabled(direction: -1 | 1): boolean {
    if (this.view === 'days') {
      const { year, month } = addMonths(this.active, direction);
      return this.monthDisabled(year, month);
    }
    if (this.view === 'months') return this.yearDisabled(this.active.year + direction);
    const first = direction < 0 ? this.yearStart - 1 : this.yearStart + YEARS_PER_PAGE;
    return this.yearDisabled(first);
  }

  // ---------------------------------------------------------------- keyboard

  private onGridKeydown(e: KeyboardEvent): void {
    const d = this.active;
    let next: DateParts | undefined;
    switch (e.key) {
      case 'ArrowLeft':
        next = addDays(d, -1);
        break;
      case 'ArrowRight':
        next = addDays(d, 1);
        break;
      case 'ArrowUp':
        next = addDays(d, -7);
        break;
      case 'ArrowDown':
        next = addDays(d, 7);
        break;
      case 'PageUp':
        next = addMonths(d, e.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addMonths(d, e.shiftKey ? 12 : 1);
        break;
      case 'Home':
        next = addDays(d, -weekday(d));
        break;
      case 'End':
        next = addDays(d, 6 - weekday(d));
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.pick(d);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.moveTo(next);
  }

  /** Arrows in the month and year grids (3 columns). */
  private onCellsKeydown(e: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3 };
    let delta = moves[e.key];
    if (this.view === 'months') {
      if (e.key === 'Home') delta = 1 - this.active.month;
      if (e.key === 'End') delta = 12 - this.active.month;
      if (delta === undefined) return;
      e.preventDefault();
      const month = Math.min(12, Math.max(1, this.active.month + delta));
      this.moveTo({ ...this.active, month, day: Math.min(this.active.day, daysInMonth(this.active.year, month)) }, 'months');
    } else {
      if (e.key === 'PageUp') delta = -YEARS_PER_PAGE;
      if (e.key === 'PageDown') delta = YEARS_PER_PAGE;
      if (delta === undefined) return;
      e.preventDefault();
      const year = this.active.year + delta;
      if (year < this.yearStart || year >= this.yearStart + YEARS_PER_PAGE) this.yearStart += YEARS_PER_PAGE * Math.sign(delta);
      this.moveTo({ ...this.active, year, day: Math.min(this.active.day, daysInMonth(year, this.active.month)) }, 'years');
    }
  }

  private onDialogKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
      return;
    }
    if (e.key !== 'Tab') return;
    // Modal: Tab and Shift+Tab cycle inside the calendar.
    const dialog = e.currentTarget as HTMLElement;
    const focusables = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]):not([tabindex="-1"]), [tabindex="0"]')];
    if (!focusables.length) return;
    const current = (this.renderRoot as ShadowRoot).activeElement;
    const index = focusables.indexOf(current as HTMLElement);
    const last = focusables.length - 1;
    if (e.shiftKey && index <= 0) {
      e.preventDefault();
      focusables[last]!.focus();
    } else if (!e.shiftKey && (index === last || index === -1)) {
      e.preventDefault();
      focusables[0]!.focus();
    }
  }

  /** A click on the calendar's background must not move focus (the shadow root delegates focus). */
  private onDialogMouseDown(e: MouseEvent): void {
    const target = e.composedPath()[0] as Element | undefined;
    if (target instanceof Element && !target.closest('button, td')) e.preventDefault();
  }

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
        aria-controls=${this.open ? this.dialogId : nothing}
        ?disabled=${inactive}
        @click=${this.toggle}
      >
        ${calendarIcon}
      </button>
      ${this.open ? this.renderCalendar() : nothing}
    </div>`;
  }

  private renderCalendar(): TemplateResult {
    const { year, month } = this.active;
    const heading =
      this.view === 'days'
        ? `${MONTHS_LONG[month - 1]} ${year}`
        : this.view === 'months'
          ? `Mois de ${year}`
          : `Années ${this.yearStart} à ${this.yearStart + YEARS_PER_PAGE - 1}`;
    const prevLabel = this.view === 'days' ? 'Mois précédent' : this.view === 'months' ? 'Année précédente' : 'Années précédentes';
    const nextLabel = this.view === 'days' ? 'Mois suivant' : this.view === 'months' ? 'Année suivante' : 'Années suivantes';
    return html`<div
      part="calendar"
      id=${this.dialogId}
      role="dialog"
      aria-modal="true"
      aria-label=${this.label ? `Choisir une date : ${this.label}` : 'Choisir une date'}
      @keydown=${this.onDialogKeydown}
      @mousedown=${this.onDialogMouseDown}
    >
      <div class="header">
        <button type="button" class="nav prev" aria-label=${prevLabel} ?disabled=${this.stepDisabled(-1)} @click=${() => this.step(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <div class="title">${this.renderTitle()}</div>
        <button type="button" class="nav next" aria-label=${nextLabel} ?disabled=${this.stepDisabled(1)} @click=${() => this.step(1)}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div class="visually-hidden" id=${this.headingId} aria-live="polite">${heading}</div>
      ${this.view === 'days' ? this.renderDays() : this.view === 'months' ? this.renderMonths() : this.renderYears()}
    </div>`;
  }

  private renderTitle(): TemplateResult {
    const { year, month } = this.active;
    const yearButton = html`<button type="button" class="year-button" @click=${this.showYears}>
      ${year}<span class="visually-hidden"> : choisir l'année</span>
    </button>`;
    if (this.view === 'days') {
      return html`<button type="button" class="month-button" @click=${this.showMonths}>
          ${MONTHS_SHORT[month - 1]}<span class="visually-hidden"> : choisir le mois</span></button
        >${yearButton}`;
    }
    if (this.view === 'months') return yearButton;
    return html`<span class="range">${this.yearStart} – ${this.yearStart + YEARS_PER_PAGE - 1}</span>`;
  }

  private renderDays(): TemplateResult {
    const days = monthGrid(this.active.year, this.active.month);
    const weeks = Array.from({ length: 6 }, (_, w) => days.slice(w * 7, w * 7 + 7));
    const selected = this.selected;
    return html`<table role="grid" aria-labelledby=${this.headingId} @keydown=${this.onGridKeydown}>
      <thead>
        <tr>
          ${WEEKDAYS_SHORT.map((d, i) => html`<th scope="col" abbr=${WEEKDAYS_LONG[i]!}>${d}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((d) => {
                const active = sameDay(d, this.active);
                const disabled = this.isDisabled(d);
                const isSelected = sameDay(d, selected);
                return html`<td
                  class=${d.month === this.active.month ? 'day' : 'day outside'}
                  tabindex=${active ? '0' : '-1'}
                  data-date=${toIso(d)}
                  aria-label=${toLongFrench(d)}
                  aria-selected=${isSelected ? 'true' : nothing}
                  aria-current=${sameDay(d, this.todayParts) ? 'date' : nothing}
                  aria-disabled=${disabled ? 'true' : nothing}
                  @click=${() => this.pick(d)}
                >
                  ${d.day}
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderMonths(): TemplateResult {
    const { year } = this.active;
    return html`<div class="cells months" role="group" aria-labelledby=${this.headingId} @keydown=${this.onCellsKeydown}>
      ${MONTHS_SHORT.map((name, i) => {
        const month = i + 1;
        return html`<button
          type="button"
          data-month=${month}
          tabindex=${month === this.active.month ? '0' : '-1'}
          class=${year === this.todayParts.year && month === this.todayParts.month ? 'today' : ''}
          aria-current=${month === this.active.month ? 'true' : nothing}
          aria-disabled=${this.monthDisabled(year, month) ? 'true' : nothing}
          @click=${() => this.chooseMonth(month)}
        >
          ${name}
        </button>`;
      })}
    </div>`;
  }

  private renderYears(): TemplateResult {
    const years = Array.from({ length: YEARS_PER_PAGE }, (_, i) => this.yearStart + i);
    return html`<div class="cells years" role="group" aria-labelledby=${this.headingId} @keydown=${this.onCellsKeydown}>
      ${years.map(
        (year) =>
          html`<button
            type="button"
            data-year=${year}
            tabindex=${year === this.active.year ? '0' : '-1'}
            class=${year === this.todayParts.year ? 'today' : ''}
            aria-current=${year === this.active.year ? 'true' : nothing}
            aria-disabled=${this.yearDisabled(year) ? 'true' : nothing}
            @click=${() => this.chooseYear(year)}
          >
            ${year}
          </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-date': AktoFieldDate;
  }
}
