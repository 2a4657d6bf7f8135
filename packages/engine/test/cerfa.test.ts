import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFCheckBox, PDFDocument, PDFTextField } from 'pdf-lib';
import { cerfaValues, generateCerfa, type CerfaMap } from '../src/cerfa/generate.js';
import { dejaVuSans } from '../src/node/fonts.js';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import type { DispositifDefinition } from '../src/models/definition.js';
import { readJson, ROOT, SCHEMAS } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'akto-cerfa-'));

/** Every mapped value, read back from the PDF's form. */
async function readBack(bytes: Uint8Array): Promise<Map<string, string | boolean>> {
  const form = (await PDFDocument.load(bytes)).getForm();
  const out = new Map<string, string | boolean>();
  for (const f of form.getFields()) {
    if (f instanceof PDFTextField) out.set(f.getName(), f.getText() ?? '');
    else if (f instanceof PDFCheckBox) out.set(f.getName(), f.isChecked());
  }
  return out;
}

for (const { id } of listDispositifs()) {
  test(`${id}: the document filled from valid.json holds every mapped value, formatted`, async () => {
    const engine = await createEngine(id);
    const data = await readJson(`${SCHEMAS}/${id}/examples/valid.json`);
    const result = await generateCerfa(engine.definition, data, { font: await dejaVuSans() });
    assert.deepEqual(result.warnings, []);
    const fields = await readBack(result.bytes);
    for (const v of result.values) assert.equal(fields.get(v.name), v.value, `${v.name} (${v.label})`);
    assert.ok(result.values.filter((v) => v.value !== '' && v.value !== false).length >= 10, 'the example fills the document');
  });
}

test('formatters: dates JJ/MM/AAAA, digits in boxes, code and label, money with a comma, Oui/Non pairs, upper case, concatenation', async () => {
  const engine = await createEngine('cpro');
  const data = await readJson<Record<string, Record<string, unknown>>>(`${SCHEMAS}/cpro/examples/valid.json`);
  data.contrat!.salaireBrut = 1234.5;
  const values = new Map(cerfaValues(engine.definition.extras['cerfa.map'] as CerfaMap, engine.definition, data).map((v) => [v.name, v.value]));
  assert.equal(values.get('salarie.dateNaissance'), '14/03/2003');
  assert.equal(values.get('employeur.siret'), '40101593800038');
  assert.equal(values.get('salarie.diplome'), '41 - Baccalauréat professionnel');
  assert.equal(values.get('salarie.situation'), "Demandeur d'emploi");
  assert.equal(values.get('contrat.salaire'), '1 234,50');
  assert.equal(values.get('salarie.rqth OUI'), false);
  assert.equal(values.get('salarie.rqth NON'), true);
  assert.equal(values.get('employeur.denomination'), 'HUMANDO');
  assert.equal(values.get('salarie.nomNaissance'), 'STICH');
  assert.equal(values.get('employeur.adresse'), '2 RUE HENRI LEGAY');
  assert.equal(values.get('salarie.adresse'), '50 Impasse CLOUET Bâtiment B 69003 Lyon');
});

test('names with accents, apostrophes, hyphens and non-Latin letters: exact with the font, never a crash without', async () => {
  const engine = await createEngine('cpro');
  const data = await readJson<Record<string, Record<string, unknown>>>(`${SCHEMAS}/cpro/examples/valid.json`);
  const names = ["D'Œuvray-Łukasiewicz", 'Zoë Ñúñez-Ößling', 'Ἀλέξανδρος Пётр 李'];
  for (const name of names) {
    data.salarie!.nomNaissance = name;
    const withFont = await generateCerfa(engine.definition, data, { font: await dejaVuSans() });
    assert.equal((await readBack(withFont.bytes)).get('salarie.nomNaissance'), name.toLocaleUpperCase('fr-FR'));
    const without = await generateCerfa(engine.definition, data);
    const written = String((await readBack(without.bytes)).get('salarie.nomNaissance'));
    assert.ok(written.length > 0);
    if (name.startsWith('D')) assert.equal(written, "D'ŒUVRAY-LUKASIEWICZ", 'Œ kept (WinAnsi), Ł spelt L');
    if (name.startsWith('Z')) assert.equal(written, 'ZOË ÑÚÑEZ-ÖSSLING', 'all in WinAnsi: unchanged');
    assert.equal(/Caractères remplacés/.test(without.warnings.join(' ')), !name.startsWith('Z'), 'a warning exactly when letters were replaced');
  }
});

test('fills an AcroForm template made here, and says which mapped fields it lacks', async () => {
  const tpl = await PDFDocument.create();
  const page = tpl.addPage();
  const form = tpl.getForm();
  form.createTextField('employeur.denomination').addToPage(page, { x: 50, y: 700, width: 300, height: 20 });
  form.createTextField('salarie.dateNaissance').addToPage(page, { x: 50, y: 650, width: 120, height: 20 });
  form.createCheckBox('salarie.rqth NON').addToPage(page, { x: 50, y: 600, width: 12, height: 12 });
  const engine = await createEngine('cpro');
  const data = await readJson(`${SCHEMAS}/cpro/examples/valid.json`);
  const result = await generateCerfa(engine.definition, data, { template: await tpl.save() });
  const fields = await readBack(result.bytes);
  assert.deepEqual([...fields.entries()], [
    ['employeur.denomination', 'HUMANDO'],
    ['salarie.dateNaissance', '14/03/2003'],
    ['salarie.rqth NON', true],
  ]);
  assert.ok(result.warnings.some((w) => w.includes('Champ absent du modèle : « salarie.nir »')));
});

