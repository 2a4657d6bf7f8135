/**
 * The engine over one dispositif: validation in three phases (saisie, page, transmission),
 * incremental re-validation (session.ts), async checks (async-checks.ts), computed values, role
 * views and references. DOM-free and Node-free: the same code answers in the browser and on a host back end.
 */
import type { DispositifDefinition, Phase, Role } from '../models/definition.js';
import type { IssueKind, ValidateOptions, ValidationIssue, ValidationResult } from '../models/result.js';
import { collectReads, compileExpr, isFilled, type Compiled, type EvalContext } from '../expressions/evaluate.js';
import { bindPosition, compilePointer, forEachMatch, pointerOf, valueAt, type CompiledPointer } from '../pointer/compiled-pointer.js';
import { compileRule, itemLocal, type CompiledRule } from './compiled-rule.js';
import { bindIndex, expandPointer, getAt, parsePointer, setAt, toPattern } from '../pointer/json-pointer.js';
import { LayoutIndex, schemaAt, type FieldEntry, type RepeatEntry } from '../layout/layout-index.js';
import { mapAjvError, type AjvError } from './ajv-errors.js';
import type { ArtifactManifest, DefinitionStamp } from '../registry/artifact.js';
import { isAtOrAbove, malformedPaths } from './malformed.js';
import { runAsyncChecks, type AsyncOutcome, type CheckProviders } from './async-checks.js';
import { ValidationSession, select, todayOf, type Dependent } from './session.js';

export { ValidationSession, select } from './session.js';
export type { CompiledRule } from './compiled-rule.js';
export type { AsyncOutcome, CheckAnswer, CheckProviders } from './async-checks.js';

/** A validation function as ajv generates it (standalone or at run time). */
export interface SchemaValidateFunction {
  (data: unknown, ctx?: { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown }): boolean;
  errors?: AjvError[] | null;
}

export interface CompiledValidators {
  /** Validates a whole dossier. */
  validate: SchemaValidateFunction;
  /** Validates one top-level property's subtree (for re-validating after a change). */
  sections: Record<string, SchemaValidateFunction>;
}

/** A dispositif ready to run: its definition as data and its schema validators. */
export interface LoadedDispositif {
  definition: DispositifDefinition;
  validators: CompiledValidators;
  /** The artifact's manifest (version, content hash); absent for a definition compiled at run time. */
  manifest?: ArtifactManifest;
}

interface FieldPointer {
  pointer: CompiledPointer;
  slot: number;
  fixed: number;
}

/** Validation without a role is the employer's: the one who transmits to AKTO, so the strictest. */
export const DEFAULT_ROLE: Role = 'adherent';

const ROOT = '';

export class DossierEngine {
  readonly definition: DispositifDefinition;
  /** What a draft saved with this engine records: definition id, version and content hash. */
  readonly stamp: DefinitionStamp;
  readonly layout: LayoutIndex;
  private readonly validators: CompiledValidators;
  private readonly rules: CompiledRule[];
  private readonly computed: { field: string; expr: Compiled; deps: string[] }[];
  private readonly sectionKeys: Set<string>;
  /** Parts of a session (required field, repeat, rule) by the top-level keys they read. */
  private readonly dependents = new Map<string, Dependent[]>();
  private readonly fieldPointers = new Map<FieldEntry, FieldPointer>();

  constructor(loaded: LoadedDispositif) {
    this.definition = loaded.definition;
    const { id, version = '0.0.0' } = loaded.definition.identity;
    this.stamp = { id, version: loaded.manifest?.version ?? version, hash: loaded.manifest?.hash ?? '' };
    this.validators = loaded.validators;
    this.layout = new LayoutIndex(loaded.definition);
    this.sectionKeys = new Set(Object.keys(loaded.validators.sections));
    this.rules = loaded.definition.rules.map(compileRule);
    this.computed = loaded.definition.computed.map((c) => {
      const reads = collectReads(c.expr);
      return { field: c.field, expr: compileExpr(c.expr), deps: [...reads.required, ...reads.optional] };
    });
    this.layout.fields.forEach((f, index) =>
      this.addDependent({ kind: 'required', index, deps: [f.pattern, ...f.conditionReads, ...(f.repeat ? [f.repeat] : [])], itemOf: itemLocal(f.repeat, [f.pattern, ...f.conditionReads]) }),
    );
    this.layout.repeats.forEach((r, index) => this.addDependent({ kind: 'repeat', index, deps: [r.pointer] }));
    this.rules.forEach((r, index) => {
      const itemOf = r.spec.forEach && r.spec.at.every((p) => p.startsWith(`${r.spec.forEach}/*/`)) ? itemLocal(r.spec.forEach, r.reads) : undefined;
      this.addDependent({ kind: 'rule', index, deps: r.deps, itemOf });
    });
  }

