/**
 * The meta-schema of each file of a dispositif folder, made self-contained for the editor's completion
 * and inline diagnostics (codemirror-json-schema resolves only local `$ref`s): expression.schema.json,
 * which layout.json and rules.json reference, is inlined where they point to it.
 */
import type { JSONSchema7 } from 'json-schema';
import { meta } from './folder.js';

type Schema = Record<string, unknown>;

const FILES: [RegExp, string][] = [
  [/^dispositif\.json$/, 'dispositif'],
  [/^layout\.json$/, 'layout'],
  [/^rules\.json$/, 'rules'],
  [/^documents\.json$/, 'documents'],
  [/^cerfa\.map\.json$/, 'cerfa-map'],
  [/^lists\/[^/]+\.json$/, 'code-list'],
];

/** Rewrites `$ref`s of a schema moved under `prefix` (`#/x` → `#/prefix/x`); external ones to `#` + `external`. */
function rebase(node: unknown, prefix: string, external: Record<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, prefix, external));
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.startsWith('#') ? `#${prefix}${v.slice(1)}` : (external[v] ?? v);
    else if (k !== '$id' && k !== '$schema') out[k] = rebase(v, prefix, external);
  }
  return out;
}

const cache = new Map<string, JSONSchema7>();

/** The meta-schema for a file of the folder, or undefined (dossier.schema.json, examples…). */
export function editorSchemaFor(path: string): JSONSchema7 | undefined {
  const name = FILES.find(([re]) => re.test(path))?.[1];
  const root = name ? (meta[`${name}.schema.json`] as Schema | undefined) : undefined;
  if (!name || !root) return undefined;
  let schema = cache.get(name);
  if (!schema) {
    const expression = meta['expression.schema.json'];
    const rebased = rebase(root, '', { 'expression.schema.json': '#/$defs/__expression' }) as Schema;
    if (expression) rebased.$defs = { ...(rebased.$defs as Schema | undefined), __expression: rebase(expression, '/$defs/__expression', {}) };
    schema = rebased as JSONSchema7;
    cache.set(name, schema);
  }
  return schema;
}
