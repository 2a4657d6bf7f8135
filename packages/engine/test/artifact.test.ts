import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, hasDispositif, listDispositifs, manifestOf, registerDispositif } from '../src/registry/index.js';
import { registerArtifactFile } from '../src/node/load-artifact.js';
import { compileArtifact } from '../src/designer/index.js';
import { loadDefinitionSource } from '../src/node/load-definition.js';
import { ENGINE_VERSION } from '../src/version.js';
import { DEMO_DIR, ROOT, SCHEMAS, readJson } from './helpers.js';

const BIN = join(ROOT, 'packages/engine/bin/akto-forms.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'akto-artifact-'));

test('the engine version is the package version (artifacts name the range they need)', async () => {
  const pkg = await readJson<{ version: string }>(join(ROOT, 'packages/engine/package.json'));
  assert.equal(ENGINE_VERSION, pkg.version);
});

test('akto-forms build writes a module, its types and a manifest for a folder outside schemas/', async () => {
  const out = join(tmp, 'demo');
  const r = run('build', DEMO_DIR, '-o', out);
  assert.equal(r.code, 0, r.err);
  const manifest = await readJson<Record<string, unknown>>(join(out, 'manifest.json'));
  assert.equal(manifest.id, 'demo');
  assert.equal(manifest.version, '1.0.0');
  assert.match(String(manifest.hash), /^sha256-[0-9a-f]{32}$/);
  assert.equal(manifest.engine, `^${ENGINE_VERSION}`);
  const code = readFileSync(join(out, 'demo.js'), 'utf8');
  assert.doesNotMatch(code, /^\s*import\s/m, 'self-contained: loadable from any URL');
  assert.match(readFileSync(join(out, 'demo.d.ts'), 'utf8'), /export (interface|type) DemoDossier/);
  // The CLI validates a dossier against the built artifact.
  const dossier = join(tmp, 'dossier.json');
  writeFileSync(dossier, JSON.stringify({ dispositif: 'demo' }));
  const v = run('validate', dossier, '--definition', out, '--phase', 'saisie');
  assert.ok(v.code === 0 || v.code === 1, v.err);
  assert.equal(typeof JSON.parse(v.out).valid, 'boolean');
});

test('a registered artifact is listed, runs, and records its stamp; the same build gives the same hash', async () => {
  const out = join(tmp, 'demo');
  const summary = await registerArtifactFile(out);
  assert.equal(summary.id, 'demo');
  assert.ok(hasDispositif('demo'));
  assert.ok(listDispositifs().some((d) => d.id === 'demo'));
  assert.ok(listDispositifs().some((d) => d.id === 'cpro'), 'built-ins stay');
  const engine = await createEngine('demo');
  assert.deepEqual(engine.stamp, { id: 'demo', version: '1.0.0', hash: manifestOf('demo')?.hash });
  const again = join(tmp, 'demo-again');
  assert.equal(run('build', DEMO_DIR, '-o', again).code, 0);
  assert.equal((await readJson<{ hash: string }>(join(again, 'manifest.json'))).hash, manifestOf('demo')?.hash);
});

test('an artifact built for another engine line is refused with a French message', async () => {
  const file = join(tmp, 'demo', 'demo.js');
  const other = join(tmp, 'future.js');
  writeFileSync(other, readFileSync(file, 'utf8').replace(`"engine":"^${ENGINE_VERSION}"`, '"engine":"^9.0.0"'));
  await assert.rejects(registerDispositif(pathToFileURL(other)), (e: Error) => {
    assert.match(e.message, /demande le moteur \^9\.0\.0, mais ce moteur est en version/);
    return true;
  });
  const notArtifact = join(tmp, 'plain.js');
  writeFileSync(notArtifact, 'export const x = 1;\n');
  await assert.rejects(registerDispositif(pathToFileURL(notArtifact)), /n'est pas une définition de dispositif/);
  const r = run('validate', join(tmp, 'dossier.json'), '--definition', other);
  assert.equal(r.code, 2);
  assert.match(r.err, /demande le moteur \^9\.0\.0/);
});

test('built-in dispositifs are artifacts too: their engine carries the manifest of schemas/dist', async () => {
  const engine = await createEngine('cpro');
  const manifest = await readJson<{ hash: string; version: string }>(join(ROOT, 'schemas/dist/cpro/manifest.json'));
  assert.deepEqual(engine.stamp, { id: 'cpro', version: manifest.version, hash: manifest.hash });
});

test('a new dispositif outside schemas/ (akto-forms new) builds into an artifact that the CLI validates against', async () => {
  const folder = join(tmp, 'outside', 'vae');
  const created = run('new', 'vae', '-o', folder);
  assert.equal(created.code, 0, created.err);
  const out = join(tmp, 'vae-artifact');
  const built = run('build', folder, '-o', out);
  assert.equal(built.code, 0, built.err);
  assert.match(built.out, /^vae 1\.0\.0 \(sha256-/);
  const dossier = join(tmp, 'vae.json');
  writeFileSync(dossier, JSON.stringify({ dispositif: 'vae' }));
  const v = run('validate', dossier, '--definition', join(out, 'vae.js'));
  assert.ok(v.code === 0 || v.code === 1, v.err);
  assert.ok(Array.isArray(JSON.parse(v.out).errors));
});

test('a definition compiled in designer mode registers as an artifact, and a new revision replaces it', async () => {
  const source = await loadDefinitionSource(DEMO_DIR, `${SCHEMAS}/common`);
  await registerDispositif(compileArtifact(source, 'designer-1'));
  assert.equal(manifestOf('demo')?.hash, 'designer-1');
  const first = await createEngine('demo');
  const rule = source.rules.rules[0] as { message: string };
  const edited = { ...source, rules: { ...source.rules, rules: [{ ...rule, message: 'Message modifié' }, ...source.rules.rules.slice(1)] } };
  await registerDispositif(compileArtifact(edited as typeof source, 'designer-2'));
  const second = await createEngine('demo');
  assert.notEqual(second, first, 'a new engine for the new revision');
  assert.equal(second.definition.rules[0]?.message, 'Message modifié');
});