test('fills the official apprenticeship CERFA 10103*12 (a real AcroForm) by field name', async () => {
  // A copy of shared/fixtures/cerfa_10103-12.pdf (the apprenticeship CERFA as mission-apprentissage/contrat keeps it).
  const template = readFileSync(join(ROOT, 'packages/engine/test/fixtures/cerfa_10103-12.pdf'));
  const engine = await createEngine('cpro');
  const map: CerfaMap = {
    document: { title: 'Contrat d’apprentissage', number: 'cerfa N° 10103*12', sections: ['A'] },
    fields: [
      { name: 'Nom et prénom ou dénomination :', pointer: '/employeur/raisonSociale', format: 'upper' },
      { name: 'N°SIRET de l’établissement d’exécution du contrat :', pointer: '/employeur/siret', format: 'digits' },
      { name: 'Nom de naissance de l’apprenti(e) :', pointer: '/salarie/nomNaissance', format: 'upper' },
      { name: 'Le premier prénom de l’apprenti(e) selon l’état civil :', pointer: '/salarie/prenoms' },
      { name: 'Apprenti Date naissance_af_date', pointer: '/salarie/dateNaissance', format: 'date' },
      { name: 'Date de début d’exécution du contrat : _af_date', pointer: '/contrat/dateDebut', format: 'date' },
      { name: 'Déclare bénéficier de la reconnaissance travailleur handicapé', pointer: '/salarie/rqth', format: 'oui-non', names: { oui: 'Déclare bénéficier de la reconnaissance travailleur handicapé OUI', non: 'Déclare bénéficier de la reconnaissance travailleur handicapé NON' } },
    ],
  };
  const definition: DispositifDefinition = { ...engine.definition, extras: { ...engine.definition.extras, 'cerfa.map': map } };
  const data = await readJson<Record<string, Record<string, unknown>>>(`${SCHEMAS}/cpro/examples/valid.json`);
  data.salarie!.nomNaissance = 'de Noblet-Łaska';
  const result = await generateCerfa(definition, data, { template, font: await dejaVuSans() });
  assert.deepEqual(result.warnings, []);
  const fields = await readBack(result.bytes);
  assert.equal(fields.get('Nom et prénom ou dénomination :'), 'HUMANDO');
  assert.equal(fields.get('N°SIRET de l’établissement d’exécution du contrat :'), '40101593800038');
  assert.equal(fields.get('Nom de naissance de l’apprenti(e) :'), 'DE NOBLET-ŁASKA');
  assert.equal(fields.get('Le premier prénom de l’apprenti(e) selon l’état civil :'), 'Lilo');
  assert.equal(fields.get('Apprenti Date naissance_af_date'), '14/03/2003');
  assert.equal(fields.get('Date de début d’exécution du contrat : _af_date'), '01/09/2025');
  assert.equal(fields.get('Déclare bénéficier de la reconnaissance travailleur handicapé NON'), true);
  assert.equal(fields.get('Déclare bénéficier de la reconnaissance travailleur handicapé OUI'), false);
  writeFileSync(join(tmp, '10103.pdf'), result.bytes);
});

test('flattened with a BROUILLON watermark: no field left, and poppler renders it cleanly', async (t) => {
  const engine = await createEngine('cpro');
  const data = await readJson(`${SCHEMAS}/cpro/examples/valid.json`);
  const result = await generateCerfa(engine.definition, data, { flatten: true, draft: true, font: await dejaVuSans() });
  assert.equal((await PDFDocument.load(result.bytes)).getForm().getFields().length, 0);
  const pdf = join(tmp, 'cpro-flat.pdf');
  writeFileSync(pdf, result.bytes);
  const text = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  if (text.error) return t.skip('poppler-utils absent (apt-get install poppler-utils)');
  assert.equal(text.status, 0, text.stderr);
  const compact = text.stdout.replace(/\s+/g, '');
  assert.match(compact, /BROUILLON/, 'the watermark (rotated letters) is on the page');
  assert.match(compact, /HUMANDO/);
  assert.match(compact, /cerfaN°12434\*03/);
  const png = spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdf, join(tmp, 'page')], { encoding: 'utf8' });
  assert.equal(png.status, 0);
  assert.doesNotMatch(png.stderr, /Error/i, 'no XRef error');
});

test('akto-forms cerfa writes the PDF (fields fillable unless --flatten), exit 2 on bad input', async () => {
  const bin = join(ROOT, 'packages/engine/bin/akto-forms.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
  const out = join(tmp, 'cli.pdf');
  const ok = run('cerfa', `${SCHEMAS}/cpro/examples/valid.json`, '-o', out);
  assert.equal(ok.status, 0, ok.stderr);
  assert.ok((await PDFDocument.load(readFileSync(out))).getForm().getFields().length > 50, 'fields stay fillable');
  const flat = run('cerfa', `${SCHEMAS}/cpro/examples/valid.json`, '--flatten', '-o', out);
  assert.equal(flat.status, 0);
  assert.equal((await PDFDocument.load(readFileSync(out))).getForm().getFields().length, 0);
  assert.match(run('cerfa', `${SCHEMAS}/cpro/examples/valid.json`).stderr, /-o SORTIE\.pdf/);
  const bad = run('cerfa', `${SCHEMAS}/cpro/examples/valid.json`, '--template', `${SCHEMAS}/README.md`, '-o', out);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /n'est pas un PDF lisible/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
});