  private addDependent(d: Dependent) {
    for (const key of new Set(d.deps.map((p) => parsePointer(p)[0] ?? ROOT))) {
      const list = this.dependents.get(key);
      if (list) list.push(d);
      else this.dependents.set(key, [d]);
    }
  }

  /** @internal */ dependentKeys(): Iterable<string> {
    return this.dependents.keys();
  }

  /** @internal The session parts that read under a top-level key. */
  dependentsOf(key: string): readonly Dependent[] {
    return this.dependents.get(key) ?? [];
  }

  get id(): string {
    return this.definition.identity.id;
  }

  context(data: unknown, role?: Role, today?: string | Date): EvalContext {
    return { data, role, today: todayOf(today), lists: this.definition.lists };
  }

  // ---------------------------------------------------------------- computed values

  /** Returns the dossier with every computed value (totals, durations) filled in. */
  compute<T>(data: T, today?: string | Date): T {
    let out = data;
    for (const c of this.computed) out = this.applyComputed(out, c, today);
    return out;
  }

  private applyComputed<T>(data: T, c: { field: string; expr: Compiled }, today?: string | Date): T {
    if (typeof data !== 'object' || data === null) return data;
    const value = c.expr(this.context(data, undefined, today));
    const current = getAt(data, c.field);
    if (value === current || (value === undefined && current === undefined)) return data;
    return setAt(data, c.field, value === null ? undefined : value);
  }

  // ---------------------------------------------------------------- issue collection

  /** @internal */ issue(rule: string, severity: 'error' | 'warning', path: string, message: string, kind: IssueKind, phase: Phase): ValidationIssue {
    return { rule, severity, path, tab: this.layout.tabOf(path), message, kind, phase };
  }

  /** @internal Whether an issue at `path` should show for this role and data (hidden fields carry none). */
  shows(path: string, ctx: EvalContext): boolean {
    const entry = this.layout.field(path);
    if (!entry) return true;
    return this.layout.isVisible(entry, this.bindFor(entry, path, ctx));
  }

  private bindFor(entry: { repeat?: string | undefined }, path: string, ctx: EvalContext): EvalContext {
    if (!entry.repeat) return ctx;
    const depth = parsePointer(entry.repeat).length;
    const index = Number(parsePointer(path)[depth]);
    return Number.isInteger(index) ? { ...ctx, bind: { array: entry.repeat, index } } : ctx;
  }

  /** Schema issues (types, formats, lengths, unknown keys) of the whole dossier, grouped by top-level key. */
  schemaIssues(data: unknown, ctx: EvalContext): Map<string, ValidationIssue[]> {
    const groups = new Map<string, ValidationIssue[]>();
    const v = this.validators.validate;
    if (v(data)) return groups;
    for (const e of v.errors ?? []) {
      const issue = this.fromAjv(e, ctx);
      if (!issue) continue;
      const key = parsePointer(issue.path)[0] ?? ROOT;
      const group = groups.get(key);
      if (group) group.push(issue);
      else groups.set(key, [issue]);
    }
    return groups;
  }

  /** Schema issues of one top-level key only. */
  sectionSchemaIssues(data: unknown, key: string, ctx: EvalContext): ValidationIssue[] {
    const v = this.validators.sections[key];
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    if (!v || value === undefined) return [];
    if (v(value, { instancePath: `/${key}`, parentData: data, parentDataProperty: key, rootData: data })) return [];
    const out: ValidationIssue[] = [];
    for (const e of v.errors ?? []) {
      const issue = this.fromAjv(e, ctx);
      if (issue) out.push(issue);
    }
    return out;
  }

