/** rules.json: identifiers, the fields rules read and show under, samples (present, and right). */
import { schemaAt } from '../layout/layout-index.js';
import { toPattern } from '../pointer/json-pointer.js';
import type { RuleSpec } from '../models/definition.js';
import type { DossierEngine } from '../validation/dossier-engine.js';
import { at, type Add } from './problem.js';
import { ruleSampleOutcomes } from './rule-samples.js';
import { checkExpr, pointerExists, SCHEMA_FILE, type CheckContext } from './context.js';

const FILE = 'rules.json';

/** Where a rule of the assembled definition is written: its place in rules.json, or documents.json for the derived one. */
function ruleLocation(ctx: CheckContext, rule: RuleSpec): [string, string] {
  const i = ctx.source.rules.rules.indexOf(rule);
  return i >= 0 ? [FILE, at('/rules', i)] : ['documents.json', ''];
}

/**
 * Rules without samples, or with an empty `fail` or `pass`: reported here in plain words (the
 * meta-schema's own errors about them are dropped), and they do not stop the other checks.
 */
export function checkSamplesPresent(rules: unknown, add: Add): void {
  const list = (rules as { rules?: unknown }).rules;
  if (!Array.isArray(list)) return;
  list.forEach((rule: unknown, i) => {
    if (typeof rule !== 'object' || rule === null) return;
    const id = (rule as { id?: unknown }).id;
    const name = typeof id === 'string' ? `la règle ${id}` : `la règle n°${i + 1}`;
    const samples = (rule as { samples?: unknown }).samples;
    const p = at('/rules', i);
    if (samples === undefined) {
      add(FILE, p, `${name} n'a pas d'exemples : ajoutez "samples" avec au moins un dossier qui la déclenche ("fail") et un qui ne la déclenche pas ("pass")`);
      return;
    }
    if (typeof samples !== 'object' || samples === null) return; // the meta-schema says it
    const { fail, pass } = samples as { fail?: unknown; pass?: unknown };
    if (!Array.isArray(fail) || fail.length === 0) add(FILE, at(p, 'samples', 'fail'), `${name} n'a aucun exemple en échec : ajoutez dans "fail" au moins un dossier qui la déclenche`);
    if (!Array.isArray(pass) || pass.length === 0) add(FILE, at(p, 'samples', 'pass'), `${name} n'a aucun exemple valide : ajoutez dans "pass" au moins un dossier qui ne la déclenche pas`);
  });
}

/** Meta-schema errors that {@link checkSamplesPresent} already explains. */
export function isSamplesError(e: { keyword: string; instancePath: string; params: Record<string, unknown> }): boolean {
  if (e.keyword === 'required' && /^\/rules\/\d+$/.test(e.instancePath) && e.params.missingProperty === 'samples') return true;
  if (e.keyword === 'required' && /^\/rules\/\d+\/samples$/.test(e.instancePath)) return true;
  return e.keyword === 'minItems' && /^\/rules\/\d+\/samples\/(fail|pass)$/.test(e.instancePath);
}

