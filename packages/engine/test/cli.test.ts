import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readJson, SCHEMAS } from './helpers.js';

const BIN = join(ROOT, 'packages/engine/bin/akto-forms.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'akto-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

test('validate: exit 0 and JSON with no errors for a valid dossier (warnings allowed)', () => {
  const r = run('validate', `${SCHEMAS}/cpro/examples/warning-age.json`, '--date', '2026-01-15');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.valid, true);
  assert.deepEqual(out.errors, []);
  assert.deepEqual(out.warnings, [{ rule: 'cpro.salarie.age-min', path: '/salarie/dateNaissance', tab: 'salarie', message: "Le salarié doit être âgé d'au moins 16 ans pour conclure un tel contrat" }]);
});

test('validate: exit 1 with each error as { rule, path, tab, message }', async () => {
  const r = run('validate', `${SCHEMAS}/cpro/examples/invalid-required.json`);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.out);
  assert.equal(out.valid, false);
  assert.deepEqual(out.errors[1], { rule: 'required', path: '/employeur/email', tab: 'employeur', message: 'Saisie obligatoire' });
});

test('validate: --phase, --tab and --role narrow what is reported', async () => {
  const data = await readJson<Record<string, Record<string, unknown>>>(`${SCHEMAS}/cpro/examples/valid.json`);
  delete data.salarie?.prenoms;
  (data.employeur as Record<string, unknown>).email = 'essai';
  const f = file('phases.json', JSON.stringify(data));
  assert.equal(JSON.parse(run('validate', f, '--phase', 'saisie').out).errors.length, 1);
  assert.deepEqual(JSON.parse(run('validate', f, '--phase', 'page', '--tab', 'salarie').out).errors.map((e: { path: string }) => e.path), ['/salarie/prenoms']);
  assert.equal(run('validate', f, '--role', 'prestataire').code, 1);
});

test('validate: exit 2 with a clear French message and no stack trace for unusable input', () => {
  const cases: [string[], RegExp][] = [
    [['validate', join(tmp, 'absent.json')], /Fichier introuvable/],
    [['validate', file('bad.json', '{ "dispositif": "cpro", ')], /JSON mal formé/],
    [['validate', file('deep.json', '['.repeat(200_000) + ']'.repeat(200_000))], /JSON mal formé|Dispositif inconnu/],
    [['validate', file('nodisp.json', '{}')], /indiquez --dispositif/],
    [['validate', file('unknown.json', '{ "dispositif": "xyz" }')], /Dispositif inconnu : « xyz »/],
    [['validate', `${SCHEMAS}/cpro/examples/valid.json`, '--phase', 'fin'], /Phase inconnue/],
    [['validate', `${SCHEMAS}/cpro/examples/valid.json`, '--role', 'pirate'], /Rôle inconnu/],
    [['validate', `${SCHEMAS}/cpro/examples/valid.json`, '--tab', 'nulle-part'], /Onglet inconnu/],
    [['validate', `${SCHEMAS}/cpro/examples/valid.json`, '--bogus'], /Unknown option/],
    [['validate'], /Indiquez un fichier/],
    [['frobnicate'], /Commande inconnue/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  }
});

test('validate accepts --dispositif for a file that does not name its dispositif', () => {
  const r = run('validate', file('anon.json', JSON.stringify({ salarie: { nomNaissance: 'X' } })), '--dispositif', 'cpro', '--phase', 'saisie');
  assert.equal(r.code, 0, r.err);
});

test('list prints the dispositifs and their sub-dispositifs', () => {
  const r = run('list');
  assert.equal(r.code, 0);
  assert.match(r.out, /^cpro\tCPRO\tContrat de professionnalisation$/m);
  assert.match(r.out, /^ {2}cpro\tContrat de Professionnalisation$/m);
});
