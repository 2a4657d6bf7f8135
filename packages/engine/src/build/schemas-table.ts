/** The table of dispositifs in schemas/README.md (tabs, fields, rules, documents), from the definitions. */
import type { DispositifDefinition } from '../models/definition.js';

export function tableRow(d: DispositifDefinition): string {
  const fields = d.layout.tabs.reduce((n, t) => n + t.sections.reduce((m, s) => m + s.fields.length, 0), 0);
  const tabs = d.layout.tabs.map((t) => t.title).join(', ');
  const rules = `${d.rules.length} (${d.rules.filter((r) => r.severity === 'warning').length} alertes)${d.asyncChecks.length ? ` + ${d.asyncChecks.length} asynchrone(s)` : ''}`;
  const docs = d.documents ? d.documents.types.filter((t) => t.required).map((t) => t.label).join(', ') : '—';
  return `| \`${d.identity.id}\` | ${tabs} | ${fields} | ${rules} | ${docs} |`;
}

export function schemasTable(definitions: DispositifDefinition[]): string {
  return [
    '| dispositif | onglets | champs | règles | documents obligatoires |',
    '|---|---|---|---|---|',
    ...definitions.map(tableRow),
  ].join('\n');
}
