import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { expandPointer, getAt, setAt } from '../src/pointer/json-pointer.js';
import { readJson, SCHEMAS } from './helpers.js';

// Every conditional field of every dispositif (shown or required only when another answer says so),
// against the dispositif's examples: emptying it gives "Saisie obligatoire" exactly when it is shown and
// required there, and nothing when it is hidden.
for (const { id } of listDispositifs()) {
  test(`${id}: every conditional field is required only when shown and asked for`, async () => {
    const engine = await createEngine(id);
    const conditional = engine.layout.fields.filter((f) => f.visible.length > 0 || typeof f.required === 'function');
    const examples = ['valid.json', 'prestataire.json'].filter((f) => existsSync(`${SCHEMAS}/${id}/examples/${f}`));
    let checked = 0;
    const both = new Map<string, Set<boolean>>();
    for (const file of examples) {
      const role = file === 'prestataire.json' ? 'prestataire' : 'adherent';
      const data = await readJson(`${SCHEMAS}/${id}/examples/${file}`);
      for (const entry of conditional) {
        for (const path of expandPointer(data, entry.pattern).slice(0, 1)) {
          const emptied = setAt(data, path, undefined);
          const ctx = engine.context(engine.compute(emptied), role, '2026-01-15');
          const local = entry.repeat ? { ...ctx, bind: { array: entry.repeat, index: Number(path.split('/')[entry.repeat.split('/').length]) } } : ctx;
          const expected = engine.layout.roleSees(entry, role) && engine.layout.isVisible(entry, local) && engine.layout.isRequired(entry, local);
          const issues = engine.validate(emptied, { role, today: '2026-01-15' }).errors.filter((e) => e.path === path && e.rule === 'required');
          assert.equal(issues.length > 0, expected, `${file} ${path}: required=${expected}`);
          if (getAt(data, path) !== undefined || !expected) checked++;
          const seen = both.get(entry.pattern) ?? new Set();
          seen.add(expected);
          both.set(entry.pattern, seen);
        }
      }
    }
    assert.ok(checked > 0 || conditional.length === 0, 'conditional fields were exercised');
  });
}

test('CPRO conditional fields switch both ways with the answer they depend on', async () => {
  const engine = await createEngine('cpro');
  const data = await readJson<Record<string, Record<string, unknown>>>(`${SCHEMAS}/cpro/examples/valid.json`);
  const cases: [string, string, unknown, unknown][] = [
    ['/salarie/franceTravailInscrit', '/salarie/franceTravailNumero', true, false],
    ['/salarie/rqth', '/salarie/rqthDroits', true, false],
    ['/financement/hebergementNuitees', '/financement/hebergementMontant', 2, 0],
    ['/formation/typeQualification', '/formation/rncp', '1', '3'],
    ['/formation/formationInterne', '/formation/organisme/siret', false, true],
  ];
  for (const [answer, field, shown, hidden] of cases) {
    const base = setAt(data, field, undefined);
    const errs = (v: unknown) => engine.validate(setAt(base, answer, v)).errors.filter((e) => e.path === field).map((e) => e.message);
    assert.deepEqual(errs(shown), ['Saisie obligatoire'], `${field} with ${answer}=${JSON.stringify(shown)}`);
    assert.deepEqual(errs(hidden), [], `${field} with ${answer}=${JSON.stringify(hidden)}`);
  }
});
