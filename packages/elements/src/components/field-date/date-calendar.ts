/**
 * The calendar of `akto-field-date` (WAI-ARIA APG « date picker dialog »), loaded when a calendar first
 * opens: the text input works without it. It renders inside the field's own shadow root (its parts and
 * styles are the field's) and keeps the month, year and page shown while it is open.
 */
import { html, nothing, type TemplateResult } from 'lit';
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
  parseIso,
  sameDay,
  toIso,
  toLongFrench,
  today,
  weekday,
  type DateParts,
} from './date-utils.js';
export { dateCalendarStyles } from './date-calendar.styles.js';

type View = 'days' | 'months' | 'years';
export type FocusTarget = 'grid' | 'months' | 'years' | 'toggle';

/** Years shown at once in the year grid (4 rows of 3). */
const YEARS_PER_PAGE = 12;

/** What the calendar reads from and tells its field. */
export interface CalendarHost {
  readonly controlId: string;
  readonly label: string;
  readonly min?: string | undefined;
  readonly max?: string | undefined;
  readonly value: unknown;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Re-render, then focus this target. */
  focusLater(target: FocusTarget | undefined): void;
  /** A day was chosen (ISO date): the field takes it and closes the calendar. */
  picked(iso: string): void;
  close(returnFocus: boolean): void;
}

export class DateCalendar {
  private view: View = 'days';
  /** The active day: it sets the month and year shown. */
  private active: DateParts;
  /** First year of the page shown in the year grid. */
  private yearStart = 0;
  /** The day of today when the calendar opened (kept stable while it stays open). */
  private readonly todayParts: DateParts = today();

  constructor(private readonly host: CalendarHost) {
    this.active = clamp(this.selected ?? this.todayParts, this.minParts, this.maxParts);
  }

  get dialogId(): string {
    return `${this.host.controlId}-calendar`;
  }
  private get headingId(): string {
    return `${this.host.controlId}-calendar-heading`;
  }
  private get minParts(): DateParts | undefined {
    return parseIso(this.host.min);
  }
  private get maxParts(): DateParts | undefined {
    return parseIso(this.host.max);
  }
  private get selected(): DateParts | undefined {
    return parseIso(this.host.value);
  }

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
    if (!this.isDisabled(d)) this.host.picked(toIso(d));
  }

  private moveTo(d: DateParts, focus: FocusTarget | undefined = 'grid'): void {
    this.active = d;
    this.host.focusLater(focus);
  }

  private showMonths(): void {
    this.view = 'months';
    this.host.focusLater('months');
  }

  private showYears(): void {
    this.yearStart = this.active.year - (((this.active.year % YEARS_PER_PAGE) + YEARS_PER_PAGE) % YEARS_PER_PAGE);
    this.view = 'years';
    this.host.focusLater('years');
  }

  private chooseMonth(month: number): void {
    if (this.monthDisabled(this.active.year, month)) return;
    const { year } = this.active;
    this.active = clamp({ year, month, day: Math.min(this.active.day, daysInMonth(year, month)) }, this.minParts, this.maxParts);
    this.view = 'days';
    this.host.focusLater('grid');
  }

  private chooseYear(year: number): void {
    if (this.yearDisabled(year)) return;
    const { month } = this.active;
    this.active = clamp({ year, month, day: Math.min(this.active.day, daysInMonth(year, month)) }, this.minParts, this.maxParts);
    this.view = 'months';
    this.host.focusLater('months');
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

  private static readonly GRID_MOVES: Record<string, (d: DateParts, shift: boolean) => DateParts> = {
    ArrowLeft: (d) => addDays(d, -1),
    ArrowRight: (d) => addDays(d, 1),
    ArrowUp: (d) => addDays(d, -7),
    ArrowDown: (d) => addDays(d, 7),
    PageUp: (d, shift) => addMonths(d, shift ? -12 : -1),
    PageDown: (d, shift) => addMonths(d, shift ? 12 : 1),
    Home: (d) => addDays(d, -weekday(d)),
    End: (d) => addDays(d, 6 - weekday(d)),
  };

  private readonly onGridKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.pick(this.active);
      return;
    }
    const move = DateCalendar.GRID_MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    this.moveTo(move(this.active, e.shiftKey));
  };

  /** Arrows in the month and year grids (3 columns). */
  private readonly onCellsKeydown = (e: KeyboardEvent): void => {
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
  };

  private readonly onDialogKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.host.close(true);
      return;
    }
    if (e.key !== 'Tab') return;
    // Modal: Tab and Shift+Tab cycle inside the calendar.
    const dialog = e.currentTarget as HTMLElement;
    const focusables = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]):not([tabindex="-1"]), [tabindex="0"]')];
    if (!focusables.length) return;
    const current = (this.host.renderRoot as ShadowRoot).activeElement;
    const index = focusables.indexOf(current as HTMLElement);
    const last = focusables.length - 1;
    if (e.shiftKey && index <= 0) {
      e.preventDefault();
      focusables[last]!.focus();
    } else if (!e.shiftKey && (index === last || index === -1)) {
      e.preventDefault();
      focusables[0]!.focus();
    }
  };

  /** A click on the calendar's background must not move focus (the shadow root delegates focus). */
  private readonly onDialogMouseDown = (e: MouseEvent): void => {
    const target = e.composedPath()[0] as Element | undefined;
    if (target instanceof Element && !target.closest('button, td')) e.preventDefault();
  };

  // ---------------------------------------------------------------- rendering

  render(): TemplateResult {
    const { year, month } = this.active;
    const { label } = this.host;
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
      aria-label=${label ? `Choisir une date : ${label}` : 'Choisir une date'}
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
    const yearButton = html`<button type="button" class="year-button" @click=${() => this.showYears()}>
      ${year}<span class="visually-hidden"> : choisir l'année</span>
    </button>`;
    if (this.view === 'days') {
      return html`<button type="button" class="month-button" @click=${() => this.showMonths()}>
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
