/**
 * Definition pointers compiled once into segments and walked over the data without building a
 * string per item: `/stagiaires/*\/nomNaissance` bound to item 500 reads `data.stagiaires[500]`'s
 * `nomNaissance` directly. Each walk answers exactly what getAt / getAll (json-pointer.ts) answer
 * for the string bindIndex or expandPointer would have built; the string of a data pointer is built
 * only for an issue actually reported (`pointerOf`).
 */
import { joinPointer, parsePointer } from './json-pointer.js';

/** The item a forEach rule or a repeated section's field runs for (EvalContext's `bind`). */
export interface Bind {
  array: string;
  index: number;
}

export interface CompiledPointer {
  readonly pointer: string;
  readonly segments: readonly string[];
  /** Whether a segment is `*` (expandPointer expands it). */
  readonly wildcard: boolean;
  /** How many `*` characters the pointer's text holds. */
  readonly stars: number;
  /** bindPosition's answers, by bind array. */
  readonly positions: Map<string, number>;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function compilePointer(pointer: string): CompiledPointer {
  const segments = parsePointer(pointer);
  return { pointer, segments, wildcard: segments.includes('*'), stars: pointer.split('*').length - 1, positions: new Map() };
}

/** The segment binding to an item of `array` sets to its index: the `*` right under it (as bindIndex), else -1. */
export function bindPosition(c: CompiledPointer, array: string): number {
  let at = c.positions.get(array);
  if (at === undefined) {
    const prefix = parsePointer(array);
    const d = prefix.length;
    at = c.segments[d] === '*' && prefix.every((s, i) => s === c.segments[i]) ? d : -1;
    c.positions.set(array, at);
  }
  return at;
}

/** Whether the pointer bound to `bind` still holds a `*` character (bindIndex(...).includes('*')). */
export function starsLeft(c: CompiledPointer, bind: Bind | undefined): boolean {
  return c.stars > (bind && bindPosition(c, bind.array) >= 0 ? 1 : 0);
}

/** getAt(data, bindIndex(pointer, bind.array, bind.index)): `*` is a key like any other, but the bound one. */
export function valueAt(data: unknown, c: CompiledPointer, bind?: Bind): unknown {
  const at = bind ? bindPosition(c, bind.array) : -1;
  const { segments } = c;
  let node = data;
  for (let i = 0; i < segments.length; i++) {
    const key = i === at ? (bind as Bind).index : (segments[i] as string);
    if (typeof node !== 'object' || node === null || !hasOwn.call(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** getAll(data, bindIndex(pointer, ...)): the values at every match of the other `*`, missing ones skipped. */
export function valuesAt(data: unknown, c: CompiledPointer, bind?: Bind): unknown[] {
  const out: unknown[] = [];
  const at = bind ? bindPosition(c, bind.array) : -1;
  const index = bind ? bind.index : 0;
  const { segments } = c;
  const walk = (start: unknown, from: number): void => {
    let node = start;
    for (let i = from; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (segment === '*' && i !== at) {
        if (!Array.isArray(node)) return;
        for (let k = 0; k < node.length; k++) walk(node[k], i + 1);
        return;
      }
      const key = i === at ? index : segment;
      node = typeof node === 'object' && node !== null && hasOwn.call(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
    }
    if (node !== undefined) out.push(node);
  };
  walk(data, 0);
  return out;
}

/**
 * Visits every pointer expandPointer(data, pointer) lists, with the value there (undefined when
 * missing) and the index each `*` took (one array, reused: copy it to keep it).
 */
export function forEachMatch(data: unknown, c: CompiledPointer, visit: (value: unknown, indices: readonly number[]) => void): void {
  const { segments } = c;
  const indices: number[] = [];
  const walk = (start: unknown, from: number): void => {
    let node = start;
    for (let i = from; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (segment === '*') {
        if (!Array.isArray(node)) return;
        for (let k = 0; k < node.length; k++) {
          indices.push(k);
          walk(node[k], i + 1);
          indices.pop();
        }
        return;
      }
      node = typeof node === 'object' && node !== null && hasOwn.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    }
    visit(node, indices);
  };
  walk(data, 0);
}

/** The data pointer of one match: each `*` replaced by its index, as expandPointer writes it. */
export function pointerOf(c: CompiledPointer, indices: readonly number[]): string {
  let k = 0;
  return joinPointer(c.segments.map((s) => (s === '*' ? (indices[k++] as number) : s)));
}
