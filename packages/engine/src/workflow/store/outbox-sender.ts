/**
 * The save path of HttpStore with its outbox, loaded on demand (the wizard's first load does not carry it):
 * each save is kept on this device first and goes once the server acknowledges it; offline or on a server
 * error (5xx) it waits and is retried with back-off; a stale revision (409) met in the background is kept
 * aside, as a conflict, until the user chooses. One operation at a time: saves and flushes never interleave.
 */
import type { DossierRecord } from '../records.js';
import { HttpError, type RetryTimer } from './http-store.js';
import { defaultOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';
import { StaleRevisionError, type SyncState } from './types.js';

export interface SenderHost {
  /** PUT of a record to the server; throws HttpError(0) when it does not answer. */
  put(record: DossierRecord): Promise<{ status: number; body: unknown }>;
  /** A draft's sync state changed (undefined: forgotten). */
  emit(id: string, state: SyncState | undefined, reason?: string): void;
  /** The last version the server gave of each draft. */
  known: Map<string, DossierRecord>;
  outbox?: OutboxStorage | undefined;
  retryDelays?: number[] | undefined;
  timer?: RetryTimer | undefined;
}

type Sent = { kind: 'saved'; record: DossierRecord } | { kind: 'pending'; reason: string } | { kind: 'conflict' | 'refused'; error: Error };

const PENDING_NETWORK = 'Le serveur ne répond pas : la saisie est gardée sur cet appareil et sera envoyée dès que possible.';

export class OutboxSender {
  private readonly outbox: OutboxStorage;
  private readonly timer: RetryTimer;
  /** After a background send, the server's revision of what the caller knows under another one. */
  private readonly aliases = new Map<string, { local: number; server: number }>();
  private lock: Promise<unknown> = Promise.resolve();
  private attempt = 0;
  private retry?: unknown;

  constructor(private readonly host: SenderHost) {
    this.outbox = host.outbox ?? defaultOutbox();
    this.timer = host.timer ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** The save waiting on this device for a draft, as the caller knows it (not one kept aside). */
  async waiting(id: string): Promise<DossierRecord | undefined> {
    const w = await this.outbox.get(id);
    return w && !w.conflict ? { ...w.record, revision: w.local } : undefined;
  }

  /** The browser is back online: send now, and start the back-off again. */
  online(): Promise<void> {
    this.attempt = 0;
    return this.flush();
  }

  dispose(): void {
    if (this.retry !== undefined) this.timer.clear(this.retry);
    this.retry = undefined;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Saves through the outbox: resolves with the server's record once it is acknowledged, or, offline or
   * on a server error, with the record as kept on this device (`syncState` is then "pending").
   */
  async save(record: DossierRecord): Promise<DossierRecord> {
    const outbox = this.outbox;
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
    if (this.retry !== undefined) this.timer.clear(this.retry);
    this.retry = undefined;
    await this.exclusive(async () => {
      let waiting = false;
      for (const entry of await outbox.all()) {
        if (entry.conflict) {
          this.host.emit(entry.id, 'conflict');
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
  async discard(id: string): Promise<void> {
    await this.exclusive(async () => {
      await this.outbox.delete(id);
      this.aliases.delete(id);
    });
  }

  private scheduleRetry() {
    if (this.retry !== undefined) return;
    const delays = this.host.retryDelays ?? [2000, 5000, 15000, 30000, 60000];
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
    const outbox = this.outbox;
    let r: { status: number; body: unknown };
    try {
      r = await this.host.put(entry.record);
    } catch (e) {
      this.host.emit(entry.id, 'pending', e instanceof HttpError && e.status !== 0 ? e.message : PENDING_NETWORK);
      return { kind: 'pending', reason: PENDING_NETWORK };
    }
    if (r.status === 200) {
      this.host.known.set(entry.id, r.body as DossierRecord);
      await outbox.delete(entry.id);
      this.host.emit(entry.id, 'saved');
      return { kind: 'saved', record: r.body as DossierRecord };
    }
    if (r.status === 409) {
      const b = r.body as { expected?: number; actual?: number };
      if (direct) await outbox.delete(entry.id);
      else await outbox.put({ ...entry, conflict: { actual: b.actual ?? -1 } });
      this.host.emit(entry.id, 'conflict');
      return { kind: 'conflict', error: new StaleRevisionError(entry.id, b.expected ?? entry.record.revision, b.actual ?? -1) };
    }
    if (r.status >= 500 || r.status === 408 || r.status === 429) {
      const reason = `Le serveur est indisponible (${r.status}) : la saisie est gardée sur cet appareil et sera envoyée dès que possible.`;
      this.host.emit(entry.id, 'pending', reason);
      return { kind: 'pending', reason };
    }
    // Refused (403, 422…): nothing to retry; the caller keeps its input and sees why.
    await outbox.delete(entry.id);
    this.host.emit(entry.id, undefined);
    const message = (r.body as { message?: string } | undefined)?.message ?? `Erreur du serveur (${r.status}).`;
    return { kind: 'refused', error: new HttpError(r.status, message) };
  }
}
