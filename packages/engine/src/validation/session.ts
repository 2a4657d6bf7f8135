/**
 * A dossier being edited, and the selection of issues by phase and tab that `validate` and the session
 * share. Issues are kept per part (schema section, required field, rule) so that `set` re-runs only
 * the parts a changed pointer touches. A change inside one item of a repeated section
 * (`/stagiaires/500/nomNaissance`) re-runs those parts for that item only, where they are item-local
 * (see itemLocal in compiled-rule.ts): the cost of typing stays flat however long the list.
 */
import type { Phase, Role } from '../models/definition.js';
import type { TabStatus, ValidateOptions, ValidationIssue, ValidationResult } from '../models/result.js';
import { toIsoDate } from '../expressions/dates.js';
import type { EvalContext } from '../expressions/evaluate.js';
import { getAt, parsePointer, pointersOverlap, setAt } from '../pointer/json-pointer.js';
import type { FieldEntry, RepeatEntry } from '../layout/layout-index.js';
import { malformedPaths } from './malformed.js';
import type { CompiledRule, DossierEngine } from './dossier-engine.js';

const PHASE_RANK: Record<Phase, number> = { saisie: 0, page: 1, transmission: 2 };
const ROOT = '';

/** An ISO date for "today" (the clock's when not given). */
export function todayOf(value: string | Date | undefined): string {
  if (typeof value === 'string') return value;
  return toIsoDate(value ?? new Date());
}

/** Filters issues for a phase/tab and counts them per tab. */
export function select(engine: DossierEngine, all: readonly ValidationIssue[], options: ValidateOptions = {}): ValidationResult {
  const phase = options.phase ?? 'transmission';
  const rank = PHASE_RANK[phase];
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const tabs: Record<string, TabStatus> = {};
  for (const tab of engine.definition.layout.tabs) tabs[tab.id] = { valid: true, errors: 0, warnings: 0 };
  for (const issue of all) {
    if (PHASE_RANK[issue.phase] > rank) continue;
    const status = issue.tab ? tabs[issue.tab] : undefined;
    if (status) {
      if (issue.severity === 'error') {
        status.errors++;
        status.valid = false;
      } else status.warnings++;
    }
    if (phase === 'page' && options.tab && issue.tab !== options.tab) continue;
    (issue.severity === 'error' ? errors : warnings).push(issue);
  }
  return { valid: errors.length === 0, errors, warnings, tabs };
}

type Part = ValidationIssue[];

/** A part of a session's issues and the pointers it depends on. */
export interface Dependent {
  kind: 'required' | 'repeat' | 'rule';
  index: number;
  deps: string[];
  /** The top-level array (`/stagiaires`) whose items this part can be re-run for one at a time. */
  itemOf?: string | undefined;
}

/** `{ array: '/stagiaires', index: 500 }` when every changed pointer lies inside that one item. */
function itemChange(changed: readonly string[]): { array: string; index: number } | null {
  let found: { array: string; index: number } | null = null;
  for (const c of changed) {
    const [key, index, ...rest] = parsePointer(c);
    if (key === undefined || index === undefined || !/^\d+$/.test(index) || rest.length === 0) return null;
    const array = `/${key}`;
    if (found && (found.array !== array || found.index !== Number(index))) return null;
    found = { array, index: Number(index) };
  }
  return found;
}

/** The item index an issue path has under `array` (-1 for the array itself, e.g. maxItems). */
function itemIndexOf(path: string, array: string): number {
  const rest = path.slice(array.length + 1);
  const n = Number.parseInt(rest, 10);
  return Number.isNaN(n) ? -1 : n;
}

