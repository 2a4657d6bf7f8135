/**
 * Chooses the element that renders a layout field, JSON Forms style: each entry ranks how well it fits
 * (1 generic … 10 explicit widget); the highest rank wins. Nothing here names a dispositif.
 */
import type { FieldEntry, JsonSchema } from '@akto/engine';

export type FieldTag =
  | 'akto-field-text'
  | 'akto-field-textarea'
  | 'akto-field-select'
  | 'akto-field-radio'
  | 'akto-field-checkbox'
  | 'akto-field-date'
  | 'akto-field-autocomplete'
  | 'akto-documents';

type Tester = (entry: FieldEntry, schema: JsonSchema) => number;

const NOT_APPLICABLE = -1;
const isType = (schema: JsonSchema, ...types: string[]) => types.some((t) => schema.type === t || (Array.isArray(schema.type) && schema.type.includes(t)));

export const registry: { tag: FieldTag; tester: Tester }[] = [
  { tag: 'akto-documents', tester: (e) => (e.spec.widget === 'documents' ? 10 : NOT_APPLICABLE) },
  { tag: 'akto-field-checkbox', tester: (e) => (e.spec.widget === 'checkbox' ? 10 : NOT_APPLICABLE) },
  { tag: 'akto-field-textarea', tester: (e) => (e.spec.widget === 'textarea' ? 10 : NOT_APPLICABLE) },
  { tag: 'akto-field-radio', tester: (e, s) => (e.spec.widget === 'radio' ? 10 : isType(s, 'boolean') ? 2 : NOT_APPLICABLE) },
  { tag: 'akto-field-autocomplete', tester: (e) => (e.spec.autocomplete && !e.spec.readOnly ? 5 : NOT_APPLICABLE) },
  { tag: 'akto-field-date', tester: (e, s) => (e.spec.widget === 'date' ? 10 : s.format === 'date' ? 3 : NOT_APPLICABLE) },
  { tag: 'akto-field-select', tester: (e, s) => (e.spec.widget === 'select' ? 10 : Array.isArray(s.enum) || typeof s['x-codeList'] === 'string' ? 3 : NOT_APPLICABLE) },
  { tag: 'akto-field-text', tester: () => 1 },
];

const lazy = new Map<FieldTag, () => Promise<unknown>>();

/**
 * An element an entry loads only once a field needs it (the Documents tab's uploader), to keep what
 * every page loads small. Lit keeps the properties set on it before it is defined.
 */
export function defineWhenUsed(tag: FieldTag, load: () => Promise<unknown>): void {
  if (!customElements.get(tag)) lazy.set(tag, load);
}

export function fieldTag(entry: FieldEntry, schema: JsonSchema | undefined): FieldTag {
  let best: FieldTag = 'akto-field-text';
  let rank = 0;
  for (const { tag, tester } of registry) {
    const r = tester(entry, schema ?? {});
    if (r > rank) {
      rank = r;
      best = tag;
    }
  }
  const load = lazy.get(best);
  if (load) {
    lazy.delete(best);
    void load();
  }
  return best;
}

/** The kind of one-line input for a schema. */
export function textKind(entry: FieldEntry, schema: JsonSchema): 'text' | 'email' | 'telephone' | 'number' | 'money' {
  if (entry.spec.widget === 'money' || schema['x-unit'] === '€ HT' || schema['x-unit'] === '€') return 'money';
  if (isType(schema, 'number', 'integer') || entry.spec.widget === 'number') return 'number';
  if (schema.format === 'email' || entry.spec.widget === 'email') return 'email';
  if (schema.format === 'telephone' || entry.spec.widget === 'telephone') return 'telephone';
  return 'text';
}
