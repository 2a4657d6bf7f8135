/**
 * Background jobs on the same database: the CERFA of a list, a dispositif re-checked after a change;
 * progress `{ done, total }`, results per dossier, owner-only, and a job abandoned by a stopped server
 * resumed where it was.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierRecord } from '@akto/engine';
import { ADH, Client, GEST, OTHER_ADH, example, testServer, type TestServer } from './helpers.js';

type Job = { id: string; type: string; state: string; done: number; total: number; results: ({ dossier: string } & Record<string, unknown>)[] };

async function draft(client: Client, data?: Record<string, unknown>): Promise<DossierRecord> {
  const r = await client.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' });
  assert.equal(r.status, 201);
  if (!data) return r.body.record;
  const saved = await client.put<{ record: DossierRecord }>(`/brouillons/${r.body.record.id}`, { data, revision: r.body.record.revision });
  assert.equal(saved.status, 200);
  return saved.body.record;
}

describe('jobs', () => {
  let server: TestServer;
  const records: DossierRecord[] = [];
  before(async () => {
    server = await testServer();
    const adh = server.as(ADH);
    records.push(await draft(adh, example('cpro', 'valid.json')), await draft(adh), await draft(adh, example('cpro', 'valid.json')));
    await draft(server.as(OTHER_ADH)); // not in the employer's list
  });
  after(async () => {
    await server.dispose();
  });

  it('makes the CERFA of every dossier of the viewer’s list; progress and PDFs for the one who asked only', async () => {
    const adh = server.as(ADH);
    const queued = await adh.post<Job>('/jobs', { type: 'cerfa', query: { kind: 'brouillons' } });
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    assert.equal(queued.body.total, 3);
    await server.host.jobs.idle();
    const job = await adh.get<Job>(`/jobs/${queued.body.id}`);
    assert.equal(job.status, 200);
    assert.deepEqual([job.body.state, job.body.done, job.body.total], ['termine', 3, 3]);
    assert.deepEqual(job.body.results.map((r) => r.dossier).sort(), records.map((r) => r.id).sort());
    assert.ok(job.body.results.every((r) => r.ok === true && (r.bytes as number) > 1000));
    const pdf = await fetch(`${server.url}/jobs/${queued.body.id}/cerfa/${records[0]!.id}`, { headers: await server.bearer(ADH) });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const { rows } = await server.store.db.query<{ n: string | number }>('SELECT count(*) AS n FROM job_results WHERE job_id = $1 AND pdf IS NOT NULL', [queued.body.id]);
    assert.equal(Number(rows[0]!.n), 3, 'one stored PDF per dossier');

    assert.equal((await server.as(OTHER_ADH).get(`/jobs/${queued.body.id}`)).status, 403, 'another entity’s job');
    assert.equal((await server.as(OTHER_ADH).get(`/jobs/${queued.body.id}/cerfa/${records[0]!.id}`)).status, 403);
    assert.equal((await server.as(undefined).get(`/jobs/${queued.body.id}`)).status, 401);
    assert.equal((await adh.get('/jobs/999999')).status, 404);
    assert.equal((await adh.get(`/jobs/${queued.body.id}/cerfa/99999`)).status, 404);
    assert.equal((await adh.post('/jobs', { type: 'pirate' })).status, 400);
  });

  it('re-checks every dossier of a dispositif for the back office', async () => {
    assert.equal((await server.as(ADH).post('/jobs', { type: 'revalidation', dispositif: 'cpro' })).status, 403, 'back office only');
    assert.equal((await server.as(GEST).post('/jobs', { type: 'revalidation', dispositif: 'inexistant' })).status, 400);
    // A draft saved under an older definition version is checked as it will open: migrated.
    const stale = (await server.store.get(records[2]!.id))!;
    await server.store.save({ ...stale, definition: { id: 'cpro', version: '0.9.0', hash: 'sha256-ancienne' }, data: { ...stale.data, ancienChamp: 'x' } });
    const queued = await server.as(GEST).post<Job>('/jobs', { type: 'revalidation', dispositif: 'cpro' });
    assert.equal(queued.status, 202);
    assert.equal(queued.body.total, 4, 'every dossier of the dispositif, whoever it belongs to');
    await server.host.jobs.idle();
    const job = (await server.as(GEST).get<Job>(`/jobs/${queued.body.id}`)).body;
    assert.deepEqual([job.state, job.done], ['termine', 4]);
    const of = (id: string) => job.results.find((r) => r.dossier === id)!;
    assert.equal(of(records[0]!.id).valid, true);
    assert.equal(of(records[1]!.id).valid, false, 'an empty draft does not pass');
    assert.ok((of(records[1]!.id).errors as string[]).some((e) => e.startsWith('required@')));
    assert.equal(of(records[2]!.id).valid, true, 'the value the new version does not know is left out, as on opening');
    assert.match(String(of(records[2]!.id).migration), /enregistré avec la version 0\.9\.0 du dispositif/);
    assert.equal((await server.store.get(records[2]!.id))?.data.ancienChamp, 'x', 'the stored draft is not rewritten');
  });

  it('resumes, after a restart, a job its server left: from the first dossier without a result', async () => {
    const { rows } = await server.store.db.query<{ id: string | number }>(
      `INSERT INTO jobs (type, requested_by, params, items, state, done, heartbeat) VALUES ('cerfa', $1, $2, $3, 'en-cours', 1, now() - interval '10 minutes') RETURNING id`,
      [`adherent:${ADH.entityId}`, JSON.stringify({ viewer: { role: 'adherent', entityId: ADH.entityId } }), [records[0]!.id, records[2]!.id]],
    );
    const id = String(rows[0]!.id);
    await server.store.db.query(`INSERT INTO job_results (job_id, dossier_id, result) VALUES ($1, $2, '{"ok": true, "avant": true}')`, [id, records[0]!.id]);
    server = await server.restart();
    await server.host.jobs.idle();
    const job = (await server.as(ADH).get<Job>(`/jobs/${id}`)).body;
    assert.deepEqual([job.state, job.done, job.total], ['termine', 2, 2]);
    assert.equal(job.results.find((r) => r.dossier === records[0]!.id)?.avant, true, 'what was done is not done again');
    assert.ok((job.results.find((r) => r.dossier === records[2]!.id)?.bytes as number) > 1000);
  });
});
