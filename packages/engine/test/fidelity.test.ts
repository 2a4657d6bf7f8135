import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createEngine } from '../src/registry/index.js';

// Issue 13.5: a Pro-A avenant signed from 1 January 2026 is warned about, not blocked
// (the portal's January 2026 guide still lists Pro-A drafts).
test('proa: an avenant signed in 2026 gives a warning, not an error', async () => {
  const engine = await createEngine('proa');
  const result = engine.validate({ synthese: { dateSignature: '2026-01-05' } }, { today: '2026-01-15' });
  assert.ok(result.warnings.some((w) => w.rule === 'proa.pieces.avenant-avant-2026'));
  assert.ok(!result.errors.some((e) => e.rule === 'proa.pieces.avenant-avant-2026'));
  const rule = engine.definition.rules.find((r) => r.id === 'proa.pieces.avenant-avant-2026');
  assert.match(rule?.description ?? '', /Loi n° 2025-989 du 24 octobre 2025, art\. 11/);
});

// Issue 17.7: three tutor fields the guide (002) does not show to a training provider are the employer's to fill:
// a provider pre-filling the dossier may leave them; the employer who resumes it must fill them.
test('cpro: a provider may leave the tutor fields only the employer fills (tutor is the employer, experience, people followed)', async () => {
  const engine = await createEngine('cpro');
  const valid = JSON.parse(readFileSync(new URL('../../../schemas/cpro/examples/valid.json', import.meta.url), 'utf8')) as { tuteurs: Record<string, unknown>[] };
  const tuteurs = valid.tuteurs.map(({ estEmployeur: _e, experienceAns: _x, salariesSuivis: _s, ...rest }) => rest);
  const data = { ...valid, tuteurs };
  const missing = (role: 'adherent' | 'prestataire') =>
    engine
      .validate(data, { role, phase: 'page', tab: 'salarie', today: '2025-08-01' })
      .errors.filter((e) => e.kind === 'required' && e.path.startsWith('/tuteurs/0/'))
      .map((e) => e.path)
      .sort();
  assert.deepEqual(missing('prestataire'), []);
  assert.deepEqual(missing('adherent'), ['/tuteurs/0/estEmployeur', '/tuteurs/0/experienceAns', '/tuteurs/0/salariesSuivis']);
});
