import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkAll, checkDefinitionDir, formatProblem } from '../src/build/check-definition.js';
import { writeScaffold } from '../src/build/scaffold.js';
import { compileDispositif } from '../src/designer/index.js';
import { loadDefinitionSource } from '../src/node/load-definition.js';
import { DossierEngine } from '../src/validation/dossier-engine.js';
import { DEMO_DIR, ROOT, SCHEMAS } from './helpers.js';

const BIN = join(ROOT, 'packages/engine/bin/akto-forms.js');
const COMMON = join(SCHEMAS, 'common');

test('the definitions under schemas/ and the demo fixture pass the check', async () => {
  assert.deepEqual(await checkAll(SCHEMAS), []);
  assert.deepEqual(await checkDefinitionDir(DEMO_DIR, SCHEMAS), []);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits free-form JSON
const patch = (file: string, fn: (json: any) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  fn(json);
  writeFileSync(file, JSON.stringify(json));
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits free-form JSON
const rule = (rules: any, id: string) => rules.rules.find((r: { id: string }) => r.id === id);

/** Copies schemas/ to a temp folder, lets `edit` break the cpro definition, returns the printed problems. */
async function problemsAfter(edit: (dir: string) => void): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'akto-check-'));
  cpSync(SCHEMAS, root, { recursive: true });
  edit(join(root, 'cpro'));
  return (await checkAll(root)).map((p) => formatProblem(p).replace(/^.*?cpro\//, ''));
}

/** Writes the scaffold (a minimal dispositif) outside schemas/, lets `edit` break it, returns the printed problems. */
async function minimalAfter(edit: (dir: string) => void): Promise<string[]> {
  const dir = join(mkdtempSync(join(tmpdir(), 'akto-min-')), 'mini');
  await writeScaffold('mini', dir);
  edit(dir);
  return (await checkDefinitionDir(dir, { commonDir: COMMON })).map((p) => formatProblem(p).replace(`${dir}/`, ''));
}

const includesAll = (got: string[], expected: string[]) => {
  for (const e of expected) assert.ok(got.includes(e), `missing: ${e}\n got:\n${got.join('\n')}`);
};

test('a rule reading a field the schema lacks (at, when, assert, forEach) is reported where it reads it', async () => {
  const got = await minimalAfter((dir) =>
    patch(join(dir, 'rules.json'), (r) => {
      const dates = r.rules[0];
      dates.assert = { gt: [{ var: '/formation/dateFin' }, { var: '/salarie/nom' }] };
      dates.when = { present: '/formation/absente' };
      dates.at = ['/formation/ailleurs'];
      r.rules.push({ ...structuredClone(dates), id: 'mini.formation.par-tuteur', when: undefined, at: ['/formation/dateFin'], forEach: '/tuteurs' });
    }),
  );
  includesAll(got, [
    "rules.json#/rules/0/assert/gt/1/var : la règle mini.formation.dates-ordre lit /salarie/nom, qui n'existe pas dans dossier.schema.json",
    'rules.json#/rules/0/when/present : la condition "when" de la règle mini.formation.dates-ordre lit /formation/absente, qui n\'existe pas dans dossier.schema.json',
    "rules.json#/rules/0/at/0 : la règle mini.formation.dates-ordre affiche son message sous /formation/ailleurs, qui n'existe pas dans dossier.schema.json",
    "rules.json#/rules/1/forEach : la règle mini.formation.par-tuteur se répète sur /tuteurs (forEach), qui n'existe pas dans dossier.schema.json",
  ]);
});

test('a rule without samples, or with an empty fail or pass, is reported in plain words', async () => {
  const got = await minimalAfter((dir) =>
    patch(join(dir, 'rules.json'), (r) => {
      const first = r.rules[0];
      r.rules.push({ ...structuredClone(first), id: 'mini.formation.sans-echec', samples: { fail: [], pass: first.samples.pass } });
      r.rules.push({ ...structuredClone(first), id: 'mini.formation.sans-valide', samples: { fail: first.samples.fail, pass: [] } });
      delete first.samples;
    }),
  );
  includesAll(got, [
    'rules.json#/rules/0 : la règle mini.formation.dates-ordre n\'a pas d\'exemples : ajoutez "samples" avec au moins un dossier qui la déclenche ("fail") et un qui ne la déclenche pas ("pass")',
    'rules.json#/rules/1/samples/fail : la règle mini.formation.sans-echec n\'a aucun exemple en échec : ajoutez dans "fail" au moins un dossier qui la déclenche',
    'rules.json#/rules/2/samples/pass : la règle mini.formation.sans-valide n\'a aucun exemple valide : ajoutez dans "pass" au moins un dossier qui ne la déclenche pas',
  ]);
});

test('a sample that contradicts its rule, and an example whose result differs from expected.json, are reported', async () => {
  const got = await minimalAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => (r.rules[0].samples.pass = r.rules[0].samples.fail));
    patch(join(dir, 'examples/expected.json'), (e) => (e.examples['invalid-dates.json'].errors = []));
  });
  assert.deepEqual(got, [
    "rules.json#/rules/0/samples/pass/0 : l'exemple valide n°1 déclenche la règle mini.formation.dates-ordre : corrigez l'exemple ou la règle",
    'examples/invalid-dates.json : résultat différent de celui annoncé dans expected.json : erreurs non attendues : mini.formation.dates-ordre@/formation/dateFin',
  ]);
});

