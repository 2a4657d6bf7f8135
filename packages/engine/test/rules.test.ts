import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { ruleSampleOutcomes } from '../src/check/rule-samples.js';
import { demoEngine } from './helpers.js';

// Every rule of every dispositif, from its own samples: fires on each failing one, silent on each passing one.
const engines = [...listDispositifs().map((d) => () => createEngine(d.id)), demoEngine];

for (const load of engines) {
  test(`rules of ${load === demoEngine ? 'demo' : 'a built-in dispositif'} fire on their failing samples only`, async (t) => {
    const engine = await load();
    for (const rule of engine.definition.rules) {
      await t.test(rule.id, () => {
        for (const s of ruleSampleOutcomes(engine, rule, '2026-01-15')) {
          assert.ok(s.ok, `${rule.id} should ${s.kind === 'fail' ? '' : 'not '}fire on ${JSON.stringify(s.data)}`);
          for (const i of s.issues) {
            assert.equal(i.severity, rule.severity);
            // `labels` rules fill {manquants} / {presents} from the data
            if (rule.labels) assert.match(i.message, new RegExp(`^${rule.message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(manquants|presents)\\?\}/g, '.+')}$`));
            else assert.equal(i.message, rule.message);
          }
        }
      });
    }
  });
}
