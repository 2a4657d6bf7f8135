// A draft saved under version 1.0.0 of a dispositif, opened after the dispositif moved to 1.1.0
// (a field renamed, one dropped, a default set): both versions are real artifacts built by the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, unregisterDispositif } from '../src/registry/index.js';
import { registerArtifactFile } from '../src/node/load-artifact.js';
import { DossierService } from '../src/workflow/service.js';
import { MemoryStore } from '../src/workflow/store/memory-store.js';
import { migrationPath } from '../src/workflow/migrate.js';
import type { MigrationFile } from '../src/models/definition.js';
import type { Viewer } from '../src/workflow/records.js';
import { DEMO_DIR, ROOT } from './helpers.js';

const BIN = join(ROOT, 'packages/engine/bin/akto-forms.js');
const tmp = mkdtempSync(join(tmpdir(), 'akto-migration-'));
const employer: Viewer = { role: 'adherent', entityId: '40101593800038' };

function build(dir: string, out: string): void {
  const r = spawnSync(process.execPath, [BIN, 'build', dir, '-o', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || r.stdout);
}

/** Version 1.1.0 of the demo: « salaire » renamed « remuneration », « travailTemporaire » dropped. */
function writeVersion2(): string {
  const dir = join(tmp, 'v2', 'demo');
  cpSync(DEMO_DIR, dir, { recursive: true });
  const edit = (file: string, fn: (text: string) => string) => writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));
  edit('dispositif.json', (t) => t.replace('"version": "1.0.0"', '"version": "1.1.0"'));
  edit('dossier.schema.json', (t) => t.replace('"salaire":', '"remuneration":').replace(/,\s*"travailTemporaire": \{[^}]*\}/, ''));
  edit('layout.json', (t) => t.replace('/contrat/salaire', '/contrat/remuneration').replace(/,\s*\{ "field": "\/contrat\/travailTemporaire" \}/, ''));
  edit('rules.json', (t) => t.replaceAll('/contrat/salaire', '/contrat/remuneration').replaceAll('"salaire":', '"remuneration":'));
  mkdirSync(join(dir, 'migrations'));
  const migration: MigrationFile = {
    from: '1.0.0',
    to: '1.1.0',
    description: 'Le salaire devient la rémunération ; le travail temporaire n’est plus demandé.',
    steps: [
      { rename: '/contrat/salaire', to: 'remuneration' },
      { drop: '/contrat/travailTemporaire', label: 'Travail temporaire ou GEIQ' },
      { default: '/contrat/type', value: 'CDI' },
    ],
  };
  writeFileSync(join(dir, 'migrations', '1.0.0-1.1.0.json'), JSON.stringify(migration, null, 2));
  return dir;
}

test('a draft saved under 1.0.0 opens under 1.1.0 migrated, with what was not carried over reported, and loses nothing', async () => {
  build(DEMO_DIR, join(tmp, 'a1'));
  build(writeVersion2(), join(tmp, 'a2'));

  await registerArtifactFile(join(tmp, 'a1'));
  const store = new MemoryStore();
  const v1 = new DossierService(store);
  const { record } = await v1.create({ dispositif: 'demo', creator: employer, adherent: employer });
  const data = { dispositif: 'demo', contrat: { salaire: 1850.5, travailTemporaire: true, dateDebut: '2026-09-01' } };
  await v1.save(record.id, data, employer, { revision: record.revision });
  assert.equal((await store.get(record.id))?.definition?.version, '1.0.0', 'the draft records the version it was saved with');
  const hash1 = (await store.get(record.id))?.definition?.hash;

  unregisterDispositif('demo');
  await registerArtifactFile(join(tmp, 'a2'));
  const engine2 = await createEngine('demo');
  assert.equal(engine2.stamp.version, '1.1.0');
  const v2 = new DossierService(store);

  const opened = await v2.open(record.id, employer);
  const contrat = opened.record.data.contrat as Record<string, unknown>;
  assert.equal(contrat.remuneration, 1850.5, 'the renamed field keeps its value');
  assert.equal(contrat.type, 'CDI', 'the default is set');
  assert.ok(!('salaire' in contrat) && !('travailTemporaire' in contrat));
  assert.ok(opened.migration, 'the user is told the draft was upgraded');
  assert.match(opened.migration.message, /enregistré avec la version 1\.0\.0 du dispositif : il a été mis à jour pour la version 1\.1\.0/);
  assert.match(opened.migration.message, /Une valeur n’a pas pu être reprise ; le brouillon d’origine est conservé\./);
  assert.deepEqual(
    opened.migration.lost.map((l) => l.message),
    ['Le champ « Travail temporaire ou GEIQ » n\'existe plus dans la version 1.1.0 : sa valeur « true » n\'a pas été reprise.'],
  );
  assert.equal(opened.record.previousVersion, undefined, 'the saved original is not sent to the viewer');
  assert.ok(!engine2.validate(opened.record.data).errors.some((e) => e.rule === 'schema.additionalProperties'));

  // Opening changes nothing: the original stays as it was saved until the migrated draft is saved.
  const untouched = await store.get(record.id);
  assert.deepEqual(untouched?.data.contrat, data.contrat);
  assert.equal(untouched?.definition?.version, '1.0.0');

  const saved = await v2.save(record.id, opened.record.data, employer, { revision: untouched?.revision ?? 0 });
  assert.deepEqual(saved.definition, engine2.stamp, 'saved under the new version');
  assert.notEqual(saved.definition?.hash, hash1);
  assert.equal((saved.data.contrat as Record<string, unknown>).remuneration, 1850.5);
  assert.deepEqual(saved.previousVersion?.data.contrat, data.contrat, 'the value that could not be migrated is kept with the record');
  assert.equal(saved.previousVersion?.definition.version, '1.0.0');
  const reopened = await v2.open(record.id, employer);
  assert.equal(reopened.migration, undefined, 'once saved under 1.1.0 the draft opens as it is');
});

