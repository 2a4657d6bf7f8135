/** In-memory store (tests, Node hosts without a database). Records are copied in and out. */
import type { DossierRecord } from '../records.js';
import { runQuery } from './query.js';
import { StaleRevisionError, type DossierStore, type StorePage, type StoreQuery } from './types.js';

export class MemoryStore implements DossierStore {
  private readonly records = new Map<string, DossierRecord>();
  private readonly sequences = new Map<string, number>();
  private readonly preferences = new Map<string, unknown>();

  async list(query: StoreQuery = {}): Promise<StorePage> {
    const page = runQuery(this.records.values(), query);
    return { ...page, items: page.items.map((r) => structuredClone(r)) };
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const r = this.records.get(id);
    return r && structuredClone(r);
  }

  async save(record: DossierRecord): Promise<DossierRecord> {
    const current = this.records.get(record.id);
    const actual = current?.revision ?? 0;
    if (actual !== record.revision) throw new StaleRevisionError(record.id, record.revision, actual);
    const saved = structuredClone({ ...record, revision: actual + 1 });
    this.records.set(record.id, saved); // a new object: its cached search text is rebuilt
    return structuredClone(saved);
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }

  async nextSequence(name: string): Promise<number> {
    const next = (this.sequences.get(name) ?? 0) + 1;
    this.sequences.set(name, next);
    return next;
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    return structuredClone(this.preferences.get(key)) as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    this.preferences.set(key, structuredClone(value));
  }
}
