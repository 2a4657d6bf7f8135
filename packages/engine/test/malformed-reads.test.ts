import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { collectReads } from '../src/expressions/evaluate.js';
import { getAt, setAt } from '../src/pointer/json-pointer.js';

// Issue 13.1: a rule does not run while a field it reads has a format error; only the format message shows.
const INVALID: unknown[] = ['2025-02-30', '11', -1, 'x'.repeat(600), 1.5, 'abc'];

for (const { id } of listDispositifs()) {
  test(`${id}: no rule fires on a field with a format error`, async () => {
    const engine = await createEngine(id);
    let checked = 0;
    for (const rule of engine.definition.rules) {
      const reads = [collectReads(rule.assert), collectReads(rule.when)].flatMap((r) => [...r.required, ...r.optional]);
      for (const { $today, ...sample } of rule.samples.fail) {
        const today = typeof $today === 'string' ? $today : '2026-01-15';
        for (const read of new Set(reads)) {
          const path = rule.forEach ? read.replace(`${rule.forEach}/*`, `${rule.forEach}/0`) : read;
          if (path.includes('*') || getAt(sample, path) === undefined) continue;
          for (const bad of INVALID) {
            const data = setAt(sample, path, bad);
            const format = engine.validate(data, { phase: 'saisie', today }).errors.filter((e) => e.path === path && e.kind === 'schema');
            if (format.length === 0) continue;
            checked++;
            // with forEach, other (well-formed) items may still fire: only the malformed item must not
            const mine = (i: { rule: string; path: string }) => i.rule === rule.id && (!rule.forEach || i.path.startsWith(`${rule.forEach}/0/`) || !i.path.startsWith(`${rule.forEach}/`));
            assert.deepEqual(engine.runRule(rule.id, data, { today }).filter(mine), [], `${rule.id} fires with ${path} = ${JSON.stringify(bad)}`);
            const all = engine.validate(data, { today });
            assert.ok(all.errors.some((e) => e.path === path && e.kind === 'schema'), `format error at ${path}`);
            assert.ok(![...all.errors, ...all.warnings].some(mine), `${rule.id} in validate with ${path} = ${JSON.stringify(bad)}`);
            break;
          }
        }
      }
    }
    assert.ok(checked > 0, 'some rule read was made malformed');
  });
}

test('cpro: dateDebut "11" or "2025-02-30" shows the format error and not dans-contrat', async () => {
  const engine = await createEngine('cpro');
  const rule = engine.definition.rules.find((r) => r.id === 'cpro.formation.dans-contrat');
  assert.ok(rule);
  const { $today: _t, ...sample } = rule.samples.fail[0] as Record<string, unknown>;
  for (const bad of ['11', '2025-02-30']) {
    const data = setAt(sample, '/formation/dateDebut', bad);
    const session = engine.session(data, { today: '2026-01-15' });
    const errors = session.result().errors;
    assert.ok(errors.some((e) => e.path === '/formation/dateDebut' && e.kind === 'schema'));
    assert.ok(!errors.some((e) => e.rule === 'cpro.formation.dans-contrat'));
    // fixing the date brings the rule back, incrementally
    const fixed = session.set('/formation/dateDebut', getAt(sample, '/formation/dateDebut')).result().errors;
    assert.ok(fixed.some((e) => e.rule === 'cpro.formation.dans-contrat'));
  }
});

// Issue 17.2: one mistake, one message. A NIR too short shows its format message alone, whatever reads it
// (the four coherence rules, the NIR-holder check through the host); once well formed, the others show.
for (const id of ['cpro', 'proa']) {
  test(`${id}: a malformed NIR shows only its format message; the coherence checks come once it is well formed`, async () => {
    const engine = await createEngine(id);
    // a well-formed NIR (valid key) that matches neither the sex, the birth date nor the department
    const nir = '188057511200132';
    const salarie = { sexe: '2', dateNaissance: '1992-11-02', departementNaissance: '13', nomNaissance: 'DUPONT', nirTemporaire: false };
    const asked: unknown[] = [];
    const providers = { nirTitulaire: async (input: Record<string, unknown>) => (asked.push(input), false) };
    const session = engine.session({ salarie }, { today: '2026-01-15' });
    for (let n = 1; n <= nir.length; n++) {
      const value = nir.slice(0, n);
      const data = { salarie: { ...salarie, nir: value } };
      session.set('/salarie/nir', value);
      const sessionAt = session.result().errors.filter((e) => e.path === '/salarie/nir');
      const validateAt = engine.validate(data, { today: '2026-01-15' }).errors.filter((e) => e.path === '/salarie/nir');
      const asyncAt = await engine.validateAsync(data, providers, { today: '2026-01-15' });
      if (n < nir.length) {
        for (const errors of [sessionAt, validateAt]) assert.deepEqual(errors.map((e) => e.rule), ['format.nir'], `${value}: ${errors.map((e) => e.message).join(' | ')}`);
        assert.deepEqual(asyncAt, [], `${value}: no NIR-holder check`);
        assert.deepEqual(asked, [], `${value}: the host is not asked`);
      } else {
        for (const errors of [sessionAt, validateAt]) {
          assert.ok(!errors.some((e) => e.kind === 'schema'));
          assert.ok(errors.filter((e) => e.kind === 'rule').length >= 3, errors.map((e) => e.rule).join(', '));
        }
        assert.deepEqual(asyncAt.map((i) => i.message), ['Titulaire non trouvé.']);
        assert.equal(asked.length, 1);
      }
    }
  });
}
