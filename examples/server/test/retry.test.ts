/**
 * Jobs that fail are retried with back-off (attempts and next run in the table), up to a limit, then
 * `echec` with a French message; a job interrupted by a server stop finishes after the restart; the outbox
 * sender marks what it delivered and retries a failed delivery.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierRecord, Notification } from '@akto/engine';
import { ADH, Client, testServer, type TestServer } from './helpers.js';

type Job = { id: string; state: string; done: number; total: number; attempts: number; retryAt?: string; message?: string; results: ({ dossier: string } & Record<string, unknown>)[] };

/** Polls `GET /jobs/:id` until `ok` holds (the worker runs on its own clock). */
async function until(client: Client, id: string, ok: (job: Job) => boolean): Promise<Job> {
  for (let i = 0; ; i++) {
    const job = (await client.get<Job>(`/jobs/${id}`)).body;
    if (ok(job)) return job;
    if (i > 500) assert.fail(`traitement ${id} : ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function drafts(client: Client, n: number): Promise<DossierRecord[]> {
  const out: DossierRecord[] = [];
  for (let i = 0; i < n; i++) out.push((await client.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' })).body.record);
  return out;
}

/** Makes the store's reads of `id` fail while `failing()` says so (a database that went away). */
function breakReads(server: TestServer, id: string, failing: () => boolean | Promise<void>) {
  const get = server.store.get.bind(server.store);
  server.store.get = async (wanted: string) => {
    if (wanted === id) {
      const f = failing();
      if (f === true) throw new Error('connexion perdue');
      if (f instanceof Promise) await f;
    }
    return get(wanted);
  };
}

describe('retries of jobs and of notifications', () => {
  let server: TestServer;
  const jobs = { retryMs: 20, pollMs: 20, maxAttempts: 3 };
  let first: DossierRecord;
  const delivered: number[] = [];
  let failDeliveries = 0;
  before(async () => {
    server = await testServer({
      jobs,
      sender: { pollMs: 20, retryMs: 20, who: 'test' },
      deliver: (_n: Notification, seq: number) => {
        if (failDeliveries-- > 0) throw new Error('SMTP indisponible');
        delivered.push(seq);
      },
    });
  });
  after(async () => {
    await server.dispose();
  });

  it('retries a failing dossier with back-off, then finishes; progress is kept meanwhile', async () => {
    const adh = server.as(ADH);
    const [a, b] = await drafts(adh, 2);
    first = a!;
    let failing = true;
    breakReads(server, a!.id, () => failing); // the list is newest first: b is made, then a fails
    const queued = await adh.post<Job>('/jobs', { type: 'cerfa', query: { kind: 'brouillons' } });
    assert.equal(queued.status, 202);
    const waiting = await until(adh, queued.body.id, (j) => j.attempts >= 1 && j.state === 'attente');
    assert.equal(waiting.done, 1, 'the dossier that worked is kept');
    assert.match(waiting.message!, /nouvel essai automatique \(tentative \d sur 3\)/);
    assert.ok(waiting.retryAt, 'when the next attempt runs');
    const { rows } = await server.store.db.query<{ attempts: number; next_run_at: Date }>('SELECT attempts, next_run_at FROM jobs WHERE id = $1', [queued.body.id]);
    assert.ok(rows[0]!.attempts >= 1 && rows[0]!.next_run_at instanceof Date, 'attempts and next run are in the table');
    failing = false;
    const job = await until(adh, queued.body.id, (j) => j.state === 'termine');
    assert.deepEqual([job.done, job.total, job.attempts, job.message], [2, 2, 0, undefined]);
    assert.deepEqual(job.results.map((r) => r.dossier).sort(), [a!.id, b!.id].sort());
  });

  it('gives up after the limit: échec with a French message, what was done is kept', async () => {
    const adh = server.as(ADH);
    await drafts(adh, 1);
    breakReads(server, first.id, () => true); // the last of the list
    const queued = await adh.post<Job>('/jobs', { type: 'cerfa', query: { kind: 'brouillons' } });
    const job = await until(adh, queued.body.id, (j) => j.state === 'echec');
    assert.equal(job.message, 'Le traitement a échoué après 3 tentatives : relancez-le.');
    assert.equal(job.attempts, 3);
    assert.equal(job.done, job.total - 1, 'every other dossier has its CERFA');
  });

  it('the outbox sender delivers each notification once, marks it sent, retries a delivery that failed', async () => {
    failDeliveries = 1;
    const adh = server.as({ ...ADH, email: 'rh@humando.exemple.fr' });
    const [d] = await drafts(adh, 1);
    for (let i = 0; i < 3; i++) assert.equal((await adh.post(`/brouillons/${d!.id}/lien`, { link: `http://127.0.0.1:8080/demande.html?brouillon=${d!.id}&onglet=employeur` })).status, 202);
    for (let i = 0; i < 500 && (await server.store.outbox()).length; i++) await new Promise((r) => setTimeout(r, 20));
    const { rows } = await server.store.db.query<{ seq: string; sent_by: string; attempts: number }>('SELECT seq, sent_by, attempts FROM outbox ORDER BY seq');
    assert.equal(rows.length, 3);
    assert.deepEqual(delivered.sort(), rows.map((r) => Number(r.seq)).sort(), 'each one delivered once');
    assert.ok(rows.every((r) => r.sent_by === 'test'));
    assert.equal(rows[0]!.attempts, 1, 'the first delivery failed once, then went');
  });
});

describe('a job interrupted by a server stop', () => {
  it('is put back in the queue at the stop and finishes after the restart, from where it was', async () => {
    let server = await testServer({ jobs: { pollMs: 20 } });
    try {
      const adh = server.as(ADH);
      const [a, b, c] = await drafts(adh, 3);
      let release!: () => void;
      const blocked = new Promise<void>((r) => (release = r));
      let reached!: () => void;
      const atB = new Promise<void>((r) => (reached = r));
      breakReads(server, b!.id, () => (reached(), blocked));
      const queued = await adh.post<Job>('/jobs', { type: 'cerfa', query: { kind: 'brouillons' } });
      await atB;
      const during = (await adh.get<Job>(`/jobs/${queued.body.id}`)).body;
      assert.equal(during.state, 'en-cours');
      const restarting = server.restart();
      release(); // the dossier being made is finished and kept; the stop comes before the next one
      server = await restarting;
      const job = await until(server.as(ADH), queued.body.id, (j) => j.state === 'termine');
      assert.deepEqual([job.done, job.total], [3, 3]);
      assert.deepEqual(job.results.map((r) => r.dossier).sort(), [a!.id, b!.id, c!.id].sort());
    } finally {
      await server.dispose();
    }
  });
});