test('akto-forms check accepts the migration, and explains one that would lose a value', () => {
  const dir = join(tmp, 'v2', 'demo');
  const check = () => spawnSync(process.execPath, [BIN, 'check', dir], { cwd: ROOT, encoding: 'utf8' });
  const ok = check();
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const file = join(dir, 'migrations', '1.0.0-1.1.0.json');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('"to": "remuneration"', '"to": "remuneratoin"').replace('"to": "1.1.0"', '"to": "1.2.0"'));
  const bad = check();
  writeFileSync(file, good);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout + bad.stderr, /migrations\/1\.0\.0-1\.1\.0\.json#\/to : la version d'arrivée 1\.2\.0 dépasse celle du dispositif \(1\.1\.0, dispositif\.json\)/);
  writeFileSync(file, good.replace('"to": "remuneration"', '"to": "remuneratoin"'));
  const lost = check();
  writeFileSync(file, good);
  assert.match(lost.stdout + lost.stderr, /migrations\/1\.0\.0-1\.1\.0\.json#\/steps\/0\/to : l'étape mène à \/contrat\/remuneratoin, qui n'existe pas dans dossier\.schema\.json de la version 1\.1\.0 : la valeur serait perdue/);
});

test('a value the new version does not know, and no migration at all, are reported in French rather than blocking', async () => {
  const store = new MemoryStore();
  const service = new DossierService(store);
  const { record } = await service.create({ dispositif: 'demo', creator: employer, adherent: employer });
  const stale = { ...record, definition: { id: 'demo', version: '0.9.0', hash: 'sha256-old' }, data: { ...record.data, ancien: 'valeur saisie' } };
  await store.save(stale);
  const opened = await service.open(record.id, employer);
  assert.ok(opened.migration);
  assert.match(opened.migration.message, /version 0\.9\.0 du dispositif, et aucune migration ne mène à la version 1\.1\.0 : il est ouvert tel quel\./);
  assert.deepEqual(opened.migration.lost.map((l) => [l.path, l.message]), [
    ['/ancien', 'Le champ /ancien n\'existe pas dans la version 1.1.0 : sa valeur « valeur saisie » n\'a pas été reprise.'],
  ]);
  assert.equal(opened.record.data.ancien, undefined);
  assert.equal((await store.get(record.id))?.data.ancien, 'valeur saisie', 'kept in the store until saved');
});

test('migration files chain from the saved version to the current one', () => {
  const m = (from: string, to: string): MigrationFile => ({ from, to, steps: [] });
  const files = [m('1.1.0', '2.0.0'), m('1.0.0', '1.1.0'), m('1.0.0', '1.0.1')];
  assert.deepEqual(migrationPath(files, '1.0.0', '2.0.0')?.map((f) => f.to), ['1.1.0', '2.0.0']);
  assert.deepEqual(migrationPath(files, '1.0.0', '1.0.1')?.map((f) => f.to), ['1.0.1']);
  assert.equal(migrationPath(files, '0.9.0', '2.0.0'), null);
  assert.deepEqual(migrationPath(files, '2.0.0', '2.0.0'), []);
});
