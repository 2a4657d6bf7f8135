import { test } from 'node:test';
import assert from 'node:assert/strict';
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
