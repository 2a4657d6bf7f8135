/** layout.json: tabs, sections and fields against the dossier schema; references of dispositif.json. */
import { schemaAt } from '../layout/layout-index.js';
import { at } from './problem.js';
import { checkExpr, pointerExists, SCHEMA_FILE, type CheckContext } from './context.js';

const FILE = 'layout.json';

export function checkLayout(ctx: CheckContext): void {
  const { schema, layout, identity } = ctx.definition;
  const add = (pointer: string, message: string) => ctx.add(FILE, pointer, message);
  const tabIds = new Set<string>();
  const placedAt = new Map<string, string>();
  layout.tabs.forEach((tab, t) => {
    const tp = at('/tabs', t);
    if (tabIds.has(tab.id)) add(at(tp, 'id'), `l'onglet « ${tab.id} » est déjà défini plus haut : chaque onglet a un identifiant unique`);
    tabIds.add(tab.id);
    checkExpr(ctx, tab.visibleWhen, FILE, at(tp, 'visibleWhen'), `la condition d'affichage de l'onglet « ${tab.id} »`);
    const kind = tab.kind ?? 'form';
    if (kind === 'form' && !tab.sections.some((s) => s.fields.length > 0)) {
      add(at(tp, 'sections'), `l'onglet « ${tab.id} » n'a aucun champ : ajoutez au moins un champ dans l'une de ses sections, ou supprimez l'onglet`);
    }
    const sectionIds = new Set<string>();
    tab.sections.forEach((section, s) => {
      const sp = at(tp, 'sections', s);
      const where = `onglet « ${tab.id} », section « ${section.id} »`;
      if (sectionIds.has(section.id)) add(at(sp, 'id'), `${where} : une autre section de l'onglet porte déjà cet identifiant`);
      sectionIds.add(section.id);
      if (section.repeat) {
        const node = schemaAt(schema, section.repeat);
        if (!node) add(at(sp, 'repeat'), `${where} : la section se répète sur ${section.repeat}, qui n'existe pas dans ${SCHEMA_FILE}`);
        else if (node.type !== 'array') add(at(sp, 'repeat'), `${where} : la section se répète sur ${section.repeat}, qui n'est pas une liste (type array) dans ${SCHEMA_FILE}`);
      }
      checkExpr(ctx, section.visibleWhen, FILE, at(sp, 'visibleWhen'), `la condition d'affichage de la section « ${section.id} »`);
      section.fields.forEach((f, i) => {
        const fp = at(sp, 'fields', i);
        const before = placedAt.get(f.field);
        if (before) add(at(fp, 'field'), `le champ ${f.field} est déjà placé (${before}) : un champ ne s'affiche qu'une fois`);
        else placedAt.set(f.field, where);
        if (!pointerExists(schema, f.field)) add(at(fp, 'field'), `le champ ${f.field} n'existe pas dans ${SCHEMA_FILE}`);
        const inRepeat = section.repeat !== undefined && f.field.startsWith(`${section.repeat}/*/`);
        if (section.repeat && !inRepeat) add(at(fp, 'field'), `le champ ${f.field} est dans une section répétée : son pointeur doit commencer par ${section.repeat}/*/`);
        if (!section.repeat && f.field.includes('*')) add(at(fp, 'field'), `le champ ${f.field} contient « * », permis seulement dans une section répétée (repeat)`);
        checkExpr(ctx, f.visibleWhen, FILE, at(fp, 'visibleWhen'), `la condition d'affichage du champ ${f.field}`);
        if (typeof f.required === 'object') checkExpr(ctx, f.required, FILE, at(fp, 'required'), `la condition « obligatoire » du champ ${f.field}`);
        if (f.source && !identity.references?.[f.source]) add(at(fp, 'source'), `le champ ${f.field} est alimenté par la référence « ${f.source} », absente de dispositif.json (references)`);
      });
    });
  });
  for (const [kind, mapping] of Object.entries(identity.references ?? {})) {
    for (const p of Object.keys(mapping)) {
      if (!pointerExists(schema, p)) ctx.add('dispositif.json', at('/references', kind, p), `la référence « ${kind} » remplit ${p}, qui n'existe pas dans ${SCHEMA_FILE}`);
    }
  }
  for (const [key, p] of Object.entries(identity.summary ?? {})) {
    if (typeof p === 'string' && !pointerExists(schema, p)) ctx.add('dispositif.json', at('/summary', key), `le résumé des listes lit ${p}, qui n'existe pas dans ${SCHEMA_FILE}`);
  }
}
