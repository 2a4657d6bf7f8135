/**
 * The outbox of HttpStore: saves kept on this device until the server acknowledges them, one per draft
 * (the latest save wins), in IndexedDB so that a reload or a crash loses nothing; in memory where there
 * is no IndexedDB (Node).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DossierRecord } from '../records.js';

export interface OutboxEntry {
  id: string;
  /** What to send: the latest data, carrying the revision the server last acknowledged. */
  record: DossierRecord;
  /** The revision handed back to the caller for this save (what its next save will carry). */
  local: number;
  /** Bumped by each save of the draft: a flush deletes the entry only if no save came meanwhile. */
  seq: number;
  /**
   * The server holds another version (409): the entry waits for the user's choice. `handed`: the last revision
   * handed back to the writer for it (a save carrying a later one, at least `actual`, has read the server's).
   */
  conflict?: { actual: number; handed: number };
  /** For a draft under a provisional id (draft-id.ts): the number the server allotted, kept until the draft is sent under it. */
  allotted?: string;
}

export interface OutboxStorage {
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
  all(): Promise<OutboxEntry[]>;
}

export class MemoryOutbox implements OutboxStorage {
  private readonly entries = new Map<string, OutboxEntry>();
  async get(id: string) {
    const e = this.entries.get(id);
    return e && structuredClone(e);
  }
  async put(entry: OutboxEntry) {
    this.entries.set(entry.id, structuredClone(entry));
  }
  async delete(id: string) {
    this.entries.delete(id);
  }
  async all() {
    return [...this.entries.values()].map((e) => structuredClone(e));
  }
}

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
}

export class IndexedDbOutbox implements OutboxStorage {
  private readonly db: Promise<IDBPDatabase<Schema>>;
  constructor(readonly name = 'akto-outbox') {
    this.db = openDB<Schema>(name, 1, { upgrade: (db) => void db.createObjectStore('outbox', { keyPath: 'id' }) });
  }
  async get(id: string) {
    return (await this.db).get('outbox', id);
  }
  async put(entry: OutboxEntry) {
    await (await this.db).put('outbox', entry);
  }
  async delete(id: string) {
    await (await this.db).delete('outbox', id);
  }
  async all() {
    return (await this.db).getAll('outbox');
  }
  async close() {
    (await this.db).close();
  }
}

export const defaultOutbox = (): OutboxStorage => (!('indexedDB' in globalThis) ? new MemoryOutbox() : new IndexedDbOutbox());
