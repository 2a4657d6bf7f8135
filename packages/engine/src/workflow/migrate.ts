/**
 * Upgrades a draft saved under an earlier version of its definition, with the declarative steps of
 * `schemas/<id>/migrations/*.json` (rename, move, drop, recode, default). Pure: the saved data is never
 * changed; what could not be carried over is listed, in French, with the value it had.
 */
import type { MigrationFile, MigrationStep } from '../models/definition.js';
import { expandPointer, getAt, parsePointer, setAt } from '../pointer/json-pointer.js';
import type { DossierEngine } from '../validation/dossier-engine.js';
import { compareVersions } from '../version.js';

/** A value of the saved draft that the migrated one does not keep. */
export interface MigrationLoss {
  /** Where it was in the saved draft. */
  path: string;
  value: unknown;
  message: string;
}

export interface MigrationReport {
  from: string;
  to: string;
  /** The migration files applied, in order. */
  applied: { from: string; to: string; description?: string }[];
  lost: MigrationLoss[];
  /** One French sentence for the user. */
  message: string;
}

/** The chain of migration files from `from` to `to`, or null when none leads there. */
export function migrationPath(migrations: readonly MigrationFile[], from: string, to: string): MigrationFile[] | null {
  const path: MigrationFile[] = [];
  let at = from;
  while (compareVersions(at, to) < 0) {
    // Of the files starting at `at`, the one going furthest without passing `to`.
    const next = migrations
      .filter((m) => compareVersions(m.from, at) === 0 && compareVersions(m.to, at) > 0 && compareVersions(m.to, to) <= 0)
      .sort((a, b) => compareVersions(b.to, a.to))[0];
    if (!next) return null;
    path.push(next);
    at = next.to;
  }
  return path;
}

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Binds the `*` of `to` to the indices `concrete` took for the `*` of `pattern`, in order. */
function bindWildcards(pattern: string, concrete: string, to: string): string {
  const p = parsePointer(pattern);
  const c = parsePointer(concrete);
  const indices = p.flatMap((s, i) => (s === '*' ? [c[i] as string] : []));
  let k = 0;
  return to.replace(/\*(?=\/|$)/g, () => indices[k++] ?? '*');
}

function applyStep(data: Record<string, unknown>, step: MigrationStep, version: string, lost: MigrationLoss[]): Record<string, unknown> {
  if ('default' in step) {
    for (const p of expandPointer(data, step.default)) if (getAt(data, p) === undefined) data = setAt(data, p, step.value);
    return data;
  }
  if ('recode' in step) {
    for (const p of expandPointer(data, step.recode)) {
      const value = getAt(data, p);
      if (typeof value === 'string' && Object.hasOwn(step.values, value)) data = setAt(data, p, step.values[value]);
    }
    return data;
  }
  if ('drop' in step) {
    for (const p of expandPointer(data, step.drop)) {
      const value = getAt(data, p);
      if (value === undefined) continue;
      const name = step.label ? `« ${step.label} »` : p;
      lost.push({ path: p, value, message: `Le champ ${name} n'existe plus dans la version ${version} : sa valeur « ${shown(value)} » n'a pas été reprise.` });
      data = setAt(data, p, undefined);
    }
    return data;
  }
  const from = 'rename' in step ? step.rename : step.move;
  for (const p of expandPointer(data, from)) {
    const value = getAt(data, p);
    if (value === undefined) continue;
    const target = 'rename' in step ? `${p.slice(0, p.lastIndexOf('/'))}/${step.to}` : bindWildcards(from, p, step.to);
    data = setAt(data, p, undefined);
    if (getAt(data, target) !== undefined) {
      lost.push({ path: p, value, message: `La valeur « ${shown(value)} » de ${p} n'a pas été reprise : ${target} est déjà rempli.` });
      continue;
    }
    data = setAt(data, target, value);
  }
  return data;
}

/**
 * The draft's data under the engine's version. Values the new version does not know (left by a
 * missing or incomplete migration) are taken out and listed, so the user is never blocked by a field
 * no tab shows; the caller keeps the saved data until the migrated one is saved.
 */
export function migrateData(engine: DossierEngine, data: Record<string, unknown>, from: string): { data: Record<string, unknown>; report: MigrationReport } {
  const to = engine.stamp.version;
  const path = migrationPath(engine.definition.migrations ?? [], from, to);
  const lost: MigrationLoss[] = [];
  let migrated = data;
  for (const file of path ?? []) for (const step of file.steps) migrated = applyStep(migrated, step, file.to, lost);
  for (const issue of engine.validate(migrated).errors) {
    if (issue.rule !== 'schema.additionalProperties') continue;
    const value = getAt(migrated, issue.path);
    if (value === undefined) continue;
    lost.push({ path: issue.path, value, message: `Le champ ${issue.path} n'existe pas dans la version ${to} : sa valeur « ${shown(value)} » n'a pas été reprise.` });
    try {
      migrated = setAt(migrated, issue.path, undefined);
    } catch {
      // A key setAt refuses (`__proto__`…): it stays, and keeps its own error at the field.
    }
  }
  const head = path
    ? `Ce brouillon a été enregistré avec la version ${from} du dispositif : il a été mis à jour pour la version ${to}.`
    : `Ce brouillon a été enregistré avec la version ${from} du dispositif, et aucune migration ne mène à la version ${to} : il est ouvert tel quel.`;
  const tail = lost.length
    ? ` ${lost.length === 1 ? 'Une valeur n’a' : `${lost.length} valeurs n’ont`} pas pu être reprise${lost.length === 1 ? '' : 's'} ; le brouillon d’origine est conservé.`
    : '';
  return {
    data: engine.compute(migrated),
    report: { from, to, applied: (path ?? []).map(({ from: f, to: t, description }) => ({ from: f, to: t, ...(description ? { description } : {}) })), lost, message: head + tail },
  };
}
