// The fifth dispositif kept outside schemas/ (examples/external/vae): `akto-forms check` accepts it, `build` makes
// its artifact, and the CLI validates dossiers against that artifact exactly as the browser does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FOLDER = join(ROOT, 'examples/external/vae');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'packages/engine/bin/akto-forms.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('the VAE folder outside schemas/ checks, builds, and the CLI validates against its artifact', () => {
  assert.equal(cli('check', FOLDER).status, 0);
  const out = join(mkdtempSync(join(tmpdir(), 'akto-external-')), 'vae');
  const built = cli('build', FOLDER, '-o', out);
  assert.equal(built.status, 0, built.stderr);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.equal(manifest.id, 'vae');
  const valid = cli('validate', join(FOLDER, 'examples/valid.json'), '--definition', join(out, 'vae.js'), '--date', '2026-01-15');
  assert.equal(valid.status, 0, valid.stdout + valid.stderr);
  const invalid = cli('validate', join(FOLDER, 'examples/invalid-dates.json'), '--definition', join(out, 'vae.js'), '--date', '2026-01-15');
  assert.equal(invalid.status, 1);
  const result = JSON.parse(invalid.stdout) as { errors: { rule: string; message: string }[]; warnings: { rule: string }[] };
  assert.deepEqual(result.errors.map((e) => [e.rule, e.message]), [['vae.parcours.dates-ordre', "La date de fin de l'accompagnement doit être postérieure à sa date de début."]]);
  assert.deepEqual(result.warnings.map((w) => w.rule), ['vae.parcours.conge-48h']);
});
