/**
 * Date arithmetic for rules, on ISO dates (YYYY-MM-DD) as stored in dossiers.
 * Calendar maths comes from date-fns; this file only adapts types and edge cases.
 */
import {
  addDays as fnsAddDays,
  addMonths as fnsAddMonths,
  differenceInCalendarDays,
  differenceInMonths,
  differenceInYears,
  formatISO,
  isValid,
  parseISO,
} from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const parsed = new Map<string, Date | null>();

/** Parses a strict ISO calendar date; null for anything else (31/02, "11", 2024-13-01...). */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  let date = parsed.get(value);
  if (date === undefined) {
    const candidate = parseISO(value);
    date = isValid(candidate) && toIsoDate(candidate) === value ? candidate : null;
    if (parsed.size > 5_000) parsed.clear();
    parsed.set(value, date);
  }
  return date;
}

export function toIsoDate(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** Age in whole years on `at`. */
export function ageAt(birth: Date, at: Date): number {
  return differenceInYears(at, birth);
}

/** Whole months from `start` to `end`, the end day included (01/09 → 28/02 is 6 months). */
export function monthsBetween(start: Date, end: Date): number {
  return differenceInMonths(fnsAddDays(end, 1), start);
}

/** Calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: Date, b: Date): number {
  return differenceInCalendarDays(b, a);
}

export function addDays(date: Date, days: number): Date {
  return fnsAddDays(date, days);
}

export function addMonths(date: Date, months: number): Date {
  return fnsAddMonths(date, months);
}
