/** How values read in recaps and read-only views (French formats). */
import type { CodeList, JsonSchema } from '@akto/engine';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoToFrench(value: string): string {
  const m = ISO.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

export function displayValue(value: unknown, schema: JsonSchema | undefined, lists: Record<string, CodeList>): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const listId = schema?.['x-codeList'];
  if (typeof listId === 'string') {
    const entry = lists[listId]?.entries.find((e) => e.code === value);
    if (entry) return entry.label;
  }
  if (typeof value === 'number') {
    const text = value.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
    const unit = schema?.['x-unit'];
    return typeof unit === 'string' ? `${text} ${unit}` : text;
  }
  if (typeof value === 'string') return schema?.format === 'date' ? isoToFrench(value) : value;
  if (Array.isArray(value)) return `${value.length} élément(s)`;
  return '';
}