  /**
   * Whether one item of a top-level array can be schema-checked alone (`sections["stagiaires/*"]`), its
   * issues then showing under the item (no field at the array itself gathers them).
   */
  hasItemValidator(array: string): boolean {
    return this.sectionKeys.has(`${array.slice(1)}/*`) && !this.layout.field(array);
  }

  /** Schema issues of one item of a top-level array. */
  itemSchemaIssues(data: unknown, key: string, index: number, ctx: EvalContext): ValidationIssue[] {
    const v = this.validators.sections[`${key}/*`];
    const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    if (!v || !Array.isArray(list) || index >= list.length) return [];
    if (v(list[index], { instancePath: `/${key}/${index}`, parentData: list, parentDataProperty: index, rootData: data })) return [];
    const out: ValidationIssue[] = [];
    for (const e of v.errors ?? []) {
      const issue = this.fromAjv(e, ctx);
      if (issue) out.push(issue);
    }
    return out;
  }

  private fromAjv(e: AjvError, ctx: EvalContext): ValidationIssue | null {
    // the definition's wording: x-messages of the schema node the error is about
    const mapped = mapAjvError(e, schemaAt(this.definition.schema, toPattern(e.instancePath))?.['x-messages'] as Record<string, string> | undefined);
    if (!mapped) return null;
    const path = this.shownAt(mapped.path);
    if (!this.shows(path, ctx)) return null;
    return this.issue(mapped.rule, 'error', path, mapped.message, mapped.required ? 'required' : 'schema', mapped.required ? 'page' : 'saisie');
  }

  /**
   * Where an issue shows: its own field, else the nearest field above it — one element shows the
   * whole value there (a file's size or format shows at the documents list).
   */
  private shownAt(path: string): string {
    for (let p = path; p; p = p.slice(0, p.lastIndexOf('/'))) if (this.layout.field(p)) return p;
    return path;
  }

  /** "Saisie obligatoire" / "L'option doit être sélectionnée" for one layout field (every item of a repeat). */
  requiredIssues(entry: FieldEntry, ctx: EvalContext, only?: number): ValidationIssue[] {
    if (entry.required === false || !this.layout.roleSees(entry, ctx.role)) return [];
    const out: ValidationIssue[] = [];
    const { repeat } = entry;
    const f = this.fieldPointer(entry);
    const { pointer } = f;
    const report = (value: unknown, index: number, path: () => string) => {
      const message = this.missing(entry, ctx, value, index);
      if (message) out.push(this.issue('required', 'error', path(), message, 'required', 'page'));
    };
    if (!repeat) report(valueAt(ctx.data, pointer), NaN, () => entry.pattern);
    else if (only !== undefined) {
      const bind = { array: repeat, index: only };
      report(valueAt(ctx.data, pointer, bind), bindPosition(pointer, repeat) >= 0 ? only : f.fixed, () => bindIndex(entry.pattern, repeat, only));
    } else if (!pointer.wildcard) report(valueAt(ctx.data, pointer), f.fixed, () => entry.pattern);
    else forEachMatch(ctx.data, pointer, (value, indices) => report(value, f.slot >= 0 ? (indices[f.slot] as number) : f.fixed, () => pointerOf(pointer, indices)));
    return out;
  }

  /** A field's pointer compiled, and where its repeat's item index is: the `slot`-th `*`, else the `fixed` segment. */
  private fieldPointer(entry: FieldEntry): FieldPointer {
    let f = this.fieldPointers.get(entry);
    if (!f) {
      const pointer = compilePointer(entry.pattern);
      const depth = entry.repeat ? parsePointer(entry.repeat).length : -1;
      const slot = pointer.segments[depth] === '*' ? pointer.segments.slice(0, depth).filter((s) => s === '*').length : -1;
      f = { pointer, slot, fixed: Number(pointer.segments[depth]) };
      this.fieldPointers.set(entry, f);
    }
    return f;
  }

