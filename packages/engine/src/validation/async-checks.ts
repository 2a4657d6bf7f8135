/**
 * The asynchronous checks of a definition (NIR holder, RNCP status...), run through the host's
 * providers. A check does not run while one of its inputs is empty or has a format error: the user
 * sees the format message alone, then the check once the field is well formed.
 */
import type { AsyncCheckSpec } from '../models/definition.js';
import type { ValidateOptions, ValidationIssue } from '../models/result.js';
import { isFilled, type EvalContext } from '../expressions/evaluate.js';
import { getAt } from '../pointer/json-pointer.js';
import { isAtOrAbove, malformedPaths, PHASE_RANK } from './issues.js';
import type { DossierEngine } from './dossier-engine.js';

/** Host implementations of the asynchronous checks (NIR lookup, RNCP status...). */
export type CheckProviders = Record<string, (input: Record<string, unknown>) => Promise<boolean | CheckAnswer>>;

/** A provider's answer: `values` (pointer → value) lets it fill fields, e.g. the replacing RNCP code. */
export interface CheckAnswer {
  ok: boolean;
  message?: string;
  values?: Record<string, unknown>;
}

/** What the asynchronous checks found: issues to show, and values to write into the dossier. */
export interface AsyncOutcome {
  issues: ValidationIssue[];
  values: Record<string, unknown>;
}

/** The asynchronous checks of `options.phase` and before, with the values they set. */
export async function runAsyncChecks(engine: DossierEngine, data: unknown, providers: CheckProviders, options: ValidateOptions = {}): Promise<AsyncOutcome> {
  const ctx = engine.context(data, options.role, options.today);
  const checks = engine.definition.asyncChecks.filter((c) => PHASE_RANK[c.phase ?? 'page'] <= PHASE_RANK[options.phase ?? 'transmission']);
  const malformed = checks.length ? malformedPaths([...engine.schemaIssues(data, ctx).values()].flat()) : [];
  const results = await Promise.all(checks.map((c) => runOne(engine, c, providers, ctx, malformed)));
  const out: AsyncOutcome = { issues: [], values: {} };
  for (const r of results) {
    out.issues.push(...r.issues);
    Object.assign(out.values, r.values);
  }
  return out;
}

async function runOne(engine: DossierEngine, check: AsyncCheckSpec, providers: CheckProviders, ctx: EvalContext, malformed: readonly string[]): Promise<AsyncOutcome> {
  const none: AsyncOutcome = { issues: [], values: {} };
  const provider = providers[check.provider];
  if (!provider) return none;
  const input: Record<string, unknown> = {};
  for (const [name, pointer] of Object.entries(check.input)) {
    const value = getAt(ctx.data, pointer);
    if (!isFilled(value) || malformed.some((m) => isAtOrAbove(m, pointer))) return none;
    input[name] = value;
  }
  let answer: boolean | CheckAnswer;
  try {
    answer = await provider(input);
  } catch {
    return none; // an unreachable reference service must not block the entry
  }
  const ok = typeof answer === 'boolean' ? answer : answer.ok;
  const values: Record<string, unknown> = { ...(typeof answer === 'object' ? (answer.values ?? {}) : {}) };
  if (check.flag) values[check.flag] = !ok;
  if (ok) return { issues: [], values };
  const message = typeof answer === 'object' && answer.message ? answer.message : check.message;
  return {
    issues: check.at.filter((p) => engine.shows(p, ctx)).map((p) => engine.issue(check.id, check.severity, p, message, 'async', check.phase ?? 'page')),
    values,
  };
}
