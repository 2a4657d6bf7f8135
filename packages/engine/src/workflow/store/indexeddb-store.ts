/**
 * IndexedDB store: the browser's embedded default, so a host page keeps drafts with no server.
 * Each save checks the revision and writes in one transaction: a crash loses nothing acknowledged.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DossierRecord } from '../records.js';
import { runQuery } from './query.js';
import { StaleRevisionError, type DossierStore, type StorePage, type StoreQuery } from './types.js';

interface Schema extends DBSchema {
  dossiers: { key: string; value: DossierRecord };
  sequences: { key: string; value: number };
  preferences: { key: string; value: unknown };
}

export class IndexedDbStore implements DossierStore {
  private db: Promise<IDBPDatabase<Schema>>;
  /** Records read once per store instance and kept current by its own writes (lists search them in memory). */
  private cache?: Promise<Map<string, DossierRecord>>;

  constructor(readonly name = 'akto-dossiers') {
    this.db = openDB<Schema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('dossiers', { keyPath: 'id' });
        db.createObjectStore('sequences');
        db.createObjectStore('preferences');
      },
    });
  }

  private all(): Promise<Map<string, DossierRecord>> {
    this.cache ??= this.db.then(async (db) => new Map((await db.getAll('dossiers')).map((r) => [r.id, r])));
    return this.cache;
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    const page = runQuery((await this.all()).values(), query);
    return { ...page, items: page.items.map((r) => structuredClone(r)) };
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    return (await this.db).get('dossiers', id);
  }

  async save(record: DossierRecord): Promise<DossierRecord> {
    const tx = (await this.db).transaction('dossiers', 'readwrite');
    const current = await tx.store.get(record.id);
    const actual = current?.revision ?? 0;
    if (actual !== record.revision) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new StaleRevisionError(record.id, record.revision, actual);
    }
    const saved = { ...record, revision: actual + 1 };
    await tx.store.put(saved);
    await tx.done;
    if (this.cache) (await this.cache).set(saved.id, structuredClone(saved));
    return saved;
  }

  async delete(id: string): Promise<void> {
    await (await this.db).delete('dossiers', id);
    if (this.cache) (await this.cache).delete(id);
  }

  async nextSequence(name: string): Promise<number> {
    const tx = (await this.db).transaction('sequences', 'readwrite');
    const next = ((await tx.store.get(name)) ?? 0) + 1;
    await tx.store.put(next, name);
    await tx.done;
    return next;
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    return (await (await this.db).get('preferences', key)) as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    await (await this.db).put('preferences', value, key);
  }

  close(): Promise<void> {
    return this.db.then((db) => db.close());
  }
}