  /** The required message a field's value gets in item `index` of its repeat (as bindFor binds), or null. */
  private missing(entry: FieldEntry, ctx: EvalContext, value: unknown, index: number): string | null {
    const local = entry.repeat && Number.isInteger(index) ? { ...ctx, bind: { array: entry.repeat, index } } : ctx;
    if (!this.layout.isVisible(entry, local) || !this.layout.isRequired(entry, local)) return null;
    if (entry.mustTick ? value === true : isFilled(value)) return null;
    return entry.mustTick ? "L'option doit être sélectionnée" : 'Saisie obligatoire';
  }

  /** Minimum count of a repeatable section (e.g. at least one tutor). */
  repeatIssues(entry: RepeatEntry, ctx: EvalContext): ValidationIssue[] {
    if (entry.min <= 0 || !this.layout.isVisible(entry, ctx)) return [];
    const value = getAt(ctx.data, entry.pointer);
    const count = Array.isArray(value) ? value.length : 0;
    if (count >= entry.min) return [];
    const what = entry.section.itemTitle ?? entry.section.title ?? 'élément';
    const message = entry.min === 1 ? `Saisie obligatoire : ajoutez au moins un ${what.toLowerCase()}.` : `Ajoutez au moins ${entry.min} éléments « ${what} ».`;
    return [this.issue('required.repeat', 'error', entry.pointer, message, 'required', 'page')];
  }

  /**
   * Runs one business rule (per item with forEach). `malformed`: paths of the dossier's schema
   * (format) issues; a rule reading one of them, or a field under one, does not run — the guides
   * show only the format message.
   */
  ruleIssues(rule: CompiledRule, ctx: EvalContext, malformed: readonly string[] = [], only?: number): ValidationIssue[] {
    const { spec } = rule;
    const out: ValidationIssue[] = [];
    const run = (local: EvalContext) => {
      const bind = local.bind;
      const at = (p: string) => (bind ? bindIndex(p, bind.array, bind.index) : p);
      for (const r of rule.required) if (!isFilled(valueAt(local.data, r, bind))) return;
      if (malformed.length > 0 && rule.reads.some((r) => malformed.some((m) => isAtOrAbove(m, at(r))))) return;
      if (rule.when && rule.when(local) !== true) return;
      if (rule.assert(local) !== false) return;
      for (const p of spec.at) {
        const path = at(p);
        if (this.shows(path, local)) out.push(this.issue(spec.id, spec.severity, path, rule.message(local), 'rule', rule.phase));
      }
    };
    if (spec.forEach) {
      const items = getAt(ctx.data, spec.forEach);
      if (!Array.isArray(items)) return out;
      if (only !== undefined) {
        if (only < items.length) run({ ...ctx, bind: { array: spec.forEach, index: only } });
      } else for (let i = 0; i < items.length; i++) run({ ...ctx, bind: { array: spec.forEach, index: i } });
    } else run(ctx);
    return out;
  }

  /** Runs one rule alone (rule samples, rule stories); computed values are applied first. */
  runRule(id: string, data: unknown, options: Pick<ValidateOptions, 'role' | 'today'> = {}): ValidationIssue[] {
    const rule = this.rules.find((r) => r.spec.id === id);
    if (!rule) throw new RangeError(`Règle inconnue : ${id}`);
    const ctx = this.context(this.compute(data, options.today), options.role ?? DEFAULT_ROLE, options.today);
    return this.ruleIssues(rule, ctx, malformedPaths([...this.schemaIssues(ctx.data, ctx).values()].flat()));
  }

  /** Every issue of the dossier, all phases. */
  collect(data: unknown, role?: Role, today?: string | Date): ValidationIssue[] {
    return new ValidationSession(this, data, role, today).issues();
  }

  // ---------------------------------------------------------------- public API

  /**
   * Validates a dossier. `phase`: "saisie" (formats only), "page" (+ required fields and rules,
   * of `tab` when given), "transmission" (everything). Computed values are applied first.
   */
  validate(data: unknown, options: ValidateOptions = {}): ValidationResult {
    const computed = this.compute(data, options.today);
    return select(this, this.collect(computed, options.role ?? DEFAULT_ROLE, options.today), options);
  }