test('a CERFA pointer the schema lacks, a form tab without fields and a machine state without a tab are reported', async () => {
  const got = await minimalAfter((dir) => {
    patch(join(dir, 'cerfa.map.json'), (c) => c.fields.push({ name: 'formation.debut', pointer: '/formation/debut', section: 'LA FORMATION' }));
    patch(join(dir, 'layout.json'), (l) => l.tabs.push({ id: 'pieces', title: 'Pièces', sections: [{ id: 'pieces', fields: [] }] }));
    patch(join(dir, 'machine.json'), (m) => {
      m.wizard.states.onglet.states.pieces = {};
      m.wizard.states.onglet.states.fantome = {};
    });
  });
  assert.deepEqual(got, [
    "layout.json#/tabs/1/sections : l'onglet « pieces » n'a aucun champ : ajoutez au moins un champ dans l'une de ses sections, ou supprimez l'onglet",
    "machine.json#/wizard/states/onglet/states/fantome : l'état « fantome » de la région « onglet » ne correspond à aucun onglet de layout.json (formation, pieces)",
    "cerfa.map.json#/fields/0/pointer : le champ « formation.debut » du document lit /formation/debut, qui n'existe pas dans dossier.schema.json",
  ]);
});

test('check reports precise problems on a copy of schemas/', async () => {
  const problems = await problemsAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => {
      rule(r, 'cpro.salarie.nir-sexe').id = 'cpro.salarie.age-min';
      rule(r, 'cpro.salarie.nir-mois').at = ['/salarie/inexistant'];
    });
    patch(join(dir, 'layout.json'), (l) => l.tabs[1].sections[0].fields.push({ field: '/employeur/fantome' }));
    patch(join(dir, 'dossier.schema.json'), (s) => (s.properties.sousDispositif['x-codeList'] = 'liste-absente'));
  });
  const rules = JSON.parse(readFileSync(join(SCHEMAS, 'cpro/rules.json'), 'utf8'));
  const i = (id: string) => rules.rules.findIndex((r: { id: string }) => r.id === id);
  const fields = JSON.parse(readFileSync(join(SCHEMAS, 'cpro/layout.json'), 'utf8')).tabs[1].sections[0].fields.length;
  includesAll(problems, [
    `rules.json#/rules/${i('cpro.salarie.nir-sexe')}/id : la règle cpro.salarie.age-min est déjà définie plus haut : chaque règle a un identifiant unique`,
    `rules.json#/rules/${i('cpro.salarie.nir-mois')}/at/0 : la règle cpro.salarie.nir-mois affiche son message sous /salarie/inexistant, qui n'existe pas dans dossier.schema.json`,
    `layout.json#/tabs/1/sections/0/fields/${fields}/field : le champ /employeur/fantome n'existe pas dans dossier.schema.json`,
    "dossier.schema.json#/properties/sousDispositif/x-codeList : la liste de codes « liste-absente » n'existe pas (ni dans lists/ ni dans common/lists/)",
  ]);
});

