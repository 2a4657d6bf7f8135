import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaleRevisionError, type DossierRecord, type DossierStore } from '@akto/engine';
// The behaviour every DossierStore must have (the engine's own suite, run against memory, HTTP and IndexedDB).
import { sampleRecord, storeContract } from '../../../packages/engine/test/workflow/store-contract.js';
import { StaleRevisionError as SourceStaleRevisionError } from '../../../packages/engine/src/workflow/store/types.js';
import { openDb, type DbLocation } from '../src/db.js';
import { migrations, PgStore } from '../src/pg-store.js';
import { hasPostgres, startCluster, type Cluster } from './postgres.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'akto-pglite-'));
  dirs.push(dir);
  return join(dir, 'pgdata');
}
process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The suite imports the engine's sources while this store uses the built package: same error, two classes. */
function asSourceErrors(store: DossierStore): DossierStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'save' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (record: DossierRecord) => {
        try {
          return await target.save(record);
        } catch (e) {
          if (e instanceof StaleRevisionError) throw new SourceStaleRevisionError(e.id, e.expected, e.actual);
          throw e;
        }
      };
    },
  });
}

/**
 * A test's database: `store()` an empty one, `location(true)` a new one that can be opened again.
 * (On PGlite, `store()` empties one shared in-memory database: starting PGlite costs seconds.)
 */
interface Fresh {
  store(): Promise<PgStore>;
  location(): Promise<DbLocation>;
}

const opened: PgStore[] = [];
async function open(location: DbLocation): Promise<PgStore> {
  const store = await PgStore.open(location);
  opened.push(store);
  return store;
}

