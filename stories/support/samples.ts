/**
 * The samples a rule carries (schemas/<id>/rules.json `samples.fail` / `samples.pass`): partial dossiers,
 * `$today` optional. Helpers to split off `$today`, list a sample's values by pointer, and compare two.
 */
import { joinPointer } from '@akto/engine';

export interface Sample {
  data: Record<string, unknown>;
  today: string | undefined;
}

export function splitSample(raw: Record<string, unknown>): Sample {
  const { $today, ...data } = raw;
  return { data, today: typeof $today === 'string' ? $today : undefined };
}

/** Every scalar of a dossier by its JSON pointer (arrays by index). */
export function leaves(value: unknown, base: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...base, String(i)], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...base, k], out);
  else if (value !== undefined) out.set(joinPointer(base), value);
  return out;
}

/** Pointers whose value differs from `from` to `to`, with the value to set (undefined: to clear). */
export function changes(from: Record<string, unknown>, to: Record<string, unknown>): [string, unknown][] {
  const a = leaves(from);
  const b = leaves(to);
  const out: [string, unknown][] = [];
  for (const [p, v] of b) if (a.get(p) !== v) out.push([p, v]);
  for (const p of a.keys()) if (!b.has(p)) out.push([p, undefined]);
  return out;
}

/** Same shape: the same arrays with the same lengths (so the same repeated fields exist in both). */
export function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameShape(v, b[i]));
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (!objA || !objB) return true;
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export { overlaySample as overlay } from '@akto/engine/check';