  /** A working copy that re-validates only what a change touches. */
  session(data: unknown, options: Pick<ValidateOptions, 'role' | 'today'> = {}): ValidationSession {
    return new ValidationSession(this, this.compute(data, options.today), options.role ?? DEFAULT_ROLE, options.today);
  }

  /** Runs the asynchronous checks whose inputs are filled, through host providers. */
  async validateAsync(data: unknown, providers: CheckProviders, options: ValidateOptions = {}): Promise<ValidationIssue[]> {
    return (await this.runAsyncChecks(data, providers, options)).issues;
  }

  /** The asynchronous checks with the values they set (`flag` of the check, `values` of the answer). */
  runAsyncChecks(data: unknown, providers: CheckProviders, options: ValidateOptions = {}): Promise<AsyncOutcome> {
    return runAsyncChecks(this, data, providers, { ...options, role: options.role ?? DEFAULT_ROLE });
  }

  // ---------------------------------------------------------------- roles and references

  /**
   * The dossier as a role may see it: fields reserved to other roles are removed; for a provider
   * (`entityId` = its SIRET), items of sections with `ownedBy` that belong to another provider are emptied.
   * `fieldsOf` is the role whose fields are shown, when not `role` (a provider entering under mandat de
   * gestion sees the company's fields).
   */
  viewFor<T>(data: T, role: Role, entityId?: string, fieldsOf: Role = role): T {
    let out = data;
    if (role === 'prestataire' && entityId) {
      for (const tab of this.definition.layout.tabs) {
        for (const section of tab.sections) {
          if (!section.repeat || !section.ownedBy) continue;
          const items = getAt(out, section.repeat);
          if (!Array.isArray(items)) continue;
          const owner = `/${section.ownedBy}`;
          const mine = items.map((item) => {
            const siret = getAt(item, owner);
            return siret === undefined || siret === entityId ? item : {};
          });
          out = setAt(out, section.repeat, mine);
        }
      }
    }
    for (const entry of this.layout.fields) {
      if (this.layout.roleSees(entry, fieldsOf)) continue;
      for (const p of expandPointer(out, entry.pattern)) if (!p.includes('*') && getAt(out, p) !== undefined) out = setAt(out, p, undefined);
    }
    return out;
  }

  /**
   * Merges what a role sent into the stored dossier: fields the role may not see or fill keep their
   * stored value whatever was sent; read-only reference fields too, once they hold one.
   */
  acceptFrom<T>(role: Role, stored: T, incoming: T): T {
    let out = incoming;
    for (const entry of this.layout.fields) {
      const hidden = !this.layout.roleSees(entry, role);
      if (!hidden && !entry.spec.readOnly) continue;
      const paths = new Set([...expandPointer(incoming, entry.pattern), ...expandPointer(stored, entry.pattern)]);
      for (const p of paths) {
        const kept = getAt(stored, p);
        if (!hidden && kept === undefined) continue; // a reference field filled for the first time
        if (kept === undefined && getAt(out, p) === undefined) continue;
        if (entry.repeat && getAt(out, p.slice(0, p.lastIndexOf('/'))) === undefined) continue;
        out = setAt(out, p, kept);
      }
    }
    return out;
  }

  /**
   * Copies a reference record (établissement, organisme...) into its fields. For fields of a repeated
   * section (`/modules/*\/organisme/siret`), `index` says which item.
   */
  applyReference<T>(data: T, kind: string, record: Record<string, unknown>, index?: number): T {
    const mapping = this.definition.identity.references?.[kind];
    if (!mapping) return data;
    let out = data;
    for (const [pattern, property] of Object.entries(mapping)) {
      const pointer = pattern.replace('/*/', `/${index ?? 0}/`);
      if (pointer !== pattern && index === undefined) throw new RangeError(`Référence « ${kind} » : indiquez l'élément à remplir`);
      const value = record[property];
      out = setAt(out, pointer, value === null || value === '' ? undefined : value);
    }
    return out;
  }

  // ---------------------------------------------------------------- incremental support

  /** @internal */ get compiledRules(): readonly CompiledRule[] {
    return this.rules;
  }
  /** @internal */ get computedValues() {
    return this.computed;
  }
  /** @internal */ hasSection(key: string): boolean {
    return this.sectionKeys.has(key);
  }
}
