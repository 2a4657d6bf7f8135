/**
 * HTTP store: a host back end serving the REST contract (see rest-contract.ts). Saves go through an
 * outbox on this device (outbox.ts): offline or on a server error (5xx) they are kept and retried with
 * back-off and when the browser is back online; a stale revision (409) is kept aside until the user
 * chooses, never overwritten. `onSync` tells where each draft stands (saved, pending, conflict).
 */
import type { DossierRecord } from '../records.js';
import { defaultOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';
import { paramsFromQuery } from './rest-contract.js';
import { NotFoundError, StaleRevisionError, type StorePage, type StoreQuery, type SyncEvent, type SyncingStore, type SyncState } from './types.js';

/** Timer of the retries (injectable: tests drive it without waiting). */
export interface RetryTimer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HttpStoreOptions {
  /** Base URL of the contract, e.g. "/api" or "https://portail.example/api". */
  baseUrl: string;
  /** Extra headers (authentication). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Where saves wait for the server: IndexedDB in a browser (memory elsewhere) unless given; `false` sends directly. */
  outbox?: OutboxStorage | false;
  /** Waits between retries in milliseconds, the last one repeated (default 2 s, 5 s, 15 s, 30 s, 1 min). */
  retryDelays?: number[];
  timer?: RetryTimer;
}

type Sent = { kind: 'saved'; record: DossierRecord } | { kind: 'pending'; reason: string } | { kind: 'conflict' | 'refused'; error: Error };

/** The browser's window (its `online` event); absent in Node. */
const events = globalThis as { addEventListener?: (type: string, fn: () => void) => void; removeEventListener?: (type: string, fn: () => void) => void };

const PENDING_NETWORK = 'Le serveur ne répond pas : la saisie est gardée sur cet appareil et sera envoyée dès que possible.';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class HttpStore implements SyncingStore {
  private readonly fetch: typeof fetch;
  private readonly outbox: OutboxStorage | null;
  private readonly timer: RetryTimer;
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private readonly states = new Map<string, SyncState>();
  /** After a background send, the server's revision of what the caller knows under another one. */
  private readonly aliases = new Map<string, { local: number; server: number }>();
  /** The last version the server gave of each draft read or saved here: what is read when it does not answer. */
  private readonly known = new Map<string, DossierRecord>();
  private lock: Promise<unknown> = Promise.resolve();
  private attempt = 0;
  private retry?: unknown;
  private readonly onOnline = () => {
    this.attempt = 0;
    void this.flush();
  };

  constructor(private readonly options: HttpStoreOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.outbox = options.outbox === false ? null : (options.outbox ?? defaultOutbox());
    this.timer = options.timer ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    if (this.outbox) {
      events?.addEventListener?.('online', this.onOnline);
      // Saves left waiting by a previous page are sent now.
      void this.flush();
    }
  }

  /** Stops listening to the network and cancels the next retry (saves stay in the outbox). */
  dispose(): void {
    events?.removeEventListener?.('online', this.onOnline);
    if (this.retry !== undefined) this.timer.clear(this.retry);
    this.retry = undefined;
  }

  onSync(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  syncState(id: string): SyncState | undefined {
    return this.states.get(id);
  }

  private setState(id: string, state: SyncState, reason?: string) {
    this.states.set(id, state);
    for (const l of this.listeners) l({ id, state, ...(reason ? { reason } : {}) });
  }

  /** Runs one outbox operation at a time (saves and flushes never interleave). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await this.fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...this.options.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HttpError(0, "Le serveur ne répond pas : vérifiez votre connexion. Votre saisie n'a pas été perdue.");
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new HttpError(res.status, `Réponse illisible du serveur (${res.status}).`);
    }
    return { status: res.status, body: parsed };
  }

  private fail(status: number, body: unknown): never {
    throw new HttpError(status, (body as { message?: string } | undefined)?.message ?? `Erreur du serveur (${status}).`);
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    const params = paramsFromQuery({ ...query, viewer: undefined }).toString();
    const r = await this.call('GET', `/dossiers${params ? `?${params}` : ''}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return r.body as StorePage;
  }

  /** A draft with a save waiting on this device reads as that save (its data is the newest). */
  async get(id: string): Promise<DossierRecord | undefined> {
    const waiting = await this.outbox?.get(id);
    if (waiting && !waiting.conflict) return { ...waiting.record, revision: waiting.local };
    let r: { status: number; body: unknown };
    try {
      r = await this.call('GET', `/dossiers/${encodeURIComponent(id)}`);
    } catch (e) {
      const known = this.outbox && this.known.get(id);
      if (known && e instanceof HttpError && e.status === 0) return structuredClone(known);
      throw e;
    }
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.fail(r.status, r.body);
    this.known.set(id, r.body as DossierRecord);
    return r.body as DossierRecord;
  }

  /**
   * Saves through the outbox: resolves with the server's record once it is acknowledged, or, offline or
   * on a server error, with the record as kept on this device (`syncState` is then "pending").
   */
  async save(record: DossierRecord): Promise<DossierRecord> {
    const outbox = this.outbox;
    if (!outbox) return this.put(record);
    return this.exclusive(async () => {
      const prev = await outbox.get(record.id);
      let entry: OutboxEntry;
      if (prev?.conflict) {
        // Kept aside until the user chooses (discardPending): no save goes over it.
        throw new StaleRevisionError(record.id, record.revision, prev.conflict.actual);
      } else if (prev && record.revision === prev.local) {
        // The next save of the same writer: it replaces the waiting one, on the revision the server knows.
        entry = { id: record.id, record: { ...record, revision: prev.record.revision }, local: prev.local + 1, seq: prev.seq + 1 };
      } else if (prev) {
        throw new StaleRevisionError(record.id, record.revision, prev.local);
      } else {
        const alias = this.aliases.get(record.id);
        const base = alias && alias.local === record.revision ? alias.server : record.revision;
        entry = { id: record.id, record: { ...record, revision: base }, local: record.revision + 1, seq: 1 };
      }
      await outbox.put(entry);
      const sent = await this.send(entry, true);
      if (sent.kind === 'saved') {
        this.aliases.delete(record.id);
        return sent.record;
      }
      if (sent.kind === 'pending') {
        this.scheduleRetry();
        return { ...record, revision: entry.local };
      }
      throw sent.error;
    });
  }

  /** Sends every waiting save now (the browser is back online, or the retry timer fired). */
  async flush(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    if (this.retry !== undefined) this.timer.clear(this.retry);
    this.retry = undefined;
    await this.exclusive(async () => {
      let waiting = false;
      for (const entry of await outbox.all()) {
        if (entry.conflict) {
          this.setState(entry.id, 'conflict');
          continue;
        }
        const sent = await this.send(entry);
        if (sent.kind === 'saved' && sent.record.revision !== entry.local) this.aliases.set(entry.id, { local: entry.local, server: sent.record.revision });
        if (sent.kind === 'pending') waiting = true;
      }
      if (waiting) this.scheduleRetry();
      else this.attempt = 0;
    });
  }

  /** Forgets a save kept aside (conflict) or waiting: the user chose the server's version or a copy. */
  async discardPending(id: string): Promise<void> {
    await this.exclusive(async () => {
      await this.outbox?.delete(id);
      this.states.delete(id);
      this.aliases.delete(id);
    });
  }

  private scheduleRetry() {
    if (this.retry !== undefined) return;
    const delays = this.options.retryDelays ?? [2000, 5000, 15000, 30000, 60000];
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 60000;
    this.attempt++;
    this.retry = this.timer.set(() => {
      this.retry = undefined;
      void this.flush();
    }, delay);
  }

  /**
   * One attempt at sending an outbox entry; the entry goes once the server has it. On a stale revision
   * (409) a caller that is waiting (`direct`) gets the error and still holds its input: the entry goes;
   * in the background it is kept aside, as a conflict, for the user to choose.
   */
  private async send(entry: OutboxEntry, direct = false): Promise<Sent> {
    const outbox = this.outbox as OutboxStorage;
    let r: { status: number; body: unknown };
    try {
      r = await this.call('PUT', `/dossiers/${encodeURIComponent(entry.id)}`, entry.record);
    } catch (e) {
      this.setState(entry.id, 'pending', e instanceof HttpError && e.status !== 0 ? e.message : PENDING_NETWORK);
      return { kind: 'pending', reason: PENDING_NETWORK };
    }
    if (r.status === 200) {
      this.known.set(entry.id, r.body as DossierRecord);
      await outbox.delete(entry.id);
      this.setState(entry.id, 'saved');
      return { kind: 'saved', record: r.body as DossierRecord };
    }
    if (r.status === 409) {
      const b = r.body as { expected?: number; actual?: number };
      if (direct) await outbox.delete(entry.id);
      else await outbox.put({ ...entry, conflict: { actual: b.actual ?? -1 } });
      this.setState(entry.id, 'conflict');
      return { kind: 'conflict', error: new StaleRevisionError(entry.id, b.expected ?? entry.record.revision, b.actual ?? -1) };
    }
    if (r.status >= 500 || r.status === 408 || r.status === 429) {
      const reason = `Le serveur est indisponible (${r.status}) : la saisie est gardée sur cet appareil et sera envoyée dès que possible.`;
      this.setState(entry.id, 'pending', reason);
      return { kind: 'pending', reason };
    }
    // Refused (403, 422…): nothing to retry; the caller keeps its input and sees why.
    await outbox.delete(entry.id);
    this.states.delete(entry.id);
    const message = (r.body as { message?: string } | undefined)?.message ?? `Erreur du serveur (${r.status}).`;
    return { kind: 'refused', error: new HttpError(r.status, message) };
  }

  /** A direct PUT (no outbox). */
  private async put(record: DossierRecord): Promise<DossierRecord> {
    const r = await this.call('PUT', `/dossiers/${encodeURIComponent(record.id)}`, record);
    if (r.status === 409) {
      const b = r.body as { expected?: number; actual?: number };
      throw new StaleRevisionError(record.id, b.expected ?? record.revision, b.actual ?? -1);
    }
    if (r.status !== 200) this.fail(r.status, r.body);
    return r.body as DossierRecord;
  }

  async delete(id: string): Promise<void> {
    const r = await this.call('DELETE', `/dossiers/${encodeURIComponent(id)}`);
    if (r.status === 404) throw new NotFoundError(id);
    if (r.status !== 204) this.fail(r.status, r.body);
  }

  async nextSequence(name: string): Promise<number> {
    const r = await this.call('POST', `/sequences/${encodeURIComponent(name)}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return (r.body as { value: number }).value;
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    const r = await this.call('GET', `/preferences/${encodeURIComponent(key)}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return ((r.body as { value?: T | null }).value ?? undefined) as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    const r = await this.call('PUT', `/preferences/${encodeURIComponent(key)}`, { value });
    if (r.status !== 204) this.fail(r.status, r.body);
  }
}
