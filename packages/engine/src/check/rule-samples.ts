/**
 * A rule's own samples (rules.json `samples.fail` / `samples.pass`) run through the engine: each failing
 * sample must fire the rule, each passing one must not. Shared by `akto-forms check`, the engine's rule
 * tests and the designer page, which shows each sample with its outcome.
 */
import type { RuleSpec } from '../models/definition.js';
import type { ValidationIssue } from '../models/result.js';
import type { DossierEngine } from '../validation/dossier-engine.js';

export interface SampleOutcome {
  rule: RuleSpec;
  kind: 'fail' | 'pass';
  /** Index in `samples[kind]`. */
  index: number;
  /** The sample without `$today`. */
  data: Record<string, unknown>;
  /** `$today` of the sample, else the `today` option. */
  today: string | undefined;
  /** What the rule says on the sample. */
  issues: ValidationIssue[];
  /** A failing sample fired the rule, a passing one did not. */
  ok: boolean;
}

/** Every sample of one rule with its outcome (`today`: "today" of the samples without `$today`). */
export function ruleSampleOutcomes(engine: DossierEngine, rule: RuleSpec, today?: string): SampleOutcome[] {
  const out: SampleOutcome[] = [];
  for (const kind of ['fail', 'pass'] as const) {
    (rule.samples?.[kind] ?? []).forEach((sample, index) => {
      const { $today, ...data } = sample as Record<string, unknown>;
      const day = typeof $today === 'string' ? $today : today;
      const issues = engine.runRule(rule.id, data, { today: day });
      out.push({ rule, kind, index, data, today: day, issues, ok: kind === 'fail' ? issues.length > 0 : issues.length === 0 });
    });
  }
  return out;
}

/** The samples of every rule of the engine's definition. */
export function sampleOutcomes(engine: DossierEngine, today?: string): SampleOutcome[] {
  return engine.definition.rules.flatMap((rule) => ruleSampleOutcomes(engine, rule, today));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A sample laid over a complete dossier (the dispositif's examples/valid.json), so that a wizard shows a
 * filled request where only the sample's values differ. Arrays keep the sample's length; an item the
 * base lacks is laid over the base's first item.
 */
export function overlaySample(base: unknown, sample: unknown): unknown {
  if (Array.isArray(sample)) {
    const items = Array.isArray(base) ? base : [];
    return sample.map((item, i) => overlaySample(items[i] ?? items[0], item));
  }
  if (isObject(sample)) {
    const from = isObject(base) ? base : {};
    const out: Record<string, unknown> = { ...from };
    for (const [k, v] of Object.entries(sample)) out[k] = overlaySample(from[k], v);
    return out;
  }
  return sample;
}
