/**
 * Calendar maths for akto-field-date, on plain {year, month, day} triples (month 1–12). Date objects are
 * only used in UTC for weekday and day arithmetic, so no time zone or daylight-saving shift can move a day.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** D/M/YYYY with one separator used twice: "/", "-", "." or a space. */
const FRENCH = /^(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4})$/;
/** DDMMYYYY typed without separators. */
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;

export const MONTHS_SHORT = ['Janv.', 'Févr.', 'Mars', 'Avr.', 'Mai', 'Juin', 'Juil.', 'Août', 'Sept.', 'Oct.', 'Nov.', 'Déc.'];
export const MONTHS_LONG = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Monday first. */
export const WEEKDAYS_SHORT = ['lu', 'ma', 'me', 'je', 've', 'sa', 'di'];
export const WEEKDAYS_LONG = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(year: number, month: number, day: number): DateParts | undefined {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

/** A real calendar day written YYYY-MM-DD, or undefined. */
export function parseIso(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * What the user typed, read as a French date: JJ/MM/AAAA, also J/M/AAAA, JJ-MM-AAAA, JJ.MM.AAAA, JJMMAAAA
 * and a pasted ISO date. A two-digit year, an impossible day or anything else gives undefined (no guess).
 */
export function parseFrench(text: string): DateParts | undefined {
  const s = text.trim();
  if (s.length > 10) return undefined;
  const iso = parseIso(s);
  if (iso) return iso;
  const m = FRENCH.exec(s);
  if (m) return valid(Number(m[4]), Number(m[3]), Number(m[1]));
  const c = COMPACT.exec(s);
  return c ? valid(Number(c[3]), Number(c[2]), Number(c[1])) : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toIso(d: DateParts): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function toFrench(d: DateParts): string {
  return `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
}

/** "mercredi 15 janvier 2025" */
export function toLongFrench(d: DateParts): string {
  return `${WEEKDAYS_LONG[weekday(d)]} ${d.day} ${MONTHS_LONG[d.month - 1]} ${d.year}`;
}

function toUtc(d: DateParts): Date {
  const date = new Date(Date.UTC(2000, d.month - 1, d.day, 12));
  date.setUTCFullYear(d.year);
  return date;
}

function fromUtc(date: Date): DateParts {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(d: DateParts): number {
  return (toUtc(d).getUTCDay() + 6) % 7;
}

export function addDays(d: DateParts, days: number): DateParts {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Same day in another month, clamped to that month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(d: DateParts, months: number): DateParts {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function compare(a: DateParts, b: DateParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function sameDay(a: DateParts | undefined, b: DateParts | undefined): boolean {
  return !!a && !!b && compare(a, b) === 0;
}

/** Today in the user's time zone. */
export function today(): DateParts {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** The 42 days (6 weeks, Monday first) shown for a month, with the neighbouring months' days around it. */
export function monthGrid(year: number, month: number): DateParts[] {
  const first = { year, month, day: 1 };
  const start = addDays(first, -weekday(first));
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

export function clamp(d: DateParts, min?: DateParts, max?: DateParts): DateParts {
  if (min && compare(d, min) < 0) return min;
  if (max && compare(d, max) > 0) return max;
  return d;
}
