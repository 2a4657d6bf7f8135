/**
 * CERFA mappings as data (schemas/<id>/cerfa.map.json): PDF field name → data pointer(s) and a
 * formatter. Pure: turns a dossier into the values to write, into an official template or into the
 * default PDF. No pdf-lib here.
 */
import type { DispositifDefinition } from '../models/definition.js';
import { getAt } from '../pointer/json-pointer.js';

export type CerfaFormat = 'text' | 'upper' | 'date' | 'digits' | 'code-label' | 'label' | 'money' | 'number' | 'oui-non' | 'checkbox' | 'concat';

export interface CerfaFieldSpec {
  /** PDF field name (official AcroForm name, or ours in the default document). */
  name: string;
  label?: string;
  pointer?: string;
  /** For `concat`: several pointers joined by `separator`. */
  pointers?: string[];
  separator?: string;
  format?: CerfaFormat;
  /** digits: number of boxes (comb field). */
  boxes?: number;
  /** oui-non: the two checkbox names (default `<name> OUI` / `<name> NON`). */
  names?: { oui: string; non: string };
  /** Where the default document places it (section title). */
  section?: string;
}

export interface CerfaMap {
  document: {
    title: string;
    /** "cerfa N° 12434*03", or the document's kind for a contrat type. */
    number?: string;
    reference?: string;
    sections: string[];
    /** Lines printed at the end (signatures). */
    signatures?: string[];
  };
  fields: CerfaFieldSpec[];
  /** PDF names the CERFA requires: `akto-forms check` verifies each is mapped. */
  mandatory?: string[];
}

export interface CerfaValue {
  name: string;
  kind: 'text' | 'checkbox';
  value: string | boolean;
  label: string;
  section?: string;
  maxLength?: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function frenchMoney(n: number): string {
  const [int = '0', dec = '00'] = n.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${dec}`;
}

/** The list a pointer's schema takes its codes from (x-codeList). */
function listLabel(definition: DispositifDefinition, pointer: string, code: string): string | undefined {
  for (const list of Object.values(definition.lists)) {
    const hit = list.entries.find((e) => e.code === code);
    if (hit && pointerUsesList(definition, pointer, list.id)) return hit.label;
  }
  return undefined;
}

function pointerUsesList(definition: DispositifDefinition, pointer: string, listId: string): boolean {
  // Resolve the schema node through properties/$ref without the layout helpers (keeps this module tiny).
  let node: Record<string, unknown> | undefined = definition.schema as Record<string, unknown>;
  const deref = (n: Record<string, unknown> | undefined) => {
    let cur = n;
    for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) {
      const path = (cur.$ref as string).replace(/^#\//, '').split('/');
      let target: unknown = definition.schema;
      for (const seg of path) target = (target as Record<string, unknown> | undefined)?.[seg];
      cur = { ...(target as Record<string, unknown>), ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
    }
    return cur;
  };
  for (const seg of pointer.split('/').slice(1)) {
    node = deref(node);
    const props = node?.properties as Record<string, Record<string, unknown>> | undefined;
    node = /^\d+$/.test(seg) || seg === '*' ? (node?.items as Record<string, unknown> | undefined) : props?.[seg];
  }
  return deref(node)?.['x-codeList'] === listId;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  return typeof value === 'string' ? value : '';
}

/** The values to write, in mapping order. Empty values are written too (a blank field stays blank). */
export function cerfaValues(map: CerfaMap, definition: DispositifDefinition, data: unknown): CerfaValue[] {
  const out: CerfaValue[] = [];
  for (const f of map.fields) {
    const format = f.format ?? 'text';
    const label = f.label ?? f.name;
    const raw = f.pointer ? getAt(data, f.pointer) : undefined;
    const base = { label, section: f.section };
    switch (format) {
      case 'oui-non': {
        const names = f.names ?? { oui: `${f.name} OUI`, non: `${f.name} NON` };
        out.push({ ...base, name: names.oui, kind: 'checkbox', value: raw === true, label: `${label} : Oui` });
        out.push({ ...base, name: names.non, kind: 'checkbox', value: raw === false, label: `${label} : Non` });
        break;
      }
      case 'checkbox':
        out.push({ ...base, name: f.name, kind: 'checkbox', value: raw === true });
        break;
      case 'concat': {
        const parts = (f.pointers ?? []).map((p) => text(getAt(data, p)).trim()).filter(Boolean);
        out.push({ ...base, name: f.name, kind: 'text', value: parts.join(f.separator ?? ' ') });
        break;
      }
      case 'date': {
        const t = text(raw);
        const m = ISO.exec(t);
        out.push({ ...base, name: f.name, kind: 'text', value: m ? `${m[3]}/${m[2]}/${m[1]}` : t });
        break;
      }
      case 'digits':
        out.push({ ...base, name: f.name, kind: 'text', value: text(raw).replace(/[\s.-]/g, ''), maxLength: f.boxes });
        break;
      case 'upper':
        out.push({ ...base, name: f.name, kind: 'text', value: text(raw).toLocaleUpperCase('fr-FR') });
        break;
      case 'money':
        out.push({ ...base, name: f.name, kind: 'text', value: typeof raw === 'number' ? frenchMoney(raw) : text(raw) });
        break;
      case 'code-label':
      case 'label': {
        const code = text(raw);
        const lbl = code && f.pointer ? listLabel(definition, f.pointer, code) : undefined;
        out.push({ ...base, name: f.name, kind: 'text', value: !code ? '' : format === 'label' ? (lbl ?? code) : lbl ? `${code} - ${lbl}` : code });
        break;
      }
      default:
        out.push({ ...base, name: f.name, kind: 'text', value: text(raw) });
    }
  }
  return out;
}
