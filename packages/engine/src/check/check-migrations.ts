/**
 * migrations/*.json: each file goes up from an earlier version, and the last step of the chain lands on
 * fields of the current dossier.schema.json (a rename or a default aimed at a missing field would
 * silently lose the value).
 */
import type { MigrationFile } from '../models/definition.js';
import { compareVersions } from '../version.js';
import { schemaAt } from '../layout/layout-index.js';
import { pointerExists, SCHEMA_FILE, type CheckContext } from './context.js';
import { at } from './problem.js';

export function checkMigrations(ctx: CheckContext, files: [string, MigrationFile][]): void {
  const current = ctx.definition.identity.version ?? '0.0.0';
  const exists = (p: string) => pointerExists(ctx.definition.schema, p);
  for (const [file, m] of files) {
    if (compareVersions(m.to, m.from) <= 0) ctx.add(file, '/to', `la version d'arrivée ${m.to} doit suivre la version de départ ${m.from}`);
    if (compareVersions(m.to, current) > 0) ctx.add(file, '/to', `la version d'arrivée ${m.to} dépasse celle du dispositif (${current}, dispositif.json)`);
    if (compareVersions(m.to, current) !== 0) continue; // intermediate versions: their schema is not at hand
    m.steps.forEach((step, i) => {
      const target = 'rename' in step ? `${step.rename.slice(0, step.rename.lastIndexOf('/'))}/${step.to}` : 'move' in step ? step.to : 'default' in step ? step.default : 'recode' in step ? step.recode : undefined;
      if (target !== undefined && !exists(target)) {
        const key = 'rename' in step || 'move' in step ? 'to' : 'recode' in step ? 'recode' : 'default';
        ctx.add(file, at('/steps', i, key), `l'étape mène à ${target}, qui n'existe pas dans ${SCHEMA_FILE} de la version ${current} : la valeur serait perdue`);
      } else if ('recode' in step) {
        // A new code the field does not allow would be refused at the field after the update.
        const allowed = schemaAt(ctx.definition.schema, step.recode)?.enum;
        for (const [old, code] of Object.entries(step.values)) {
          if (Array.isArray(allowed) && !allowed.includes(code)) ctx.add(file, at('/steps', i, 'values', old), `le code « ${code} » n'est pas permis pour ${step.recode} dans la version ${current}`);
        }
      }
    });
  }
}
