// Changes inside one item of a long list re-run only that item's parts (schema, required fields,
// per-item rules): the result must stay exactly what a full validation gives, in the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine } from '../src/registry/index.js';
import { readJson, SCHEMAS } from './helpers.js';

const TODAY = { today: '2026-01-15' };
const values = ['', 'X', 'DUPONT', '2025-02-30', '1990-01-01', '2030-01-01', 'bad@', 'a@b.fr', '1', '2', '9', 'interimaire', [1], [99], [], 42, null, undefined, { a: 1 }];
const key = (i: { rule: string; path: string; severity: string }) => `${i.severity}:${i.rule}@${i.path}`;

for (const [id, list, fields] of [
  ['af', 'stagiaires', ['nomNaissance', 'prenoms', 'sexe', 'dateNaissance', 'csp', 'typePublic', 'email', 'modules', 'inconnu']],
  ['af', 'modules', ['intitule', 'dateDebut', 'dateFin', 'dureeHeures', 'coutPedagogique', 'modalite']],
  ['cpro', 'tuteurs', ['nomNaissance', 'prenom', 'dateNaissance', 'emploi', 'estEmployeur', 'experienceAns', 'salariesSuivis']],
] as const) {
  test(`${id}: changes inside items of /${list} give exactly the full validation's issues, in order`, async () => {
    const engine = await createEngine(id);
    const base = await readJson<Record<string, unknown>>(`${SCHEMAS}/${id}/examples/valid.json`);
    const items = base[list] as unknown[];
    const start = { ...base, [list]: Array.from({ length: 12 }, (_, i) => structuredClone(items[i % items.length])) };
    const change = fc.record({ index: fc.nat(11), field: fc.constantFrom(...fields), value: fc.constantFrom(...values) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 25 }), (changes) => {
        const session = engine.session(start, TODAY);
        for (const c of changes) {
          session.set(`/${list}/${c.index}/${c.field}`, c.value);
          const full = engine.validate(session.data, TODAY);
          const inc = session.result();
          assert.deepEqual(inc.errors.map(key), full.errors.map(key));
          assert.deepEqual(inc.warnings.map(key), full.warnings.map(key));
          assert.deepEqual(inc.tabs, full.tabs);
        }
      }),
      { seed: 20261203, numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });
}
