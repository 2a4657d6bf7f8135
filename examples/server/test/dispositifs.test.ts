/**
 * Extra dispositifs: a folder of artifacts (`akto-forms build` output) registered at start-up, so the
 * server lists, creates and re-checks them with exactly the code the browser runs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DossierRecord, ValidationIssue } from '@akto/engine';
import { startServer } from '../src/server.js';
import { ADH, GEST, OF, ROOT, testServer, type TestServer } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'akto-dispositifs-'));
const forms = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'packages/engine/bin/akto-forms.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

describe('extra dispositifs from AKTO_DISPOSITIFS_DIR', () => {
  let server: TestServer;
  const dispositifs = join(tmp, 'dispositifs');
  const source = join(tmp, 'src', 'demo');
  before(async () => {
    forms('new', 'demo', '-o', source);
    forms('build', source, '-o', join(dispositifs, 'demo'));
    server = await testServer({ dispositifsDir: dispositifs });
  });
  after(async () => {
    await server?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  const example = (name: string) => JSON.parse(readFileSync(join(source, 'examples', name), 'utf8')) as Record<string, unknown>;

  it('lists the added dispositif to the roles it opens to, and only to them', async () => {
    assert.deepEqual(server.dispositifs.map((d) => [d.id, d.version]), [['demo', '1.0.0']]);
    const forEmployer = await server.as(ADH).get<{ id: string }[]>('/dispositifs');
    assert.ok(forEmployer.body.some((d) => d.id === 'demo'));
    assert.ok(forEmployer.body.some((d) => d.id === 'cpro'), 'beside the built-in ones');
    assert.equal((await server.as(OF).get<{ id: string }[]>('/dispositifs')).body.some((d) => d.id === 'demo'), false, 'not open to providers');
    assert.equal((await server.as(OF).post('/brouillons', { dispositif: 'demo', adherent: { entityId: ADH.entityId } })).status, 403);
  });

  it('re-checks a transmission with the dispositif’s own rules: refused with its message, then sent and numbered', async () => {
    const adh = server.as(ADH);
    const created = await adh.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'demo' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.record.id;
    const wrong = await adh.put<{ record: DossierRecord }>(`/brouillons/${id}`, { data: example('invalid-dates.json'), revision: created.body.record.revision });
    assert.equal(wrong.status, 200);
    const refused = await adh.post<{ message: string; errors: ValidationIssue[] }>(`/brouillons/${id}/transmettre`, { revision: wrong.body.record.revision });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, 'Saisie Invalide');
    const issue = refused.body.errors.find((e) => e.rule === 'demo.formation.dates-ordre');
    assert.equal(issue?.message, 'La date de fin de la formation doit être postérieure à sa date de début.');
    assert.equal((await server.store.get(id))?.state, created.body.record.state, 'nothing sent');
    const right = await adh.put<{ record: DossierRecord }>(`/brouillons/${id}`, { data: example('valid.json'), revision: wrong.body.record.revision });
    const sent = await adh.post<{ record: DossierRecord }>(`/brouillons/${id}/transmettre`, { revision: right.body.record.revision });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.record.kind, 'dossier');
    assert.match(sent.body.record.numero ?? '', /^2512DE\d{6}$/, 'numbered with the dispositif’s own code');
    assert.equal((await server.store.get(id))?.numero, sent.body.record.numero);
  });

  it('a changed definition at start-up queues a re-validation of its dossiers for the back office', async () => {
    assert.deepEqual(server.revalidations, [], 'nothing changed since the first start');
    const adh = server.as(ADH);
    const created = await adh.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'demo' });
    await adh.put(`/brouillons/${created.body.record.id}`, { data: example('valid.json'), revision: created.body.record.revision });
    // A new version of the rules (reworded, and the training may now end the day it starts): a new hash.
    const rules = JSON.parse(readFileSync(join(source, 'rules.json'), 'utf8'));
    rules.rules[0].message = 'La formation doit durer au moins un an.';
    rules.rules[0].assert = { gte: [{ var: '/formation/dateFin' }, { var: '/formation/dateDebut' }] };
    writeFileSync(join(source, 'rules.json'), JSON.stringify(rules, null, 2));
    forms('build', source, '-o', join(tmp, 'dispositifs-v2', 'demo'));
    const dir = server.dir;
    await server.close();
    server = await testServer({ dispositifsDir: join(tmp, 'dispositifs-v2') }, dir);
    const queued = server.revalidations.find((r) => r.dispositif === 'demo');
    assert.ok(queued, JSON.stringify(server.revalidations));
    assert.equal(queued.total, 2, 'every demo dossier of the database (the one sent earlier and this draft)');
    assert.equal(server.revalidations.length, 1, 'the built-in dispositifs did not change');
    await server.host.jobs.idle();
    const job = await server.as(GEST).get<{ state: string; done: number; total: number; results: { dossier: string; valid: boolean }[] }>(`/jobs/${queued.job}`);
    assert.equal(job.status, 200);
    assert.deepEqual([job.body.state, job.body.done, job.body.total], ['termine', 2, 2]);
    assert.equal(job.body.results.find((r) => r.dossier === created.body.record.id)?.valid, true);
  });

  it('refuses to start on a missing folder or a broken artifact, saying which', async () => {
    await assert.rejects(startServer({ port: 0, dispositifsDir: join(tmp, 'absent') }), /Dossier des dispositifs introuvable : .*absent/);
    const broken = join(tmp, 'broken');
    mkdirSync(join(broken, 'casse'), { recursive: true });
    writeFileSync(join(broken, 'casse', 'manifest.json'), '{ pas du json');
    await assert.rejects(startServer({ port: 0, dispositifsDir: broken }), /Dispositifs de .*broken : .*manifest\.json : JSON mal formé/);
  });
});
