/**
 * What `akto-forms check` reports: a file of the dispositif folder, a JSON pointer into that file
 * and a French sentence. Pure (no file system): shared by the CLI and the designer page.
 */
import type { ErrorObject } from 'ajv';
import { escapeSegment } from '../pointer/json-pointer.js';

export interface CheckProblem {
  /** Path relative to the dispositif folder (`layout.json`, `lists/csp.json`, `../common/machines/edition.json`). */
  file: string;
  /** RFC 6901 pointer into that file (`/tabs/2/sections/0/fields/3/field`); `''` for the whole file. */
  pointer: string;
  /** What is wrong, in French. */
  message: string;
}

export type Add = (file: string, pointer: string, message: string) => void;

/** Appends segments to a pointer: `at('/rules/3', 'samples', 'fail')` → `/rules/3/samples/fail`. */
export function at(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segments.map((s) => `/${escapeSegment(String(s))}`).join('');
}

/** `file#pointer : message` (or `file : message` for a whole file): how the CLI prints a problem. */
export function formatProblem(p: CheckProblem, file = p.file): string {
  return `${file}${p.pointer ? `#${p.pointer}` : ''} : ${p.message}`;
}

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'true ou false',
  object: 'un objet { … }',
  array: 'une liste [ … ]',
  null: 'null',
};

const quote = (v: unknown) => `« ${typeof v === 'string' ? v : JSON.stringify(v)} »`;
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** One ajv error of a meta-schema, as a pointer and a French sentence. */
function translate(e: ErrorObject): { pointer: string; message: string } {
  const p = e.params as Record<string, unknown>;
  const pointer = e.instancePath;
  switch (e.keyword) {
    case 'required':
      return { pointer, message: `propriété obligatoire manquante : ${quote(p.missingProperty)}` };
    case 'additionalProperties':
      return { pointer: at(pointer, String(p.additionalProperty)), message: `propriété non prévue ici : ${quote(p.additionalProperty)} (faute de frappe ?)` };
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPES[t] ?? t);
      return { pointer, message: `doit être ${types.join(' ou ')}` };
    }
    case 'enum':
      return { pointer, message: `valeur non permise (valeurs permises : ${(p.allowedValues as unknown[]).map((v) => String(v)).join(', ')})` };
    case 'const':
      return { pointer, message: `doit valoir ${quote(p.allowedValue)}` };
    case 'pattern':
      return { pointer, message: `ne respecte pas la forme attendue (expression régulière ${p.pattern as string})` };
    case 'format':
      return { pointer, message: `n'est pas au format ${quote(p.format)}` };
    case 'minItems':
      return { pointer, message: `doit contenir au moins ${plural(Number(p.limit), 'élément')}` };
    case 'maxItems':
      return { pointer, message: `doit contenir au plus ${plural(Number(p.limit), 'élément')}` };
    case 'minLength':
      return { pointer, message: Number(p.limit) === 1 ? 'ne doit pas être vide' : `doit contenir au moins ${plural(Number(p.limit), 'caractère')}` };
    case 'maxLength':
      return { pointer, message: `doit contenir au plus ${plural(Number(p.limit), 'caractère')}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { pointer, message: `doit être ${e.keyword === 'minimum' ? 'supérieur ou égal' : 'strictement supérieur'} à ${String(p.limit)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { pointer, message: `doit être ${e.keyword === 'maximum' ? 'inférieur ou égal' : 'strictement inférieur'} à ${String(p.limit)}` };
    case 'minProperties':
      return { pointer, message: `doit avoir au moins ${plural(Number(p.limit), 'propriété')}` };
    case 'maxProperties':
      return { pointer, message: `doit avoir au plus ${plural(Number(p.limit), 'propriété')}` };
    case 'propertyNames':
      return { pointer, message: `nom de propriété non permis : ${quote(p.propertyName)}` };
    case 'uniqueItems':
      return { pointer, message: `les éléments n°${Number(p.j) + 1} et n°${Number(p.i) + 1} sont identiques` };
    default:
      return { pointer, message: `non conforme au méta-schéma (${e.keyword})` };
  }
}

/**
 * ajv errors of a meta-schema as French problems. Errors of failed alternatives (`anyOf`, `if`) are
 * left out; a `propertyNames` error comes with an `enum` one about the same name, kept once.
 */
export function describeMetaErrors(errors: readonly ErrorObject[] | null | undefined, max = 10): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'anyOf' || e.keyword === 'if' || e.keyword === 'oneOf') continue;
    if (e.keyword === 'enum' && e.propertyName !== undefined) continue; // the propertyNames error says it
    const t = translate(e);
    const key = `${t.pointer} ${t.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
    if (out.length >= max) break;
  }
  return out;
}

/** Where a string first occurs in a JSON value (to point at the `var` that reads a pointer), relative to it. */
export function locateString(node: unknown, value: string, pointer = ''): string | undefined {
  if (node === value) return pointer;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const found = locateString(node[i], value, at(pointer, i));
      if (found !== undefined) return found;
    }
  } else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      const found = locateString(v, value, at(pointer, k));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
