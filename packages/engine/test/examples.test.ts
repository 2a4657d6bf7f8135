import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { compileDispositif } from '../src/designer/index.js';
import { loadDefinitionSource } from '../src/node/load-definition.js';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { DossierEngine } from '../src/validation/dossier-engine.js';
import type { Phase, Role } from '../src/models/definition.js';
import { ids, readJson, SCHEMAS } from './helpers.js';

interface Expected {
  date: string;
  examples: Record<string, { role?: Role; phase?: Phase; valid: boolean; errors: string[]; warnings: string[] }>;
}

for (const { id } of listDispositifs()) {
  const dir = `${SCHEMAS}/${id}/examples`;
  test(`${id}: every example gives the expected result, precompiled and in designer mode alike`, async () => {
    assert.ok(existsSync(`${dir}/valid.json`), 'a valid.json example exists');
    const expected = await readJson<Expected>(`${dir}/expected.json`);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'expected.json');
    assert.deepEqual(files.sort(), Object.keys(expected.examples).sort(), 'expected.json lists every example');
    const precompiled = await createEngine(id);
    const designer = new DossierEngine(compileDispositif(await loadDefinitionSource(`${SCHEMAS}/${id}`)));
    for (const file of files) {
      const data = await readJson(`${dir}/${file}`);
      const { role, phase, ...want } = expected.examples[file] ?? {};
      for (const engine of [precompiled, designer]) {
        const result = engine.validate(data, { today: expected.date, role, phase });
        assert.deepEqual({ valid: result.valid, errors: ids(result.errors), warnings: ids(result.warnings) }, want, file);
      }
    }
  });
}
