/**
 * HTTP store: a host back end serving the REST contract (see rest-contract.ts). Saves go through an
 * outbox on this device (outbox.ts, outbox-sender.ts, loaded on demand): offline or on a server error (5xx) they are kept and retried with
 * back-off and when the browser is back online; a stale revision (409) is kept aside until the user
 * chooses, never overwritten, and kept on this device across reloads. A new draft created while the server
 * does not answer gets a provisional id (`provisionalId`, draft-id.ts) and the server's number on its
 * first send. `onSync` tells where each draft stands (saved, pending, conflict) and when it is renumbered.
 */
import { DRAFT_SEQUENCE } from '../draft-id.js';
import type { DossierRecord } from '../records.js';
import type { OutboxSender } from './outbox-sender.js';
import type { OutboxStorage } from './outbox.js';
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

/** The browser's window (its `online` event); absent in Node. */
const events = globalThis as { addEventListener?: (type: string, fn: () => void) => void; removeEventListener?: (type: string, fn: () => void) => void };

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
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private readonly states = new Map<string, SyncState>();
  /** The last version the server gave of each draft read or saved here: what is read when it does not answer. */
  private readonly known = new Map<string, DossierRecord>();
  private loading?: Promise<OutboxSender>;
  private readonly onOnline = () => void this.sender()?.then((s) => s.online());

  constructor(private readonly options: HttpStoreOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    if (options.outbox !== false) {
      events?.addEventListener?.('online', this.onOnline);
      // Saves left waiting by a previous page are sent now.
      void this.flush();
    }
  }

  /** The outbox's save path, loaded on first use (undefined when `outbox: false`). */
  private sender(): Promise<OutboxSender> | undefined {
    if (this.options.outbox === false) return undefined;
    this.loading ??= import('./outbox-sender.js').then(
      ({ OutboxSender }) =>
        new OutboxSender({
          put: (record) => this.call('PUT', `/dossiers/${encodeURIComponent(record.id)}`, record),
          get: (id) => this.call('GET', `/dossiers/${encodeURIComponent(id)}`),
          sequence: () => this.nextSequence(DRAFT_SEQUENCE),
          emit: (id, state, reason, renamed) => this.setState(id, state, reason, renamed),
          known: this.known,
          outbox: this.options.outbox || undefined,
          retryDelays: this.options.retryDelays,
          timer: this.options.timer,
        }),
    );
    return this.loading;
  }

  /** Stops listening to the network and cancels the next retry (saves stay in the outbox). */
  dispose(): void {
    events?.removeEventListener?.('online', this.onOnline);
    void this.loading?.then((s) => s.dispose());
  }

  onSync(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  syncState(id: string): SyncState | undefined {
    return this.states.get(id);
  }

  private setState(id: string, state: SyncState | undefined, reason?: string, renamed?: string) {
    if (!state) {
      this.states.delete(id);
      return;
    }
    this.states.set(id, state);
    for (const l of this.listeners) l({ id, state, ...(reason ? { reason } : {}), ...(renamed ? { renamed } : {}) });
  }

  /**
   * A provisional id for a new draft when the server did not answer (`error` from `nextSequence`): the draft
   * is kept on this device and numbered by the server on its first send. Undefined without an outbox.
   */
  async provisionalId(error: unknown): Promise<string | undefined> {
    return (await this.sender())?.provisionalId(error);
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

  /**
   * A draft with a save waiting on this device reads as that save (its data is the newest). One whose input a
   * conflict keeps aside reads as the server's version, its state "conflict" (the input: `keptAside`).
   */
  async get(asked: string): Promise<DossierRecord | undefined> {
    const local = await (await this.sender())?.read(asked);
    if (local?.waiting) return local.waiting;
    const id = local?.id ?? asked;
    let r: { status: number; body: unknown };
    try {
      r = await this.call('GET', `/dossiers/${encodeURIComponent(id)}`);
    } catch (e) {
      const known = this.options.outbox !== false && this.known.get(id);
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
    const sender = this.sender();
    return sender ? (await sender).save(record) : this.put(record);
  }

  /** Sends every waiting save now (done by itself when the browser is back online, and on a timer). */
  async flush(): Promise<void> {
    await (await this.sender())?.flush();
  }

  /** The input a conflict keeps on this device until the user chooses (also after a reload), at its stale revision. */
  async keptAside(id: string): Promise<DossierRecord | undefined> {
    return (await this.sender())?.keptAside(id);
  }

  /** Forgets a save kept aside (conflict) or waiting: the user chose the server's version or a copy. */
  async discardPending(id: string): Promise<void> {
    await (await this.sender())?.discard(id);
    this.states.delete(id);
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
