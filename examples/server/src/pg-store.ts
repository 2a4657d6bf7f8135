/**
 * A DossierStore on PostgreSQL (embedded PGlite on a data folder or in memory, or a server through
 * DATABASE_URL: see db.ts): one row per dossier (id, revision, JSON record, plus the columns a list
 * filters on first; the dossier data also as JSONB), named sequences, preferences and a notification outbox.
 *
 * Migrations: the numbered SQL files of ../migrations run once each, in order, at open, under an
 * advisory lock (two servers starting together migrate once); a database migrated by a newer server
 * (a version this code does not know) is refused.
 * Revisions: the write is `UPDATE … WHERE revision = $n` (or an INSERT of a new id): no row touched
 * means another save won, and the caller gets StaleRevisionError (→ 409).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { StaleRevisionError, partyKey, runQuery, type DossierRecord, type DossierStore, type Notification, type StorePage, type StoreQuery } from '@akto/engine';
import { openDb, type Db, type DbLocation } from './db.js';

const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** The migrations shipped with this code: `NNN_name.sql`, by number. */
export function migrations(): { version: number; sql: string }[] {
  return readdirSync(MIGRATIONS)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), sql: readFileSync(new URL(f, MIGRATIONS), 'utf8') }));
}

export interface OutboxEntry {
  seq: number;
  createdAt: string;
  notification: Notification;
}

interface RecordRow {
  revision: number;
  record: DossierRecord;
}

export class PgStore implements DossierStore {
  private constructor(readonly db: Db) {}

  /**
   * `{ dataDir }`: PGlite's data folder (created when missing), `{}` for a database in memory,
   * `{ url }`: a PostgreSQL server (`postgres://user:password@host:5432/base`).
   */
  static async open(location: DbLocation = {}): Promise<PgStore> {
    const db = await openDb(location);
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return new PgStore(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private parse(row: RecordRow): DossierRecord {
    // The revision column is the authority (it is what the UPDATE compares).
    return { ...row.record, revision: row.revision };
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    // SQL narrows by list, visibility, dispositif and state; runQuery applies the same search, filters, order and paging as every store.
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.kind === 'brouillons') where.push(`kind = 'brouillon'`);
    else if (query.kind === 'dossiers') where.push(`kind = 'dossier'`);
    else where.push(`kind <> 'masque'`);
    if (query.viewer) {
      params.push([partyKey(query.viewer)]);
      where.push(`visible_to @> $${params.length}::text[]`);
    }
    if (query.dispositifs?.length) {
      params.push(query.dispositifs);
      where.push(`dispositif = ANY($${params.length}::text[])`);
    }
    if (query.states?.length) {
      params.push(query.states);
      where.push(`state = ANY($${params.length}::text[])`);
    }
    const { rows } = await this.db.query<RecordRow>(`SELECT revision, record FROM dossiers WHERE ${where.join(' AND ')}`, params);
    return runQuery(rows.map((r) => this.parse(r)), query);
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const { rows } = await this.db.query<RecordRow>('SELECT revision, record FROM dossiers WHERE id = $1', [id]);
    return rows[0] && this.parse(rows[0]);
  }

  async save(record: DossierRecord): Promise<DossierRecord> {
    const saved = JSON.parse(JSON.stringify({ ...record, revision: record.revision + 1 })) as DossierRecord; // exactly what is stored
    const values = [saved.id, saved.revision, saved.kind, saved.visibleTo ?? [], saved.dispositif, saved.state, saved.createdAt, saved.updatedAt, JSON.stringify(saved)];
    const written =
      record.revision === 0
        ? await this.db.query(
            `INSERT INTO dossiers (id, revision, kind, visible_to, dispositif, state, created_at, updated_at, record)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
            values,
          )
        : await this.db.query(
            `UPDATE dossiers SET revision = $2, kind = $3, visible_to = $4, dispositif = $5, state = $6, created_at = $7,
               updated_at = $8, record = $9 WHERE id = $1 AND revision = $10`,
            [...values, record.revision],
          );
    if (!written.affected) {
      const { rows } = await this.db.query<{ revision: number }>('SELECT revision FROM dossiers WHERE id = $1', [record.id]);
      throw new StaleRevisionError(record.id, record.revision, rows[0]?.revision ?? 0);
    }
    return saved;
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM dossiers WHERE id = $1', [id]);
  }

  async nextSequence(name: string): Promise<number> {
    const { rows } = await this.db.query<{ value: string | number }>(
      'INSERT INTO sequences (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value',
      [name],
    );
    return Number(rows[0]!.value);
  }

  /** The last value a sequence gave (0 when never used). */
  async currentSequence(name: string): Promise<number> {
    const { rows } = await this.db.query<{ value: string | number }>('SELECT value FROM sequences WHERE name = $1', [name]);
    return Number(rows[0]?.value ?? 0);
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: T }>('SELECT value FROM preferences WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    if (value === undefined) await this.db.query('DELETE FROM preferences WHERE key = $1', [key]);
    else await this.db.query('INSERT INTO preferences (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
  }

  /** Keeps a notification for the host to deliver (e-mail...); kept until the host's sender takes it. */
  async addNotification(notification: Notification, at = new Date()): Promise<void> {
    await this.db.query('INSERT INTO outbox (created_at, notification) VALUES ($1, $2)', [at.toISOString(), JSON.stringify(notification)]);
  }

  /** Notifications waiting to be delivered (not yet sent by a sender, outbox-sender.ts), oldest first. */
  async outbox(): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<{ seq: string | number; created_at: string; notification: Notification }>('SELECT seq, created_at, notification FROM outbox WHERE sent_at IS NULL ORDER BY seq');
    return rows.map((r) => ({ seq: Number(r.seq), createdAt: r.created_at, notification: r.notification }));
  }

  /** Removes delivered notifications. */
  async acknowledge(seqs: readonly number[]): Promise<void> {
    await this.db.query('DELETE FROM outbox WHERE seq = ANY($1::bigint[])', [seqs]);
  }
}

/** Any constant of our own: the advisory lock that serialises migrations across servers. */
const MIGRATION_LOCK = 4_242_016;

/** Runs the migrations the database lacks, in one transaction; refuses a newer database. */
async function migrate(db: Db): Promise<void> {
  const known = migrations();
  const latest = known.at(-1)?.version ?? 0;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = Number(rows[0]?.v ?? 0);
    if (current > latest) {
      throw new Error(`Base ${db.where} : version de schéma ${current}, plus récente que ce serveur (${latest}). Mettez le serveur à jour avant de l’ouvrir.`);
    }
    for (const m of known.filter((m) => m.version > current)) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    }
  });
}
