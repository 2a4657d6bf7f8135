/**
 * Messages users see: a schema limit (maximum, pattern, maxItems…) must carry the definition's wording in
 * `x-messages`, next to it; the engine has only a generic « Saisie invalide. » (« Sélectionnez un élément
 * de la liste. » for an enum) to say instead.
 */
import { GENERIC_KEYWORDS, mapAjvError } from '../validation/ajv-errors.js';
import { at } from './problem.js';
import type { CheckContext } from './context.js';

/** Values that are data, not schemas (never walked). */
const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default', 'x-messages']);
const GENERIC = new Set<string>(GENERIC_KEYWORDS);

/** The schema files a definition is made of: its dossier schema and the common schemas it uses. */
function schemaFiles(ctx: CheckContext): [string, unknown][] {
  const used = new Set(Object.keys((ctx.definition.schema.$defs as Record<string, unknown> | undefined) ?? {}));
  return [
    ['dossier.schema.json', ctx.files['dossier.schema.json']],
    ...Object.entries(ctx.source.common)
      .filter(([f]) => used.has(f.replace(/\.schema\.json$/, '')))
      .map(([f, s]) => [`../common/${f}`, s] as [string, unknown]),
  ];
}

export function checkMessages(ctx: CheckContext): void {
  for (const [file, schema] of schemaFiles(ctx)) {
    const walk = (node: unknown, pointer: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, at(pointer, i)));
      if (typeof node !== 'object' || node === null) return;
      const obj = node as Record<string, unknown>;
      const own = (typeof obj['x-messages'] === 'object' && obj['x-messages'] !== null ? obj['x-messages'] : {}) as Record<string, unknown>;
      for (const [keyword, value] of Object.entries(obj)) {
        if (DATA_KEYWORDS.has(keyword) || keyword === 'properties' || keyword === '$defs') {
          if (keyword === 'properties' || keyword === '$defs') for (const [k, v] of Object.entries(value as object)) walk(v, at(pointer, keyword, k));
        } else walk(value, at(pointer, keyword));
        if (!GENERIC.has(keyword) || (typeof own[keyword] === 'string' && own[keyword] !== '')) continue;
        // a code list is shown as a select offering only its entries: the generic message cannot surface
        if (keyword === 'enum' && typeof obj['x-codeList'] === 'string') continue;
        const generic = mapAjvError({ instancePath: '', keyword, params: { limit: value, multipleOf: value, maxContains: value } })?.message ?? '';
        ctx.add(file, at(pointer, keyword), `« ${keyword} » afficherait un message générique (« ${generic} ») : donnez le message de la définition dans « x-messages » (« "x-messages": { "${keyword}": "…" } »)`);
      }
    };
    walk(schema, '');
  }
}
