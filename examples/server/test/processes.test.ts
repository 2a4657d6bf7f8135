/**
 * Several server processes on one real PostgreSQL (the throw-away cluster of postgres.ts): concurrent saves
 * of one dossier at one revision give one 200 and one 409, nothing acknowledged is lost, each notification
 * is delivered by one process only; a process killed (SIGKILL) in the middle of a burst of saves loses no
 * save it acknowledged. Skipped with the reason without PostgreSQL, except in CI (CI=true) where it fails.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DossierRecord } from '@akto/engine';
import { hasPostgres, startCluster, type Cluster } from './postgres.js';
import { call, spawnServer, type ServerProcess } from './processes.js';

type Saved = { record: DossierRecord };
const email = (n: number | string) => ({ employeur: { email: `rh${n}@exemple.fr` } });

let cluster: Cluster | { unavailable: string };
try {
  cluster = await startCluster();
} catch (e) {
  cluster = { unavailable: (e as Error).message };
}

describe('two server processes on one PostgreSQL', { concurrency: false }, () => {
  if (!hasPostgres(cluster)) return;
  const running = cluster;
  const dir = mkdtempSync(join(tmpdir(), 'akto-procs-'));
  let url: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let token: string;
  before(async () => {
    url = await running.createDatabase();
    a = await spawnServer(url, dir); // first: makes the demo key both sign with
    b = await spawnServer(url, dir);
    token = await a.token('employeur');
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('concurrent saves of one dossier at one revision: exactly one 200 and one 409, the winner kept', async () => {
    for (let round = 0; round < 10; round++) {
      const draft = (await call<Saved>(a.url, token, 'POST', '/brouillons', { dispositif: 'cpro' })).body.record;
      const [ra, rb] = await Promise.all([
        call<Saved>(a.url, token, 'PUT', `/brouillons/${draft.id}`, { data: { ...draft.data, ...email('a') }, revision: draft.revision }),
        call<Saved>(b.url, token, 'PUT', `/brouillons/${draft.id}`, { data: { ...draft.data, ...email('b') }, revision: draft.revision }),
      ]);
      assert.deepEqual([ra.status, rb.status].sort(), [200, 409], `round ${round}`);
      const winner = ra.status === 200 ? 'a' : 'b';
      for (const p of [a, b]) {
        const read = await call<Saved>(p.url, token, 'GET', `/brouillons/${draft.id}`);
        assert.equal((read.body.record.data.employeur as { email: string }).email, `rh${winner}@exemple.fr`);
        assert.equal(read.body.record.revision, draft.revision + 1);
      }
    }
  });

  it('a burst of saves spread over both: every acknowledged one is read back from either', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => call<Saved>(b.url, token, 'POST', '/brouillons', { dispositif: 'cpro' })));
    const acks = await Promise.all(
      drafts.map(async ({ body: { record } }, n) => {
        let revision = record.revision;
        for (let k = 0; k < 5; k++) {
          const r = await call<Saved>((n + k) % 2 ? a.url : b.url, token, 'PUT', `/brouillons/${record.id}`, { data: { ...record.data, ...email(`${n}-${k}`) }, revision });
          assert.equal(r.status, 200);
          revision = r.body.record.revision;
        }
        return { id: record.id, revision, email: `rh${n}-4@exemple.fr` };
      }),
    );
    for (const ack of acks) {
      const read = await call<Saved>(acks.length % 2 ? a.url : b.url, token, 'GET', `/brouillons/${ack.id}`);
      assert.deepEqual([read.body.record.revision, (read.body.record.data.employeur as { email: string }).email], [ack.revision, ack.email]);
    }
  });

  it('each notification is claimed and delivered by one process only', async () => {
    const draft = (await call<Saved>(a.url, token, 'POST', '/brouillons', { dispositif: 'cpro' })).body.record;
    const link = `http://127.0.0.1:8080/demande.html?brouillon=${draft.id}&onglet=employeur`;
    const sent = await Promise.all(Array.from({ length: 40 }, (_, i) => call(i % 2 ? a.url : b.url, token, 'POST', `/brouillons/${draft.id}/lien`, { link })));
    assert.ok(sent.every((r) => r.status === 202));
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      let rows: { seq: string; sent_by: string | null }[] = [];
      for (let i = 0; i < 300; i++) {
        rows = (await db.query<{ seq: string; sent_by: string | null }>('SELECT seq, sent_by FROM outbox ORDER BY seq')).rows;
        if (rows.length && rows.every((r) => r.sent_by)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(rows.length, 40);
      assert.ok(rows.every((r) => r.sent_by === `pid ${a.child.pid}` || r.sent_by === `pid ${b.child.pid}`), 'every row sent, by one of the two');
      await new Promise((r) => setTimeout(r, 100)); // the last lines reach the pipes
      const printed = [...a.lines, ...b.lines].map((l) => /^notification n° (\d+) /.exec(l)?.[1]).filter(Boolean);
      assert.deepEqual(printed.sort(), rows.map((r) => r.seq).sort(), 'each delivered exactly once across both processes');
    } finally {
      await db.end();
    }
  });

  it('--workers 2: two processes on one port, a SIGTERM stops them all', async () => {
    const pair = await spawnServer(url, dir, ['--workers', '2']);
    const ready = () => pair.lines.filter((l) => l.startsWith('Serveur AKTO')).map((l) => /processus (\d+)/.exec(l)?.[1]);
    for (let i = 0; i < 300 && ready().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const pids = ready();
    assert.equal(new Set(pids).size, 2, pair.lines.join('\n'));
    assert.ok(pids.every((p) => p && p !== String(pair.child.pid)), 'the workers, not the primary, serve');
    const first = await call(pair.url, await pair.token('employeur'), 'GET', '/dispositifs');
    assert.equal(first.status, 200);
    await pair.stop();
    assert.equal(pair.child.exitCode, 0);
    for (const pid of pids) assert.throws(() => process.kill(Number(pid), 0), 'worker stopped');
  });

  it('kill -9 in the middle of a burst of saves loses no acknowledged save', async () => {
    const victim = await spawnServer(url, dir);
    const drafts = await Promise.all(Array.from({ length: 16 }, () => call<Saved>(a.url, token, 'POST', '/brouillons', { dispositif: 'cpro' })));
    const acked = new Map<string, { revision: number; email: string }>();
    let killed = false;
    const burst = drafts.map(async ({ body: { record } }, n) => {
      let revision = record.revision;
      for (let k = 0; ; k++) {
        const value = `rh${n}-${k}@exemple.fr`;
        const r = await call<Saved>(victim.url, token, 'PUT', `/brouillons/${record.id}`, { data: { ...record.data, employeur: { email: value } }, revision });
        if (r.status !== 200) return; // the connection was cut: not acknowledged
        revision = r.body.record.revision;
        acked.set(record.id, { revision, email: value });
        if (acked.size === drafts.length && k >= 3 && !killed) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      }
    });
    await Promise.all(burst);
    await victim.stop();
    assert.equal(victim.child.signalCode, 'SIGKILL');
    assert.equal(acked.size, drafts.length);
    const again = await spawnServer(url, dir);
    try {
      for (const [id, ack] of acked) {
        const read = await call<Saved>(again.url, token, 'GET', `/brouillons/${id}`);
        const stored = read.body.record;
        // The acknowledged save, or the one after it (written, its answer cut by the kill).
        assert.ok(stored.revision === ack.revision || stored.revision === ack.revision + 1, `${id}: ${stored.revision} / ${ack.revision}`);
        if (stored.revision === ack.revision) assert.equal((stored.data.employeur as { email: string }).email, ack.email);
      }
    } finally {
      await again.stop();
    }
  });
});

it('--workers without DATABASE_URL is refused with the reason', () => {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, '--workers', '2', '--data', tmpdir()], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--workers demande un serveur PostgreSQL \(DATABASE_URL=postgres:\/\/…\) : la base embarquée \(PGlite\) ne s’ouvre que dans un seul processus\./);
});