export function checkRules(ctx: CheckContext): void {
  const { definition } = ctx;
  const { schema, identity, layout } = definition;
  const tabIds = new Set(layout.tabs.map((t) => t.id));
  const ids = new Set<string>();
  const placed = new Set(layout.tabs.flatMap((t) => t.sections.flatMap((s) => [...s.fields.map((f) => f.field), ...(s.repeat ? [s.repeat] : [])])));
  const asyncBase = (i: number) => at('/asyncChecks', i);
  const entries: [RuleSpec | (typeof definition.asyncChecks)[number], string, string][] = [
    ...definition.rules.map((r) => [r, ...ruleLocation(ctx, r)] as [RuleSpec, string, string]),
    ...definition.asyncChecks.map((c, i) => [c, FILE, asyncBase(i)] as [(typeof definition.asyncChecks)[number], string, string]),
  ];
  for (const [rule, file, p] of entries) {
    const name = `la règle ${rule.id}`;
    if (ids.has(rule.id)) ctx.add(file, at(p, 'id'), `${name} est déjà définie plus haut : chaque règle a un identifiant unique`);
    ids.add(rule.id);
    const [prefix, tab] = rule.id.split('.');
    if (prefix !== identity.id) ctx.add(file, at(p, 'id'), `l'identifiant de ${name} doit commencer par « ${identity.id}. » (le dispositif)`);
    if (!tab || !tabIds.has(tab)) ctx.add(file, at(p, 'id'), `le deuxième segment de l'identifiant de ${name} doit être un onglet de layout.json (${[...tabIds].join(', ')})`);
    rule.at.forEach((f, j) => {
      if (!pointerExists(schema, f)) ctx.add(file, at(p, 'at', j), `${name} affiche son message sous ${f}, qui n'existe pas dans ${SCHEMA_FILE}`);
      else if (!placed.has(toPattern(f))) ctx.add(file, at(p, 'at', j), `${name} affiche son message sous ${f}, qui n'est placé dans aucun onglet de layout.json : le message ne s'afficherait nulle part`);
    });
  }
  for (const rule of definition.rules) {
    const [file, p] = ruleLocation(ctx, rule);
    const name = `la règle ${rule.id}`;
    if (rule.forEach) {
      const node = schemaAt(schema, rule.forEach);
      if (!node) ctx.add(file, at(p, 'forEach'), `${name} se répète sur ${rule.forEach} (forEach), qui n'existe pas dans ${SCHEMA_FILE}`);
      else if (node.type !== 'array') ctx.add(file, at(p, 'forEach'), `${name} se répète sur ${rule.forEach} (forEach), qui n'est pas une liste (type array) dans ${SCHEMA_FILE}`);
    }
    const reads = checkExpr(ctx, rule.assert, file, at(p, 'assert'), name);
    checkExpr(ctx, rule.when, file, at(p, 'when'), `la condition "when" de ${name}`);
    if (reads?.length === 0) ctx.add(file, at(p, 'assert'), `${name} ne lit aucun champ dans "assert" : elle ne serait jamais évaluée`);
  }
  definition.asyncChecks.forEach((check, i) => {
    for (const [key, f] of Object.entries(check.input)) {
      if (!pointerExists(schema, f)) ctx.add(FILE, at(asyncBase(i), 'input', key), `le contrôle ${check.id} envoie ${f} (input « ${key} »), qui n'existe pas dans ${SCHEMA_FILE}`);
    }
    if (check.flag && !pointerExists(schema, check.flag)) ctx.add(FILE, at(asyncBase(i), 'flag'), `le contrôle ${check.id} renseigne ${check.flag} (flag), qui n'existe pas dans ${SCHEMA_FILE}`);
  });
  definition.computed.forEach((c, i) => {
    const p = at('/computed', i);
    if (!pointerExists(schema, c.field)) ctx.add(FILE, at(p, 'field'), `la valeur calculée ${c.field} n'existe pas dans ${SCHEMA_FILE}`);
    checkExpr(ctx, c.expr, FILE, at(p, 'expr'), `la valeur calculée ${c.field}`);
  });
}

/** Every rule must fire on each of its failing samples and stay silent on each passing one. */
export function checkSamples(ctx: CheckContext, engine: DossierEngine): void {
  for (const rule of engine.definition.rules) {
    const own = ctx.source.rules.rules.find((r) => r.id === rule.id) ?? rule;
    const [file, p] = ruleLocation(ctx, own);
    for (const { kind, index: i, ok } of ruleSampleOutcomes(engine, rule)) {
      if (ok) continue;
      const sp = file === FILE ? at(p, 'samples', kind, i) : p;
      if (kind === 'fail') ctx.add(file, sp, `l'exemple en échec n°${i + 1} ne déclenche pas la règle ${rule.id} : corrigez l'exemple ou la règle`);
      else ctx.add(file, sp, `l'exemple valide n°${i + 1} déclenche la règle ${rule.id} : corrigez l'exemple ou la règle`);
    }
  }
}