test('check reports structure errors in French, code lists nobody uses and bad expressions', async () => {
  const problems = await problemsAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => (rule(r, 'cpro.salarie.age-min').assert = { gte: [{ nope: 1 }, 16] }));
    patch(join(dir, 'layout.json'), (l) => (l.tabs[0].titre = 'x'));
    writeFileSync(join(dir, '../common/lists/inutile.json'), JSON.stringify({ id: 'inutile', label: 'Inutile', entries: [{ code: 'a', label: 'A' }] }));
  });
  assert.ok(problems.includes('layout.json#/tabs/0/titre : propriété non prévue ici : « titre » (faute de frappe ?)'), problems.join('\n'));
  const again = await problemsAfter((dir) => {
    patch(join(dir, 'rules.json'), (r) => (rule(r, 'cpro.salarie.age-min').assert = { gte: [{ var: 1 }, 16] }));
    writeFileSync(join(dir, '../common/lists/inutile.json'), JSON.stringify({ id: 'inutile', label: 'Inutile', entries: [{ code: 'a', label: 'A' }] }));
  });
  assert.ok(again.some((p) => /common\/lists\/inutile\.json#\/id : la liste « inutile » n'est utilisée par aucun dispositif$/.test(p)), again.join('\n'));
  assert.ok(again.some((p) => /^rules\.json#\/rules\/\d+\/assert : la règle cpro\.salarie\.age-min : expression invalide, « var » attend un pointeur JSON$/.test(p)), again.join('\n'));
});

test('check verifies machine.json: guard, action and service names, tabs against the layout, in the file that holds them', async () => {
  const problems = await problemsAfter((dir) => {
    patch(join(dir, 'machine.json'), (m) => {
      m.wizard.states.onglet.states.contrat.on['step.next'] = { target: 'formation', guard: 'isMagic' };
      m.wizard.states.onglet.states.fantome = {};
      delete m.wizard.states.onglet.states.documents;
      m.wizard.states.onglet.states.introduction.on['step.next'] = { target: 'employeur', actions: 'envoyerFax' };
    });
    patch(join(dir, '../common/machines/edition.json'), (e) => (e.states.propre.on['dossier.save'].guard = 'isPret'));
  });
  const prefixes = [
    'machine.json#/wizard/states/onglet/states/contrat/on/step.next/guard : la garde « isMagic » (état wizard.onglet.contrat) est inconnue',
    'machine.json#/wizard/states/onglet/states/introduction/on/step.next/actions : l\'action « envoyerFax » (état wizard.onglet.introduction) est inconnue',
    "machine.json#/wizard/states/onglet/states : l'onglet « documents » de layout.json n'est pas un état de la région « onglet » de l'assistant",
    "machine.json#/wizard/states/onglet/states/fantome : l'état « fantome » de la région « onglet » ne correspond à aucun onglet de layout.json",
  ];
  for (const e of prefixes) assert.ok(problems.some((p) => p.startsWith(e)), `missing: ${e}\n got:\n${problems.join('\n')}`);
  assert.ok(problems.some((p) => /common\/machines\/edition\.json#\/states\/propre\/on\/dossier\.save\/guard : la garde « isPret »/.test(p)), problems.join('\n'));
});

test('akto-forms check exits 0 on schemas/ and 1 with file#pointer : message on a broken copy', () => {
  const ok = spawnSync(process.execPath, [BIN, 'check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const root = mkdtempSync(join(tmpdir(), 'akto-check-cli-'));
  cpSync(SCHEMAS, root, { recursive: true });
  patch(join(root, 'cpro/layout.json'), (l) => l.tabs[1].sections[0].fields.push({ field: '/employeur/fantome' }));
  const ko = spawnSync(process.execPath, [BIN, 'check', join(root, 'cpro')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AKTO_SCHEMAS: root } });
  assert.equal(ko.status, 1);
  assert.match(ko.stderr, /cpro\/layout\.json#\/tabs\/1\/sections\/0\/fields\/\d+\/field : le champ \/employeur\/fantome n'existe pas dans dossier\.schema\.json\n1 problème\(s\)\.\n$/);
});

test('akto-forms new writes a dispositif outside schemas/ that passes check, loads, and validates its examples', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'akto-new-')), 'mon-dispositif');
  const made = spawnSync(process.execPath, [BIN, 'new', 'mon-dispositif', '-o', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /Dispositif « mon-dispositif » créé dans .*mon-dispositif/);
  const checked = spawnSync(process.execPath, [BIN, 'check', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stderr);
  assert.match(checked.stdout, /^Définitions conformes : /);
  const engine = new DossierEngine(compileDispositif(await loadDefinitionSource(dir, COMMON)));
  assert.equal(engine.definition.identity.id, 'mon-dispositif');
  assert.equal(JSON.parse(await readFile(join(dir, 'dispositif.json'), 'utf8')).version, '1.0.0');
  const valid = engine.validate(JSON.parse(await readFile(join(dir, 'examples/valid.json'), 'utf8')), { today: '2026-01-15' });
  assert.deepEqual([valid.valid, valid.errors.length], [true, 0]);
  const invalid = engine.validate(JSON.parse(await readFile(join(dir, 'examples/invalid-dates.json'), 'utf8')), { today: '2026-01-15' });
  assert.deepEqual(invalid.errors.map((e) => e.message), ['La date de fin de la formation doit être postérieure à sa date de début.']);
  const cli = spawnSync(process.execPath, [BIN, 'validate', join(dir, 'examples/valid.json'), '--definition', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
});

test('akto-forms new refuses a bad id and an existing folder, and writes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'akto-new-'));
  const bad = spawnSync(process.execPath, [BIN, 'new', 'Mon_Dispositif', '-o', join(root, 'x')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /identifiant invalide : « Mon_Dispositif » \(lettres minuscules, chiffres et tirets/);
  const again = spawnSync(process.execPath, [BIN, 'new', 'deja', '-o', root], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(again.status, 2);
  assert.match(again.stderr, /existe déjà : choisissez un autre dossier \(-o\) ; rien n'a été écrit/);
});

test('check --common uses another common folder, and a missing $ref target is reported where it is written', async () => {
  const root = mkdtempSync(join(tmpdir(), 'akto-common-'));
  const dir = join(root, 'mini');
  await writeScaffold('mini', dir);
  const elsewhere = join(root, 'ailleurs');
  cpSync(COMMON, elsewhere, { recursive: true });
  const ok = spawnSync(process.execPath, [BIN, 'check', dir, '--common', elsewhere], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  patch(join(dir, 'machine.json'), (m) => (m.wizard.states.edition.$ref = '../common/machines/absente.json'));
  const ko = spawnSync(process.execPath, [BIN, 'check', dir, '--common', elsewhere], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ko.status, 1);
  assert.match(ko.stderr, /mini\/machine\.json#\/wizard\/states\/edition\/\$ref : le fichier \.\.\/common\/machines\/absente\.json désigné par \$ref n'existe pas/);
  assert.equal(resolve(dirname(dir)), root);
});

test('the dispositifs table of schemas/README.md matches the definitions', async () => {
  const { schemasTable } = await import('../src/build/schemas-table.js');
  const { assembleDefinition } = await import('../src/definition/assemble.js');
  const { listDefinitionDirs } = await import('../src/node/load-definition.js');
  const defs = await Promise.all((await listDefinitionDirs(SCHEMAS)).map(async (d) => assembleDefinition(await loadDefinitionSource(d))));
  assert.ok(readFileSync(join(SCHEMAS, 'README.md'), 'utf8').includes(schemasTable(defs)), 'run npm run build:schemas -- --table and paste it into schemas/README.md');
});

test('the pure check imports nothing from node:* (it runs in a browser)', async () => {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const [, spec] of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      assert.ok(!spec.startsWith('node:'), `${file} imports ${spec}`);
      if (spec.startsWith('.')) await visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  await visit(join(ROOT, 'packages/engine/src/check/index.ts'));
  assert.ok(seen.size > 10, `walked ${seen.size} modules`);
  assert.ok(![...seen].some((f) => f.includes('/src/node/') || f.includes('/src/build/')), [...seen].join('\n'));
});
