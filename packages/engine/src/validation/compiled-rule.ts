/**
 * Business rules ready to run: expressions compiled, the pointers they need filled compiled to
 * segments (read per item without building a string), what they depend on for incremental
 * re-validation, and their message.
 */
import type { Phase, RuleSpec } from '../models/definition.js';
import { collectReads, compileExpr, type Compiled, type EvalContext } from '../expressions/evaluate.js';
import { compilePointer, valuesAt, type CompiledPointer } from '../pointer/compiled-pointer.js';
import { parsePointer, pointersOverlap } from '../pointer/json-pointer.js';

/** @internal A rule ready to run. */
export interface CompiledRule {
  spec: RuleSpec;
  assert: Compiled;
  when?: Compiled | undefined;
  /** Must all be filled before the rule runs ("contrôles de cohérence... si les champs ont tous bien été saisis"). */
  required: CompiledPointer[];
  /** Everything the rule depends on, for incremental re-validation. */
  deps: string[];
  /** Every field the rule reads: while one has a format error, the rule does not run. */
  reads: string[];
  phase: Phase;
  /** The message with what the data says filled in (`labels` rules), else the spec's. */
  message: (ctx: EvalContext) => string;
}

/**
 * A rule's message. With `labels` and an `includesAll` assert, `{manquants}` becomes the labels of
 * the values missing and `{presents}` the count of those present.
 */
function ruleMessage(spec: RuleSpec): CompiledRule['message'] {
  // the assert's shape was checked when it compiled
  const [pattern = '', wanted] = (spec.assert as { includesAll?: [string, unknown[]] } | null)?.includesAll ?? [];
  const labels = spec.labels;
  if (!labels || !wanted) return () => spec.message;
  const pointer = compilePointer(pattern);
  return (ctx) => {
    const present = new Set(valuesAt(ctx.data, pointer, ctx.bind));
    const missing = wanted.filter((w) => !present.has(w));
    return spec.message.replace('{manquants}', missing.map((w) => labels[String(w)] ?? w).join(', ')).replace('{presents}', String(wanted.length - missing.length));
  };
}

export function compileRule(spec: RuleSpec): CompiledRule {
  const reads = collectReads(spec.assert);
  const whenReads = collectReads(spec.when);
  return {
    spec,
    assert: compileExpr(spec.assert),
    when: spec.when === undefined ? undefined : compileExpr(spec.when),
    required: reads.required.map(compilePointer),
    deps: [
      ...reads.required,
      ...reads.optional,
      ...whenReads.required,
      ...whenReads.optional,
      ...(spec.forEach ? [spec.forEach] : []),
      ...spec.at,
    ],
    reads: [...reads.required, ...reads.optional, ...whenReads.required, ...whenReads.optional],
    phase: spec.phase ?? 'page',
    message: ruleMessage(spec),
  };
}

/**
 * The top-level array whose items a part can be re-run for one at a time. Such a part runs bound to
 * an item (a forEach rule, a field of a repeated section), where `/stagiaires/*\/x` reads that item
 * whatever the operator (var, count, sum…): it is item-local when every read under the array is of
 * that form (not `/stagiaires` itself, as `count` of trainees, nor a fixed index).
 */
export function itemLocal(array: string | undefined, reads: readonly string[]): string | undefined {
  if (!array || parsePointer(array).length !== 1) return undefined;
  const own = `${array}/*`;
  return reads.every((r) => r === own || r.startsWith(`${own}/`) || !pointersOverlap(r, array)) ? array : undefined;
}
