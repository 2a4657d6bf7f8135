import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkAll, checkDefinitionDir } from '../src/build/check-definition.js';
import { DEMO_DIR, ROOT, SCHEMAS } from './helpers.js';

test('the definitions under schemas/ and the demo fixture pass the check', async () => {
  assert.deepEqual(await checkAll(SCHEMAS), []);
  assert.deepEqual(await checkDefinitionDir(DEMO_DIR, SCHEMAS), []);
});

/** Copies schemas/ to a temp folder, lets `edit` break the cpro definition, returns the problems. */
async function problemsAfter(edit: (dir: string) => void): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'akto-check-'));
  cpSync(SCHEMAS, root, { recursive: true });
  edit(join(root, 'cpro'));
  return (await checkAll(root)).map((p) => `${p.file.replace(/^.*?cpro\//, '')} : ${p.message}`);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits free-form JSON
const rule = (rules: any, id: string) => rules.rules.find((r: { id: string }) => r.id === id);
const patch = (file: string, fn: (json: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- edits free-form JSON
  const json = JSON.parse(readFileSync(file, 'utf8'));
  fn(json);
  writeFileSync(file, JSON.stringify(json));
};

test('check reports precise problems', async () => {
  const problems = await problemsAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => {
      rule(r, 'cpro.salarie.nir-sexe').id = 'cpro.salarie.age-min';
      rule(r, 'cpro.salarie.nir-mois').at = ['/salarie/inexistant'];
    });
    patch(join(dir, 'layout.json'), (l) => {
      l.tabs[1].sections[0].fields.push({ field: '/employeur/fantome' });
    });
    patch(join(dir, 'dossier.schema.json'), (s) => {
      s.properties.sousDispositif['x-codeList'] = 'liste-absente';
    });
    writeFileSync(join(dir, 'lists-unused.json'), '{}');
  });
  const expected = [
    'rules.json : règle cpro.salarie.age-min : identifiant en double',
    'rules.json : règle cpro.salarie.nir-mois : at /salarie/inexistant n\'existe pas dans le schéma',
    'layout.json : onglet employeur, section etablissement, champ /employeur/fantome : le champ n\'existe pas dans le schéma',
    'dossier.schema.json : liste de codes inconnue : « liste-absente »',
  ];
  for (const e of expected) assert.ok(problems.includes(e), `missing: ${e}\n got: ${problems.join('\n')}`);
});

test('check refuses a rule without samples and a sample that contradicts its rule', async () => {
  const noSamples = await problemsAfter((dir) => patch(join(dir, 'rules.json'), (r) => delete r.rules[0].samples));
  assert.ok(noSamples.some((p) => p.startsWith('rules.json : structure invalide : /rules/0') && p.includes('samples')), noSamples.join('\n'));
  const wrong = await problemsAfter((dir) =>
    patch(join(dir, 'rules.json'), (r) => {
      const annee = rule(r, 'cpro.salarie.nir-annee');
      annee.samples.pass = annee.samples.fail;
    }),
  );
  assert.deepEqual(wrong, ["rules.json : règle cpro.salarie.nir-annee : l'exemple valide n°1 déclenche la règle"]);
});

test('check reports code lists nobody uses and bad expressions', async () => {
  const problems = await problemsAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => (rule(r, 'cpro.salarie.age-min').assert = { gte: [{ nope: 1 }, 16] }));
    patch(join(dir, '../common/lists/sexe.json'), (l) => (l.id = 'sexe'));
    writeFileSync(join(dir, '../common/lists/inutile.json'), JSON.stringify({ id: 'inutile', label: 'Inutile', entries: [{ code: 'a', label: 'A' }] }));
  });
  assert.ok(problems.some((p) => p.includes('inutile.json : liste « inutile » utilisée par aucun dispositif')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('structure invalide') || p.includes('Expression inconnue')), problems.join('\n'));
});

test('akto-forms check exits 0 on schemas/ and 1 with messages on a broken copy', () => {
  const bin = join(ROOT, 'packages/engine/bin/akto-forms.js');
  const ok = spawnSync(process.execPath, [bin, 'check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const root = mkdtempSync(join(tmpdir(), 'akto-check-cli-'));
  cpSync(SCHEMAS, root, { recursive: true });
  patch(join(root, 'cpro/layout.json'), (l) => l.tabs[1].sections[0].fields.push({ field: '/employeur/fantome' }));
  const ko = spawnSync(process.execPath, [bin, 'check', join(root, 'cpro')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AKTO_SCHEMAS: root } });
  assert.equal(ko.status, 1);
  assert.match(ko.stderr, /\/employeur\/fantome : le champ n'existe pas dans le schéma/);
});

test('the dispositifs table of schemas/README.md matches the definitions', async () => {
  const { schemasTable } = await import('../src/build/schemas-table.js');
  const { assembleDefinition } = await import('../src/definition/assemble.js');
  const { listDefinitionDirs, loadDefinitionSource } = await import('../src/node/load-definition.js');
  const defs = await Promise.all((await listDefinitionDirs(SCHEMAS)).map(async (d) => assembleDefinition(await loadDefinitionSource(d))));
  assert.ok(readFileSync(join(SCHEMAS, 'README.md'), 'utf8').includes(schemasTable(defs)), 'run npm run build:schemas -- --table and paste it into schemas/README.md');
});

test('check verifies machine.json: guard, action and service names, tabs against the layout, state labels', async () => {
  const problems = await problemsAfter((dir) =>
    patch(join(dir, 'machine.json'), (m) => {
      m.wizard.states.onglet.states.contrat.on['step.next'] = { target: 'formation', guard: 'isMagic' };
      m.wizard.states.onglet.states.fantome = {};
      delete m.wizard.states.onglet.states.documents;
      m.wizard.states.onglet.states.introduction.on['step.next'] = { target: 'employeur', actions: 'envoyerFax' };
    }),
  );
  for (const e of [
    'machine.json : wizard wizard.onglet.contrat : garde « isMagic » inconnue',
    'machine.json : wizard wizard.onglet.introduction : action « envoyerFax » inconnue',
    "machine.json : wizard : l'onglet « documents » du layout n'est pas un état de la navigation",
    "machine.json : wizard : l'état « fantome » n'est pas un onglet du layout",
  ]) {
    assert.ok(problems.some((p) => p.startsWith(e)), `missing: ${e}\n got: ${problems.join('\n')}`);
  }
});
