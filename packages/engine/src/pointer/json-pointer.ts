/**
 * RFC 6901 JSON pointers, the address format shared by ajv's `instancePath`,
 * layouts, rules and CERFA mappings. A `*` segment stands for "any array index"
 * in definitions (`/tuteurs/*\/nomNaissance`); data pointers never hold one.
 */

const cache = new Map<string, readonly string[]>();
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Splits a pointer into unescaped segments (cached: definitions reuse a few hundred pointers). */
export function parsePointer(pointer: string): readonly string[] {
  let segments = cache.get(pointer);
  if (segments) return segments;
  if (pointer === '') segments = [];
  else if (!pointer.startsWith('/')) throw new SyntaxError(`Invalid JSON pointer: ${pointer}`);
  else segments = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (cache.size < 10_000) cache.set(pointer, segments);
  return segments;
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.length === 0 ? '' : '/' + segments.map((s) => escapeSegment(String(s))).join('/');
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the value at `pointer`; undefined when any step is missing or not a container. */
export function getAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of parsePointer(pointer)) {
    if (!isContainer(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Returns a copy of `data` with `value` at `pointer`, creating objects on the way
 * (arrays when the next segment is an index). `undefined` deletes the key.
 * Structure is shared with the input outside the changed path.
 */
export function setAt<T>(data: T, pointer: string, value: unknown): T {
  const segments = parsePointer(pointer);
  if (segments.some((s) => FORBIDDEN.has(s))) throw new RangeError(`Refused pointer segment in ${pointer}`);
  return setRec(data, segments, 0, value) as T;
}

function setRec(node: unknown, segments: readonly string[], i: number, value: unknown): unknown {
  if (i === segments.length) return value;
  const key = segments[i] as string;
  const nextIsIndex = /^\d+$/.test(segments[i + 1] ?? '');
  const base: Record<string, unknown> | unknown[] = Array.isArray(node)
    ? [...node]
    : isContainer(node)
      ? { ...node }
      : /^\d+$/.test(key)
        ? []
        : {};
  const child = (base as Record<string, unknown>)[key];
  const childBase = child === undefined && i + 1 < segments.length ? (nextIsIndex ? [] : {}) : child;
  const updated = setRec(childBase, segments, i + 1, value);
  if (updated === undefined && !Array.isArray(base)) delete (base as Record<string, unknown>)[key];
  else (base as Record<string, unknown>)[key] = updated;
  return base;
}

/** Expands `*` segments against the data: `/tuteurs/*\/nom` → `/tuteurs/0/nom`, `/tuteurs/1/nom`. */
export function expandPointer(data: unknown, pattern: string): string[] {
  const segments = parsePointer(pattern);
  if (!segments.includes('*')) return [pattern];
  const out: string[] = [];
  const walk = (node: unknown, i: number, prefix: (string | number)[]): void => {
    if (i === segments.length) {
      out.push(joinPointer(prefix));
      return;
    }
    const segment = segments[i] as string;
    if (segment === '*') {
      if (!Array.isArray(node)) return;
      for (let k = 0; k < node.length; k++) walk(node[k], i + 1, [...prefix, k]);
      return;
    }
    walk(isContainer(node) && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined, i + 1, [
      ...prefix,
      segment,
    ]);
  };
  walk(data, 0, []);
  return out;
}

/** Values at every match of a wildcard pattern (missing leaves are skipped). */
export function getAll(data: unknown, pattern: string): unknown[] {
  return expandPointer(data, pattern)
    .map((p) => getAt(data, p))
    .filter((v) => v !== undefined);
}

/** Replaces the first `*` of `pattern` under `arrayPointer/*` by `index`. */
export function bindIndex(pattern: string, arrayPointer: string, index: number): string {
  const prefix = `${arrayPointer}/*`;
  if (pattern === prefix || pattern.startsWith(prefix + '/')) return `${arrayPointer}/${index}${pattern.slice(prefix.length)}`;
  return pattern;
}

const patterns = new Map<string, string>();

/** Turns numeric segments into `*`: `/tuteurs/1/nom` → `/tuteurs/*\/nom` (to look up a field's definition). */
export function toPattern(pointer: string): string {
  let pattern = patterns.get(pointer);
  if (pattern === undefined) {
    pattern = /\/\d+(?=\/|$)/.test(pointer) ? joinPointer(parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? '*' : s))) : pointer;
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(pointer, pattern);
  }
  return pattern;
}

/** True when one pointer addresses a part of the other (wildcards match any segment). */
export function pointersOverlap(a: string, b: string): boolean {
  const sa = parsePointer(a);
  const sb = parsePointer(b);
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i];
    const y = sb[i];
    if (x !== y && x !== '*' && y !== '*') return false;
  }
  return true;
}