/** What every PostgreSQL the store runs on must do: PGlite in memory or on disk, a real server. */
function pgSuite(name: string, fresh: Fresh, options: { sharedServer: boolean }) {
  storeContract(name, async () => asSourceErrors(await fresh.store()), { describe, it });

  it('keeps what was acknowledged across a reopen, with its revision', async () => {
    const location = await fresh.location();
    const first = await PgStore.open(location);
    const saved = await first.save(sampleRecord());
    const again = await first.save({ ...saved, data: { ...saved.data, note: 'deuxième' } });
    await first.nextSequence('brouillon');
    await first.setPreference('adherent:1|acces-rapides', [{ nom: 'CPRO' }]);
    await first.close();
    const second = await PgStore.open(location);
    try {
      const read = await second.get(saved.id);
      assert.equal(read?.revision, 2);
      assert.deepEqual(read?.data, again.data);
      assert.equal(await second.nextSequence('brouillon'), 2, 'sequence continues');
      assert.deepEqual(await second.getPreference('adherent:1|acces-rapides'), [{ nom: 'CPRO' }]);
      await assert.rejects(second.save({ ...saved }), StaleRevisionError, 'an old revision is still stale after the reopen');
      const { rows } = await second.db.query<{ note: string }>(`SELECT data ->> 'note' AS note FROM dossiers WHERE data @> '{"note": "deuxième"}'`);
      assert.deepEqual(rows, [{ note: 'deuxième' }], 'the dossier data is queryable as JSONB');
      const { rows: versions } = await second.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(versions.map((v) => v.version), migrations().map((m) => m.version), 'each migration recorded once');
    } finally {
      await second.close();
    }
  });

  it('refuses, in French, a database migrated by a newer server, and leaves it untouched', async () => {
    const location = await fresh.location();
    const db = await openDb(location);
    await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO schema_migrations (version) VALUES (999);');
    await db.close();
    await assert.rejects(PgStore.open(location), /version de schéma 999, plus récente que ce serveur \(\d+\)\. Mettez le serveur à jour/);
    const again = await openDb(location);
    try {
      const { rows } = await again.query<{ t: string | null }>(`SELECT to_regclass('dossiers')::text AS t`);
      assert.equal(rows[0]?.t, null, 'no table created');
    } finally {
      await again.close();
    }
  });

  it('of two saves of one revision, exactly one wins; the other is refused with the actual revision', async () => {
    const store = await fresh.store();
    const base = await store.save(sampleRecord());
    const results = await Promise.allSettled([store.save({ ...base, data: { par: 'A' } }), store.save({ ...base, data: { par: 'B' } })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(lost[0]!.reason instanceof StaleRevisionError && lost[0]!.reason.actual === 2);
    assert.deepEqual((await store.get(base.id))?.data, (won[0] as PromiseFulfilledResult<DossierRecord>).value.data);
    await assert.rejects(store.save({ ...sampleRecord(), id: base.id }), StaleRevisionError, 'a second creation of one id is stale too');
  });

  if (options.sharedServer) {
    it('two servers on one database: both migrate at once safely; one save of a revision wins; sequences never repeat', async () => {
      const location = await fresh.location();
      const [a, b] = await Promise.all([open(location), open(location)]);
      const base = await a.save(sampleRecord());
      const fromB = await b.get(base.id);
      await a.save({ ...base, data: { par: 'A' } });
      await assert.rejects(b.save({ ...fromB!, data: { par: 'B' } }), (e: unknown) => e instanceof StaleRevisionError && e.actual === 2);
      assert.deepEqual((await b.get(base.id))?.data, { par: 'A' }, 'A kept');
      const seqs = await Promise.all([a, b, a, b, a, b].map((s) => s.nextSequence('s')));
      assert.deepEqual(seqs.sort((x, y) => x - y), [1, 2, 3, 4, 5, 6], 'a sequence never gives a number twice');
    });
  }

  it('keeps notifications in an outbox until acknowledged', async () => {
    const store = await fresh.store();
    await store.addNotification({ type: 'notification', to: 'adherent', kind: 'a-valider', text: 'Votre organisme de formation vous a transmis la demande n° 10001', template: 'Votre organisme de formation vous a transmis la demande {dossier}', dossier: 'n° 10001' });
    const [entry] = await store.outbox();
    assert.equal(entry?.notification.kind, 'a-valider');
    await store.acknowledge([entry!.seq]);
    assert.deepEqual(await store.outbox(), []);
  });

  it('a viewer’s list uses the visibility index on 30 000 seeded dossiers (sequential scans left enabled)', async () => {
    const store = await fresh.store();
    await store.db.exec(`
      INSERT INTO dossiers (id, revision, kind, visible_to, dispositif, state, created_at, updated_at, record)
      SELECT g::text, 1, CASE WHEN g % 3 = 0 THEN 'dossier' ELSE 'brouillon' END, ARRAY['adherent:' || (g % 5000)::text, 'akto'],
             CASE WHEN g % 2 = 0 THEN 'cpro' ELSE 'proa' END, 'brouillon', '2026-01-01', '2026-01-01', '{}'::json
      FROM generate_series(1, 30000) AS g;
      ANALYZE dossiers;`);
    const { rows } = await store.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT revision, record FROM dossiers WHERE kind = 'brouillon' AND visible_to @> $1::text[] AND dispositif = ANY($2::text[])`,
      [['adherent:42'], ['cpro']],
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    assert.match(plan, /dossiers_visible_to/, plan);
    assert.doesNotMatch(plan, /Seq Scan/, plan);
  });
}

describe('PGlite store (embedded PostgreSQL)', { concurrency: false }, () => {
  let shared: PgStore | undefined;
  pgSuite(
    'pglite',
    {
      async store() {
        shared ??= await open({});
        await shared.db.exec('TRUNCATE dossiers, sequences, preferences, outbox, jobs, job_results, dispositif_versions RESTART IDENTITY');
        return shared;
      },
      location: async () => ({ dataDir: tempDir() }),
    },
    { sharedServer: false },
  );
});

/**
 * The same suite on a real PostgreSQL server: a throw-away cluster (initdb, pg_ctl) or DATABASE_URL.
 * Skipped with the reason when PostgreSQL is not installed, except in CI (CI=true) where it fails.
 */
describe('PostgreSQL server store (pg)', { concurrency: false }, async () => {
  let cluster: Cluster | { unavailable: string };
  try {
    cluster = await startCluster();
  } catch (e) {
    cluster = { unavailable: (e as Error).message };
  }
  if (!hasPostgres(cluster)) return;
  const running = cluster;
  after(() => running.stop());
  const location = async () => ({ url: await running.createDatabase() });
  pgSuite('postgresql', { store: async () => open(await location()), location }, { sharedServer: true });
});

after(async () => {
  for (const s of opened.splice(0)) await s.close();
});
