/** What every part of `check` reads: the assembled definition, its source files and where to report. */
import type { DefinitionSource } from '../definition/assemble.js';
import type { FileOrigin, JsonFiles } from '../definition/files.js';
import { collectReads, compileExpr } from '../expressions/evaluate.js';
import { schemaAt } from '../layout/layout-index.js';
import type { DispositifDefinition, JsonSchema } from '../models/definition.js';
import type { Expr } from '../models/expression.js';
import { locateString, type Add } from './problem.js';

export interface CheckContext {
  definition: DispositifDefinition;
  source: DefinitionSource;
  /** The dispositif folder's files as written (before `$ref`s are inlined). */
  files: JsonFiles;
  /** Objects that replaced a `$ref`, with the file they come from. */
  origins: WeakMap<object, FileOrigin>;
  add: Add;
}

export const SCHEMA_FILE = 'dossier.schema.json';

export function pointerExists(schema: JsonSchema, pointer: string): boolean {
  return schemaAt(schema, pointer) !== undefined;
}

/** `la règle lit /x, qui n'existe pas dans dossier.schema.json` */
export const missing = (who: string, p: string) => `${who} lit ${p}, qui n'existe pas dans ${SCHEMA_FILE}`;

/**
 * Compiles an expression and checks every field it reads exists; the problem points at the
 * `var` (or `present`, `sum`…) that reads it. Returns the pointers read (undefined when it does not compile).
 */
export function checkExpr(ctx: CheckContext, expr: Expr | undefined, file: string, pointer: string, who: string): string[] | undefined {
  if (expr === undefined) return [];
  try {
    compileExpr(expr);
  } catch (e) {
    ctx.add(file, pointer, `${who} : expression invalide, ${(e as Error).message}`);
    return undefined;
  }
  const reads = collectReads(expr);
  const all = [...reads.required, ...reads.optional];
  for (const p of new Set(all)) {
    if (!pointerExists(ctx.definition.schema, p)) ctx.add(file, pointer + (locateString(expr, p) ?? ''), missing(who, p));
  }
  return all;
}
