/**
 * Duplication (guide 001, « La duplication »): the user picks the tabs to copy; the copy is a new
 * draft of the same dispositif (the sub-dispositif may change); documents and attestations
 * (checkboxes) are never copied.
 */
import type { DossierEngine } from '../validation/dossier-engine.js';
import { getAt, setAt } from '../pointer/json-pointer.js';

const NEVER_COPIED = new Set(['checkbox', 'documents']);

/** Why this duplication is refused, in French (undefined: it may go): only drafts, only to an open sub-dispositif. */
export function duplicateRefusal(engine: DossierEngine, isDraft: boolean, sousDispositif?: string): string | undefined {
  if (!isDraft) return 'Seules les demandes non transmises à AKTO peuvent être dupliquées.';
  if (sousDispositif && !engine.definition.identity.sousDispositifs.some((s) => s.code === sousDispositif && !s.disabled)) {
    return 'Ce sous-dispositif n’est pas ouvert pour ce dispositif : le dispositif ne peut pas changer.';
  }
  return undefined;
}

export function duplicateData(engine: DossierEngine, source: unknown, tabs: readonly string[], sousDispositif?: string): Record<string, unknown> {
  const wanted = new Set(tabs);
  let out: Record<string, unknown> = { dispositif: engine.id };
  const sd = sousDispositif ?? getAt(source, '/sousDispositif');
  if (typeof sd === 'string') out = setAt(out, '/sousDispositif', sd);
  for (const tab of engine.definition.layout.tabs) {
    if (!wanted.has(tab.id)) continue;
    for (const section of tab.sections) {
      const repeat = section.repeat;
      if (repeat) {
        const items = getAt(source, repeat);
        if (!Array.isArray(items)) continue;
        const skipped = section.fields.filter((f) => NEVER_COPIED.has(f.widget ?? '')).map((f) => f.field.slice(repeat.length + 3));
        const copy = items.map((item) => {
          let c: unknown = structuredClone(item);
          for (const rel of skipped) c = setAt(c, `/${rel}`, undefined);
          return c;
        });
        out = setAt(out, repeat, copy);
        continue;
      }
      for (const f of section.fields) {
        if (NEVER_COPIED.has(f.widget ?? '')) continue;
        const value = getAt(source, f.field);
        if (value !== undefined) out = setAt(out, f.field, structuredClone(value));
      }
    }
  }
  return engine.compute(out);
}
