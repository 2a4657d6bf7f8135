// akto-forms validate/cerfa --batch: many dossiers in one process, from NDJSON or a folder; a dossier that
// cannot be read is reported on its own line and the others go on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ROOT, SCHEMAS } from './helpers.js';

const BIN = join(ROOT, 'packages/engine/bin/akto-forms.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'akto-batch-'));
const valid = readFileSync(`${SCHEMAS}/cpro/examples/valid.json`, 'utf8');

test('validate --batch reads NDJSON, answers one JSON line per dossier, and sums up', () => {
  const invalid = JSON.parse(valid) as Record<string, Record<string, unknown>>;
  invalid.contrat!.dateFin = '2020-01-01';
  const file = join(tmp, 'dossiers.ndjson');
  writeFileSync(file, [JSON.stringify(JSON.parse(valid)), JSON.stringify(invalid), '{ pas du json', '', JSON.stringify({ dispositif: 'inconnu' })].join('\n'));
  const r = run('validate', '--batch', file, '--date', '2026-01-15');
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { dossier: string; valid?: boolean; errors?: { rule: string }[]; error?: string });
  assert.deepEqual(lines.map((l) => l.dossier), ['dossiers.ndjson:1', 'dossiers.ndjson:2', 'dossiers.ndjson:3', 'dossiers.ndjson:5']);
  assert.equal(lines[0]!.valid, true);
  assert.equal(lines[1]!.valid, false);
  assert.ok(lines[1]!.errors!.some((e) => e.rule === 'cpro.contrat.dates-ordre'));
  assert.match(lines[2]!.error!, /^dossiers\.ndjson:3 : JSON mal formé/);
  assert.match(lines[3]!.error!, /inconnu/);
  assert.match(r.stderr, /^4 dossier\(s\) : 1 valides, 1 avec des erreurs, 2 illisible\(s\) — [\d.]+ s, \d+ par seconde\.$/m);
  assert.equal(run('validate', '--batch', join(tmp, 'absent')).status, 2);
});

test('cerfa --batch fills one PDF per dossier of a folder', () => {
  const dir = join(tmp, 'folder');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.json'), valid);
  writeFileSync(join(dir, 'b.json'), valid);
  writeFileSync(join(dir, 'notes.txt'), 'ignoré');
  const out = join(tmp, 'pdf');
  const r = run('cerfa', '--batch', dir, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['a.pdf', 'b.pdf']);
  assert.equal(readFileSync(join(out, 'a.pdf')).subarray(0, 5).toString(), '%PDF-');
  assert.match(r.stderr, /2 dossier\(s\) : 2 remplis, 0 avec des erreurs, 0 illisible\(s\)/);
});

test('cerfa --batch: each PDF holds its own dossier, accents (é, ç, œ, Ł) drawn with the embedded font', async (t) => {
  const names = ['Élodie Françoise', 'Cœur-Łukasiewicz', 'Zoë Ñúñez'];
  const file = join(tmp, 'accents.ndjson');
  writeFileSync(file, names.map((nomNaissance) => JSON.stringify({ ...JSON.parse(valid), salarie: { ...JSON.parse(valid).salarie, nomNaissance } })).join('\n'));
  const fillable = join(tmp, 'accents-fillable');
  const r = run('cerfa', '--batch', file, '-o', fillable);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /attention/, 'no letter replaced: the font covers them');
  for (const [i, name] of names.entries()) {
    const form = (await PDFDocument.load(readFileSync(join(fillable, `accents.ndjson-${i + 1}.pdf`)))).getForm();
    assert.equal(form.getTextField('salarie.nomNaissance').getText(), name.toLocaleUpperCase('fr-FR'));
    assert.equal(form.getTextField('employeur.denomination').getText(), 'HUMANDO');
  }
  const flat = join(tmp, 'accents-flat');
  assert.equal(run('cerfa', '--batch', file, '-o', flat, '--flatten', '--brouillon').status, 0);
  for (const [i, name] of names.entries()) {
    const text = spawnSync('pdftotext', ['-raw', join(flat, `accents.ndjson-${i + 1}.pdf`), '-'], { encoding: 'utf8' });
    if (text.error) return t.skip('poppler-utils absent (apt-get install poppler-utils)');
    const compact = text.stdout.replace(/\s+/g, '');
    assert.ok(compact.includes(name.toLocaleUpperCase('fr-FR').replace(/\s+/g, '')), `${name} on page 1 of its own PDF`);
    for (const other of names.filter((n) => n !== name)) assert.ok(!compact.includes(other.toLocaleUpperCase('fr-FR').replace(/\s+/g, '')), `not ${other}`);
    assert.match(compact, /BROUILLON/);
  }
});
