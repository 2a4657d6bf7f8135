// Code lists follow the guides: Pro-A numbers diplomas as its guide shows them (« 31 - Brevet de Technicien
// Supérieur », « 39 - Autre diplôme ou titre de niveau bac +2 »), the CPRO keeps the CERFA 12434*03 numbering,
// drafts saved with the earlier Pro-A codes are converted, and every list says where it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDefinitionDir, formatProblem } from '../src/build/check-definition.js';
import { createEngine } from '../src/registry/index.js';
import { DossierService } from '../src/workflow/service.js';
import { MemoryStore } from '../src/workflow/store/memory-store.js';
import type { Viewer } from '../src/workflow/records.js';
import { SCHEMAS } from './helpers.js';

const employer: Viewer = { role: 'adherent', entityId: '40101593800038' };
const errorsAt = (issues: { path: string; message: string }[], path: string) => issues.filter((i) => i.path === path).map((i) => i.message);

test('Pro-A offers the guide’s diploma codes, the CPRO those of its CERFA', async () => {
  const proa = await createEngine('proa');
  const cpro = await createEngine('cpro');
  const label = (engine: typeof proa, code: string) => engine.definition.lists.diplomes?.entries.find((e) => e.code === code)?.label;
  assert.equal(label(proa, '31'), 'Brevet de Technicien Supérieur');
  assert.equal(label(proa, '39'), 'Autre diplôme ou titre de niveau bac +2');
  assert.equal(label(cpro, '54'), 'Brevet de Technicien Supérieur');
  assert.equal(label(cpro, '31'), undefined);

  const proaResult = proa.validate({ salarie: { diplomeObtenu: '39' }, formation: { diplomeVise: '58' } });
  assert.deepEqual(errorsAt(proaResult.errors, '/salarie/diplomeObtenu'), [], '39 is a Pro-A code');
  assert.equal(errorsAt(proaResult.errors, '/formation/diplomeVise').length, 1, '58 (CERFA 12434*03) is not');
  const cproResult = cpro.validate({ salarie: { diplomeObtenu: '58' } });
  assert.deepEqual(errorsAt(cproResult.errors, '/salarie/diplomeObtenu'), []);
});

test('Pro-A: the licence rule reads the guide’s numbering (10 to 29 are licence or above)', async () => {
  const proa = await createEngine('proa');
  const licence = (code: string) => proa.validate({ salarie: { diplomeObtenu: code } }).errors.some((e) => e.rule === 'proa.salarie.qualification-licence');
  assert.equal(licence('24'), true, 'Licence générale');
  assert.equal(licence('11'), true, 'Master 2');
  assert.equal(licence('31'), false, 'BTS');
  assert.equal(licence('60'), false, 'Aucun diplôme');
});

test('a Pro-A draft saved with the CERFA 12434*03 codes opens with the guide’s codes, and an ambiguous one is left to choose again', async () => {
  const store = new MemoryStore();
  const service = new DossierService(store);
  const { record } = await service.create({ dispositif: 'proa', creator: employer, adherent: employer });
  const old = { ...record.data, salarie: { diplomeObtenu: '58' }, formation: { diplomeVise: '73' } };
  await store.save({ ...record, definition: { id: 'proa', version: '1.0.0', hash: 'sha256-1.0.0' }, data: old });

  const opened = await service.open(record.id, employer);
  assert.equal((opened.record.data.salarie as Record<string, unknown>).diplomeObtenu, '39', 'autre bac+2: 58 → 39');
  assert.equal((opened.record.data.formation as Record<string, unknown>).diplomeVise, '73', 'Master has no single code: kept, not dropped');
  assert.match(opened.migration?.message ?? '', /version 1\.0\.0 du dispositif : il a été mis à jour pour la version 1\.1\.0/);
  const engine = await createEngine('proa');
  assert.equal(errorsAt(engine.validate(opened.record.data).errors, '/formation/diplomeVise').length, 1, 'the field asks for a new choice');
});

test('every code list cites its source', () => {
  const dirs = [join(SCHEMAS, 'common/lists'), ...readdirSync(SCHEMAS).map((d) => join(SCHEMAS, d, 'lists'))];
  let seen = 0;
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) {
      const list = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { source?: string };
      assert.ok(list.source && list.source.trim().length > 10, `${dir}/${f} has no source`);
      seen++;
    }
  }
  assert.ok(seen >= 18, `lists seen: ${seen}`);
});

test('akto-forms check: a list repeating a common one must say it overrides it, and a recode must land on allowed codes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'akto-lists-'));
  cpSync(join(SCHEMAS, 'common'), join(root, 'common'), { recursive: true });
  cpSync(join(SCHEMAS, 'proa'), join(root, 'proa'), { recursive: true });
  const dir = join(root, 'proa');
  const problems = async () => (await checkDefinitionDir(dir)).map((p) => formatProblem(p).replace(`${dir}/`, ''));
  assert.deepEqual(await problems(), []);

  const listFile = join(dir, 'lists/diplomes.json');
  const list = readFileSync(listFile, 'utf8');
  writeFileSync(listFile, list.replace('"overrides": true,', ''));
  assert.ok((await problems()).some((p) => p.includes('lists/diplomes.json#/id : la liste « diplomes » est définie deux fois (elle existe déjà dans common/lists/')));
  writeFileSync(listFile, list);

  const migrationFile = join(dir, 'migrations/1.0.0-1.1.0.json');
  writeFileSync(migrationFile, readFileSync(migrationFile, 'utf8').replace('"58": "39"', '"58": "58"'));
  assert.ok((await problems()).some((p) => p.includes("le code « 58 » n'est pas permis pour /salarie/diplomeObtenu dans la version 1.1.0")), (await problems()).join('\n'));
});
