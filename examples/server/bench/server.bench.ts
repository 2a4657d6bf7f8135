/**
 * The host back end's figures (issue #16), on a throw-away PostgreSQL cluster (test/postgres.ts; fsync and
 * synchronous_commit off, as in the tests):
 * - saves/s and reads/s with p50/p99, for 1 and for 2 server processes (src/main.ts) on one database;
 * - re-validation of 100,000 stored dossiers through the queue, on worker_threads: dossiers/s per core;
 * - an employer's list search (quick text + two filters) over 1,000,000 seeded dossiers: p50 ≤ 20 ms.
 * Run: node --import tsx examples/server/bench/server.bench.ts (npm run bench runs it). Without the
 * PostgreSQL binaries it prints why and stops.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DossierRecord } from '@akto/engine';
import { figure, median } from '../../../packages/engine/bench/report.js';
import { DossierHost } from '../src/api.js';
import { PgStore } from '../src/pg-store.js';
import { startCluster } from '../test/postgres.js';
import { call, spawnServer, type ServerProcess } from '../test/processes.js';
import { load, percentile, type Load } from './load.js';

type Saved = { record: DossierRecord };
const EMPLOYER = '40101593800038'; // the demo user "employeur" (HUMANDO)
const valid = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemas/cpro/examples/valid.json', import.meta.url)), 'utf8')) as Record<string, unknown>;

const cluster = await startCluster().catch((e: Error) => ({ unavailable: e.message }));
console.log(`\nServer (examples/server) on PostgreSQL — ${availableParallelism()} core(s), ${cpus()[0]?.model ?? ''}`);
if ('unavailable' in cluster) {
  console.log(`  skipped: ${cluster.unavailable}`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'akto-bench-server-'));
const started: ServerProcess[] = [];
const spawnOn = async (url: string) => {
  const p = await spawnServer(url, dir);
  started.push(p);
  return p;
};

try {
  // 1. Saves and reads through the HTTP API, 1 then 2 processes.
  const url = await cluster.createDatabase();
  const one = await spawnOn(url);
  const token = await one.token('employeur');
  const clients = 16;
  const drafts = await Promise.all(Array.from({ length: clients }, async () => (await call<Saved>(one.url, token, 'POST', '/brouillons', { dispositif: 'cpro' })).body.record));
  const revisions = drafts.map((d) => d.revision);
  const round = async (bases: string[], saves: number, reads: number) => {
    const saved = await load(saves, clients, async (c, n) => {
      const d = drafts[c]!;
      const r = await call<Saved>(bases[n % bases.length]!, token, 'PUT', `/brouillons/${d.id}`, { data: { ...valid, employeur: { ...(valid.employeur as object), email: `rh${n}@exemple.fr` } }, revision: revisions[c] });
      if (r.status === 200) revisions[c] = r.body.record.revision;
      return r.status === 200;
    });
    const read = await load(reads, clients, async (c, n) => (await call(bases[n % bases.length]!, token, 'GET', `/brouillons/${drafts[c]!.id}`)).status === 200);
    return { saved, read };
  };
  const line = (label: string, l: Load) => `${figure(label, l.perSecond, '/s')}   p50 ${l.p50.toFixed(1)} ms   p99 ${l.p99.toFixed(1)} ms${l.failed ? `   ${l.failed} failed` : ''}`;
  await round([one.url], 200, 200); // warm-up
  const single = await round([one.url], 2000, 4000);
  const two = await spawnOn(url);
  await round([two.url], 200, 200);
  const double = await round([one.url, two.url], 2000, 4000);
  console.log(line('saves (PUT /brouillons/:id), 1 process, 16 clients', single.saved));
  console.log(line('saves, 2 processes', double.saved));
  console.log(line('reads (GET /brouillons/:id), 1 process', single.read));
  console.log(line('reads, 2 processes', double.read));
  console.log(`  ratio 2 processes / 1: saves ×${(double.saved.perSecond / single.saved.perSecond).toFixed(2)}, reads ×${(double.read.perSecond / single.read.perSecond).toFixed(2)} (the cores are shared with PostgreSQL and the clients)`);
  await Promise.all(started.splice(0).map((p) => p.stop()));

  // 2. Re-validation of 100,000 stored dossiers through the queue (worker_threads, one per core).
  const store = await PgStore.open({ url });
  try {
    const template = drafts[0]!.id;
    let t = performance.now();
    await store.db.query(
      `INSERT INTO dossiers (id, revision, kind, visible_to, dispositif, state, created_at, updated_at, record)
       SELECT 'R' || lpad(g::text, 7, '0'), revision, kind, visible_to, dispositif, state, created_at, updated_at, record
       FROM dossiers, generate_series(1, 100000) g WHERE id = $1`,
      [template],
    );
    console.log(`  (100,000 dossiers seeded in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const host = new DossierHost(store, { jobs: { pollMs: 0 } });
    t = performance.now();
    const job = await host.jobs.enqueue('revalidation', { dispositif: 'cpro' }, { role: 'gestionnaire', entityId: 'akto' });
    await host.jobs.idle();
    const seconds = (performance.now() - t) / 1000;
    const status = await host.jobs.status(job.id, { role: 'gestionnaire', entityId: 'akto' });
    await host.jobs.stop();
    const threads = availableParallelism();
    console.log(figure(`re-validation, ${status.done} dossiers, ${threads} thread(s): dossiers/s`, status.done / seconds, '/s'));
    console.log(figure('re-validation: dossiers/s per core', status.done / seconds / threads, '/s'));
    if (status.state !== 'termine' || status.done !== status.total) console.log(`  ✗ job ${status.state}, ${status.done}/${status.total}`);
  } finally {
    await store.close();
  }

  // 3. An employer's list search over 1,000,000 dossiers (1,000 employers, quick text + dispositif + state).
  const big = await cluster.createDatabase();
  const seeding = await PgStore.open({ url: big });
  let t = performance.now();
  const template = drafts[0]!;
  const states = ['saisieAdherent', 'transmis', 'aValiderEmployeur', 'accorde'];
  await seeding.db.query(
    `INSERT INTO dossiers (id, revision, kind, visible_to, dispositif, state, created_at, updated_at, record)
     SELECT s.id, 1, s.kind, s.visible_to, s.dispositif, s.state, s.at, s.at,
       jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set($1::jsonb, '{id}', to_jsonb(s.id)), '{kind}', to_jsonb(s.kind)), '{state}', to_jsonb(s.state)),
         '{visibleTo}', to_jsonb(s.visible_to)),
         '{summary}', jsonb_build_object('stagiaires', jsonb_build_array(jsonb_build_object('nomNaissance', 'NOM' || (s.g % 5000), 'prenoms', 'Prénom' || (s.g % 97))),
           'entreprise', 'ENTREPRISE ' || (s.g % 1000), 'formation', 'Formation ' || (s.g % 300)))::json
     FROM (SELECT g, (1000000 + g)::text AS id, CASE WHEN (g / 7) % 4 IN (1, 3) THEN 'dossier' ELSE 'brouillon' END AS kind,
             ARRAY[CASE WHEN g % 1000 = 0 THEN 'adherent:${EMPLOYER}' ELSE 'adherent:' || lpad((g % 1000)::text, 14, '9') END, 'gestionnaire'] AS visible_to,
             (ARRAY['cpro', 'proa', 'car', 'af'])[1 + (g / 3) % 4] AS dispositif, ($2::text[])[1 + (g / 7) % 4] AS state,
             to_char(timestamp '2025-01-01' + g * interval '20 seconds', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') AS at
           FROM generate_series(1, 1000000) g) s`,
    [JSON.stringify({ ...template, data: {} }), states],
  );
  await seeding.db.query('ANALYZE dossiers');
  console.log(`  (1,000,000 dossiers seeded with generate_series in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await seeding.close();
  const searcher = await spawnOn(big);
  const employer = await searcher.token('employeur');
  const path = (n: number) => `/brouillons?text=NOM${(n * 1000) % 5000}&dispositif=cpro&state=saisieAdherent,transmis&pageSize=20`;
  const first = await call<{ total: number }>(searcher.url, employer, 'GET', path(0));
  const times: number[] = [];
  for (let n = 0; n < 200; n++) {
    t = performance.now();
    const r = await call(searcher.url, employer, 'GET', path(n));
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`recherche : ${r.status}`);
  }
  console.log(figure(`list search over 1,000,000 (employer's list, ${first.body.total} found): p50`, median(times), 'ms', { max: 20 }));
  console.log(`  p99 ${percentile(times, 99).toFixed(1)} ms`);
} finally {
  await Promise.all(started.map((p) => p.stop()));
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
