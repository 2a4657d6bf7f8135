/** cerfa.map.json: every pointer exists in the schema, names are unique, every mandatory field is mapped. */
import type { CerfaMap } from '../cerfa/mapping.js';
import { at } from './problem.js';
import { pointerExists, SCHEMA_FILE, type CheckContext } from './context.js';

const FILE = 'cerfa.map.json';

export function checkCerfaMap(ctx: CheckContext): void {
  const map = ctx.definition.extras['cerfa.map'] as CerfaMap | undefined;
  if (!map) return;
  const add = (pointer: string, message: string) => ctx.add(FILE, pointer, message);
  const names = new Set<string>();
  map.fields.forEach((f, i) => {
    const p = at('/fields', i);
    const all = f.format === 'oui-non' ? [f.names?.oui ?? `${f.name} OUI`, f.names?.non ?? `${f.name} NON`] : [f.name];
    for (const n of all) {
      if (names.has(n)) add(at(p, 'name'), `le champ « ${n} » du document est rempli deux fois : chaque nom de champ du PDF n'apparaît qu'une fois`);
      names.add(n);
    }
    if (f.pointer !== undefined && !pointerExists(ctx.definition.schema, f.pointer)) add(at(p, 'pointer'), `le champ « ${f.name} » du document lit ${f.pointer}, qui n'existe pas dans ${SCHEMA_FILE}`);
    (f.pointers ?? []).forEach((q, j) => {
      if (!pointerExists(ctx.definition.schema, q)) add(at(p, 'pointers', j), `le champ « ${f.name} » du document lit ${q}, qui n'existe pas dans ${SCHEMA_FILE}`);
    });
    if (!f.pointer && !f.pointers?.length) add(p, `le champ « ${f.name} » du document ne lit aucune donnée : indiquez "pointer" (ou "pointers" avec le format concat)`);
    if (f.section && !map.document.sections.includes(f.section)) add(at(p, 'section'), `le champ « ${f.name} » est rangé dans la section « ${f.section} », absente des "sections" de "document" (${map.document.sections.join(', ')})`);
  });
  (map.mandatory ?? []).forEach((m, i) => {
    if (!names.has(m)) add(at('/mandatory', i), `le champ obligatoire « ${m} » du CERFA n'est rempli par aucune entrée de "fields"`);
  });
}
