/**
 * Flattens a layout into field entries: where each field shows (tab, section), when it is
 * visible and required, and for whom. Everything here is computed once per dispositif.
 */
import type { DispositifDefinition, FieldSpec, JsonSchema, Role, SectionSpec, TabSpec } from '../models/definition.js';
import type { Expr } from '../models/expression.js';
import { collectReads, compileExpr, type Compiled, type EvalContext } from '../expressions/evaluate.js';
import { parsePointer, toPattern } from '../pointer/json-pointer.js';

export interface FieldEntry {
  pattern: string;
  spec: FieldSpec;
  tab: TabSpec;
  section: SectionSpec;
  /** The repeat array this field belongs to, if any. */
  repeat?: string | undefined;
  schema: JsonSchema | undefined;
  roles?: readonly Role[] | undefined;
  visible: Compiled[];
  required: boolean | Compiled;
  /** A checkbox that must be ticked (rather than merely answered). */
  mustTick: boolean;
  /** Pointers read by the visibility and requirement conditions. */
  conditionReads: string[];
}

export interface RepeatEntry {
  pointer: string;
  section: SectionSpec;
  tab: TabSpec;
  min: number;
  max?: number | undefined;
  roles?: readonly Role[] | undefined;
  visible: Compiled[];
}

function intersectRoles(...lists: (readonly Role[] | undefined)[]): readonly Role[] | undefined {
  let out: readonly Role[] | undefined;
  for (const list of lists) {
    if (!list) continue;
    out = out ? out.filter((r) => list.includes(r)) : list;
  }
  return out;
}

/** `x-messages` of a `$ref` target and of its siblings, both kept (the siblings' win per keyword). */
function mergedMessages(target: JsonSchema, siblings: JsonSchema): JsonSchema {
  const a = target['x-messages'];
  const b = siblings['x-messages'];
  return typeof a === 'object' && typeof b === 'object' ? { 'x-messages': { ...(a as object), ...(b as object) } } : {};
}

/** Resolves `$ref`s to `#/$defs/...` inside the bundled dossier schema; sibling annotations (title...) win. */
export function resolveRef(root: JsonSchema, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let guard = 0; s?.$ref && guard < 20; guard++) {
    const { $ref: ref, ...siblings } = s;
    if (!ref.startsWith('#/')) return s;
    let node: unknown = root;
    for (const seg of parsePointer(ref.slice(1))) node = (node as Record<string, unknown> | undefined)?.[seg];
    s = node === undefined ? undefined : { ...(node as JsonSchema), ...siblings, ...mergedMessages(node as JsonSchema, siblings) };
  }
  return s;
}

/** The schema node describing the data at a (pattern) pointer. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node = resolveRef(root, root);
  for (const seg of parsePointer(pointer)) {
    if (!node) return undefined;
    if (seg === '*' || /^\d+$/.test(seg)) node = resolveRef(root, node.items);
    else node = resolveRef(root, node.properties?.[seg]);
  }
  return node;
}

export class LayoutIndex {
  readonly fields: FieldEntry[] = [];
  readonly repeats: RepeatEntry[] = [];
  private readonly byPattern = new Map<string, FieldEntry>();
  private readonly tabByPrefix = new Map<string, string>();
  private readonly tabConditions = new Map<string, Compiled>();

  constructor(readonly definition: DispositifDefinition) {
    const { schema } = definition;
    for (const tab of definition.layout.tabs) {
      if (tab.visibleWhen !== undefined) this.tabConditions.set(tab.id, compileExpr(tab.visibleWhen));
      for (const section of tab.sections) {
        const visible = [tab.visibleWhen, section.visibleWhen].filter((e): e is Expr => e !== undefined).map(compileExpr);
        if (section.repeat) {
          this.repeats.push({
            pointer: section.repeat,
            section,
            tab,
            min: section.min ?? 0,
            max: section.max,
            roles: intersectRoles(tab.roles, section.roles),
            visible,
          });
          this.noteTab(section.repeat, tab.id);
        }
        for (const spec of section.fields) this.addField(spec, tab, section, visible, schema);
      }
    }
  }

  private addField(spec: FieldSpec, tab: TabSpec, section: SectionSpec, parentVisible: Compiled[], root: JsonSchema) {
    const fieldSchema = schemaAt(root, spec.field);
    const widget = spec.widget ?? '';
    const reads = collectReads(spec.visibleWhen);
    if (typeof spec.required === 'object') collectReads(spec.required, reads);
    const entry: FieldEntry = {
      pattern: spec.field,
      spec,
      tab,
      section,
      repeat: section.repeat,
      schema: fieldSchema,
      roles: intersectRoles(tab.roles, section.roles, spec.roles),
      visible: spec.visibleWhen === undefined ? parentVisible : [...parentVisible, compileExpr(spec.visibleWhen)],
      required: spec.required === undefined || typeof spec.required === 'boolean' ? spec.required === true : compileExpr(spec.required),
      mustTick: widget === 'checkbox',
      conditionReads: [...reads.required, ...reads.optional],
    };
    this.fields.push(entry);
    this.byPattern.set(spec.field, entry);
    this.noteTab(spec.field, tab.id);
  }

  private noteTab(pointer: string, tabId: string) {
    const segs = parsePointer(pointer);
    for (let i = segs.length; i >= 1; i--) {
      const prefix = '/' + segs.slice(0, i).join('/');
      if (!this.tabByPrefix.has(prefix)) this.tabByPrefix.set(prefix, tabId);
    }
  }

  field(pointer: string): FieldEntry | undefined {
    return this.byPattern.get(toPattern(pointer));
  }

  /** The tab that shows a data pointer: its own field's, else the nearest parent's. */
  tabOf(pointer: string): string | null {
    const entry = this.field(pointer);
    if (entry) return entry.tab.id;
    let p = toPattern(pointer);
    while (p) {
      const t = this.tabByPrefix.get(p);
      if (t) return t;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }

  /** Whether a role may see a field at all (role visibility, not conditions). */
  roleSees(entry: { roles?: readonly Role[] | undefined }, role: Role | undefined): boolean {
    return !role || !entry.roles || entry.roles.includes(role);
  }

  isVisible(entry: FieldEntry | RepeatEntry, ctx: EvalContext): boolean {
    if (!this.roleSees(entry, ctx.role)) return false;
    for (const v of entry.visible) if (v(ctx) !== true) return false;
    return true;
  }

  /** Tabs shown for this data and role (conditional tabs such as CPRO's RNCP step come and go). */
  visibleTabs(ctx: EvalContext): TabSpec[] {
    return this.definition.layout.tabs.filter(
      (t) => this.roleSees(t, ctx.role) && (t.visibleWhen === undefined || this.tabConditions.get(t.id)?.(ctx) === true),
    );
  }

  isRequired(entry: FieldEntry, ctx: EvalContext): boolean {
    if (entry.required === false) return false;
    if (entry.required === true) return true;
    return entry.required(ctx) === true;
  }
}
