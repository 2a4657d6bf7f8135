/**
 * A DossierStore on SQLite (better-sqlite3): one row per dossier (id, revision, JSON record, plus the
 * columns a list filters on first), named sequences, preferences and a notification outbox.
 *
 * Durability: WAL journal with synchronous=FULL, so a save is on disk before it is acknowledged.
 * Revisions: the revision check and the write run in one IMMEDIATE transaction, so a stale save is
 * refused (StaleRevisionError → 409) and never overwrites what another tab or user saved.
 */
import Database, { type Statement } from 'better-sqlite3';
import { StaleRevisionError, partyKey, runQuery, type DossierRecord, type DossierStore, type Notification, type StorePage, type StoreQuery } from '@akto/engine';

type Db = InstanceType<typeof Database>;

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS dossiers (
  id          TEXT PRIMARY KEY,
  revision    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  visible_to  TEXT NOT NULL,
  dispositif  TEXT NOT NULL,
  state       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  record      TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS dossiers_kind ON dossiers(kind, created_at);
CREATE TABLE IF NOT EXISTS sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS preferences (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS outbox (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at   TEXT NOT NULL,
  notification TEXT NOT NULL
) STRICT;
`;

interface RecordRow {
  revision: number;
  record: string;
}

export interface OutboxEntry {
  seq: number;
  createdAt: string;
  notification: Notification;
}

export class SqliteStore implements DossierStore {
  readonly db: Db;
  private readonly saveTx: (record: DossierRecord) => DossierRecord;

  /** `file`: path of the database (created when missing), or ":memory:". */
  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    const version = Number(this.db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw new Error(`Base ${file} : version de schéma ${version} inconnue de ce serveur (${SCHEMA_VERSION}).`);
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.saveTx = this.db.transaction((record: DossierRecord) => this.write(record)).immediate;
  }

  private readonly statements = new Map<string, unknown>();

  /** Prepared once per SQL text. */
  private stmt<Row = unknown>(sql: string): Statement<Row> {
    let s = this.statements.get(sql) as Statement<Row> | undefined;
    if (!s) {
      s = this.db.prepare<Row>(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Parsed records by id, checked against the revision column at every list: a list parses only what
   * changed since the last one (and the search text cached per record object stays valid).
   */
  private readonly parsed = new Map<string, DossierRecord>();

  private parse(row: RecordRow): DossierRecord {
    // The revision column is the authority (it is what the transaction compares).
    return { ...(JSON.parse(row.record) as DossierRecord), revision: row.revision };
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    // SQL narrows by list and visibility; runQuery applies the same search, filters, order and paging as every store.
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.kind === 'brouillons') where.push(`kind = 'brouillon'`);
    else if (query.kind === 'dossiers') where.push(`kind = 'dossier'`);
    else where.push(`kind <> 'masque'`);
    if (query.viewer) {
      where.push('EXISTS (SELECT 1 FROM json_each(dossiers.visible_to) WHERE json_each.value = ?)');
      params.push(partyKey(query.viewer));
    }
    if (query.dispositifs?.length) {
      where.push(`dispositif IN (${query.dispositifs.map(() => '?').join(', ')})`);
      params.push(...query.dispositifs);
    }
    if (query.states?.length) {
      where.push(`state IN (${query.states.map(() => '?').join(', ')})`);
      params.push(...query.states);
    }
    const rows = this.stmt<{ id: string; revision: number }>(`SELECT id, revision FROM dossiers WHERE ${where.join(' AND ')}`).all(...params);
    const records: DossierRecord[] = [];
    for (const { id, revision } of rows) {
      let record = this.parsed.get(id);
      if (record?.revision !== revision) {
        const row = this.stmt<RecordRow>('SELECT revision, record FROM dossiers WHERE id = ?').get(id);
        if (!row) continue; // deleted in between (another process)
        record = this.parse(row);
        this.parsed.set(id, record);
      }
      records.push(record);
    }
    const page = runQuery(records, query);
    return { ...page, items: page.items.map((r) => structuredClone(r)) };
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const row = this.stmt<RecordRow>('SELECT revision, record FROM dossiers WHERE id = ?').get(id);
    return row && this.parse(row);
  }

  /** Compares the revision and writes, inside the IMMEDIATE transaction. */
  private write(record: DossierRecord): DossierRecord {
    const current = this.stmt<{ revision: number }>('SELECT revision FROM dossiers WHERE id = ?').get(record.id);
    const actual = current?.revision ?? 0;
    if (actual !== record.revision) throw new StaleRevisionError(record.id, record.revision, actual);
    const text = JSON.stringify({ ...record, revision: actual + 1 });
    const saved = JSON.parse(text) as DossierRecord; // exactly what is stored
    this.stmt(
        `INSERT INTO dossiers (id, revision, kind, visible_to, dispositif, state, created_at, updated_at, record)
         VALUES (@id, @revision, @kind, @visibleTo, @dispositif, @state, @createdAt, @updatedAt, @record)
         ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, kind = excluded.kind, visible_to = excluded.visible_to,
           dispositif = excluded.dispositif, state = excluded.state, created_at = excluded.created_at,
           updated_at = excluded.updated_at, record = excluded.record`,
      ).run({
        id: saved.id,
        revision: saved.revision,
        kind: saved.kind,
        visibleTo: JSON.stringify(saved.visibleTo ?? []),
        dispositif: saved.dispositif,
        state: saved.state,
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
        record: text,
      });
    this.parsed.delete(saved.id);
    return saved;
  }

  async save(record: DossierRecord): Promise<DossierRecord> {
    return this.saveTx(record);
  }

  async delete(id: string): Promise<void> {
    this.stmt('DELETE FROM dossiers WHERE id = ?').run(id);
    this.parsed.delete(id);
  }

  async nextSequence(name: string): Promise<number> {
    const row = this.stmt<{ value: number }>('INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
      .get(name);
    return row!.value;
  }

  /** The last value a sequence gave (0 when never used). */
  currentSequence(name: string): number {
    return this.stmt<{ value: number }>('SELECT value FROM sequences WHERE name = ?').get(name)?.value ?? 0;
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    const row = this.stmt<{ value: string }>('SELECT value FROM preferences WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.stmt('DELETE FROM preferences WHERE key = ?').run(key);
    else this.stmt('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  /** Keeps a notification for the host to deliver (e-mail...); kept until the host's sender takes it. */
  addNotification(notification: Notification, at = new Date()): void {
    this.stmt('INSERT INTO outbox (created_at, notification) VALUES (?, ?)').run(at.toISOString(), JSON.stringify(notification));
  }

  /** Notifications waiting to be delivered, oldest first. */
  outbox(): OutboxEntry[] {
    return this.stmt<{ seq: number; created_at: string; notification: string }>('SELECT seq, created_at, notification FROM outbox ORDER BY seq')
      .all()
      .map((r) => ({ seq: r.seq, createdAt: r.created_at, notification: JSON.parse(r.notification) as Notification }));
  }

  /** Removes delivered notifications. */
  acknowledge(seqs: readonly number[]): void {
    const del = this.stmt('DELETE FROM outbox WHERE seq = ?');
    this.db.transaction((list: readonly number[]) => {
      for (const s of list) del.run(s);
    })(seqs);
  }
}
