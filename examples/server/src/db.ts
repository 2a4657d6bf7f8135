/**
 * One PostgreSQL, two ways to reach it, the same SQL:
 * - embedded PGlite (real PostgreSQL compiled to WebAssembly, in-process) on a data folder, or in memory:
 *   the default, so the example needs nothing installed;
 * - a PostgreSQL server through `pg` when a `postgres://…` URL is given (DATABASE_URL).
 * The store only sees `Db`: parameterised queries, multi-statement scripts and transactions.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Result<T> {
  rows: T[];
  /** Rows inserted, updated or deleted. */
  affected: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Result<T>>;
  /** Runs a script of several statements (a migration), no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For messages: the data folder, "mémoire" or the server URL without its password. */
  readonly where: string;
}

/** Where the data lives: a PGlite data folder, nothing (in memory) or a `postgres://` URL. */
export type DbLocation = { dataDir?: string } | { url: string };

export async function openDb(location: DbLocation): Promise<Db> {
  return 'url' in location ? openPg(location.url) : openPglite(location.dataDir);
}

async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, affected: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    ...wrap(db),
    where: dataDir ?? 'mémoire',
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

async function openPg(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const where = redact(url);
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query(sql, params);
      return { rows: r.rows as T[], affected: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await q.query(sql); // no parameters: the simple protocol runs every statement
    },
  });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    throw new Error(`Base ${where} injoignable : ${(e as Error).message}`);
  }
  let closed = false;
  return {
    ...wrap(pool),
    where,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