/** `part` with the issues of item `index` replaced by `fresh`, keeping the issues in item order. */
function replaceItem(part: Part, array: string, index: number, fresh: Part): Part {
  const kept = part.filter((i) => itemIndexOf(i.path, array) !== index);
  const at = kept.findIndex((i) => itemIndexOf(i.path, array) > index);
  if (at < 0) return kept.concat(fresh);
  return [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
}

export class ValidationSession {
  private schemaParts = new Map<string, Part>();
  private readonly requiredParts: Part[];
  private readonly repeatParts: Part[];
  private readonly ruleParts: Part[];
  private readonly today: string;

  constructor(
    private readonly engine: DossierEngine,
    private current: unknown,
    private readonly role?: Role,
    today?: string | Date,
  ) {
    this.today = todayOf(today);
    const ctx = this.ctx();
    this.schemaParts = engine.schemaIssues(current, ctx);
    this.requiredParts = engine.layout.fields.map((f) => engine.requiredIssues(f, ctx));
    this.repeatParts = engine.layout.repeats.map((r) => engine.repeatIssues(r, ctx));
    const malformed = this.malformed();
    this.ruleParts = engine.compiledRules.map((r) => engine.ruleIssues(r, ctx, malformed));
  }

  private malformed(): string[] {
    return malformedPaths([...this.schemaParts.values()].flat());
  }

  private ctx(): EvalContext {
    return this.engine.context(this.current, this.role, this.today);
  }

  get data(): unknown {
    return this.current;
  }

  /** Sets a value (undefined removes it) and re-validates what depends on it. */
  set(pointer: string, value: unknown): this {
    let data = setAt(this.current, pointer, value);
    const changed = [pointer];
    for (const c of this.engine.computedValues) {
      if (!c.deps.some((d) => pointersOverlap(d, pointer))) continue;
      const before = getAt(data, c.field);
      const ctxData = this.engine.context(data, undefined, this.today);
      const v = c.expr(ctxData);
      if (v !== before) {
        data = setAt(data, c.field, v === null ? undefined : v);
        changed.push(c.field);
      }
    }
    this.current = data;
    this.refresh(changed);
    return this;
  }

  /** Replaces the whole dossier (e.g. after a reload) and re-validates everything. */
  reset(data: unknown): this {
    this.current = this.engine.compute(data, this.today);
    this.refresh([ROOT]);
    return this;
  }

  private refresh(changed: string[]) {
    const { engine } = this;
    const ctx = this.ctx();
    const keys = new Set(changed.map((c) => parsePointer(c)[0] ?? ROOT));
    const item = keys.has(ROOT) ? null : itemChange(changed);
    if ([...keys].some((k) => k === ROOT || !engine.hasSection(k))) this.schemaParts = engine.schemaIssues(this.current, ctx);
    else if (item && engine.hasItemValidator(item.array)) {
      const key = item.array.slice(1);
      const fresh = engine.itemSchemaIssues(this.current, key, item.index, ctx);
      this.schemaParts.set(key, replaceItem(this.schemaParts.get(key) ?? [], item.array, item.index, fresh));
    } else for (const k of keys) this.schemaParts.set(k, engine.sectionSchemaIssues(this.current, k, ctx));
    const candidates = new Set<Dependent>();
    if (keys.has(ROOT)) for (const k of engine.dependentKeys()) for (const d of engine.dependentsOf(k)) candidates.add(d);
    else for (const k of keys) for (const d of engine.dependentsOf(k)) candidates.add(d);
    const { fields, repeats } = engine.layout;
    const malformed = this.malformed();
    for (const d of candidates) {
      if (!keys.has(ROOT) && !d.deps.some((dep) => changed.some((c) => pointersOverlap(dep, c)))) continue;
      const only = item && d.itemOf === item.array ? item.index : undefined;
      if (d.kind === 'required') {
        const fresh = engine.requiredIssues(fields[d.index] as FieldEntry, ctx, only);
        this.requiredParts[d.index] = item && only !== undefined ? replaceItem(this.requiredParts[d.index] ?? [], item.array, only, fresh) : fresh;
      } else if (d.kind === 'repeat') this.repeatParts[d.index] = engine.repeatIssues(repeats[d.index] as RepeatEntry, ctx);
      else {
        const fresh = engine.ruleIssues(engine.compiledRules[d.index] as CompiledRule, ctx, malformed, only);
        this.ruleParts[d.index] = item && only !== undefined ? replaceItem(this.ruleParts[d.index] ?? [], item.array, only, fresh) : fresh;
      }
    }
  }

  issues(): ValidationIssue[] {
    const out: ValidationIssue[] = [];
    for (const part of this.schemaParts.values()) out.push(...part);
    for (const part of this.requiredParts) out.push(...part);
    for (const part of this.repeatParts) out.push(...part);
    for (const part of this.ruleParts) out.push(...part);
    return out;
  }

  result(options: Omit<ValidateOptions, 'role' | 'today'> = {}): ValidationResult {
    return select(this.engine, this.issues(), options);
  }
}
