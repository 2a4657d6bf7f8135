/**
 * The save path of HttpStore with its outbox, loaded on demand (the wizard's first load does not carry it):
 * each save is kept on this device first and goes once the server acknowledges it; offline or on a server
 * error (5xx) it waits and is retried with back-off; a stale revision (409) met in the background is kept
 * aside, as a conflict, until the user chooses (unless the server holds the very same data: a retry after a
 * lost answer meets its own write) — so is one met by a save the user is waiting for: a reload
 * before the choice loses nothing. A new draft saved while the server does not answer has a provisional id
 * (draft-id.ts): its first send asks the server for the number, sends the draft under it and says so
 * (`renamed`). One operation at a time: saves and flushes never interleave.
 */
import { draftIdOf, isProvisionalDraftId, provisionalDraftId } from '../draft-id.js';
import type { DossierRecord } from '../records.js';
import { HttpError, type RetryTimer } from './http-store.js';
import { defaultOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';
import { StaleRevisionError, type SyncState } from './types.js';

export interface SenderHost {
  /** PUT of a record to the server; throws HttpError(0) when it does not answer. */
  put(record: DossierRecord): Promise<{ status: number; body: unknown }>;
  /** GET of a record from the server; throws HttpError(0) when it does not answer. */
  get(id: string): Promise<{ status: number; body: unknown }>;
  /** The next value of the server's draft sequence; throws HttpError when it does not answer. */
  sequence(): Promise<number>;
  /** A draft's sync state changed (undefined: forgotten); `renamed`: its id from now on. */
  emit(id: string, state: SyncState | undefined, reason?: string, renamed?: string): void;
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
  /** Provisional ids of drafts the server has numbered since, and their number (this page only). */
  private readonly renamed = new Map<string, string>();
  private lock: Promise<unknown> = Promise.resolve();
  private attempt = 0;
  private retry?: unknown;

  constructor(private readonly host: SenderHost) {
    this.outbox = host.outbox ?? defaultOutbox();
    this.timer = host.timer ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** The id a draft has now: a provisional id the server has numbered since reads as its number. */
  private current(id: string): string {
    return this.renamed.get(id) ?? id;
  }

  /**
   * What this device holds of a draft: its id now, and the save waiting to be sent, as the caller knows it.
   * Input kept aside by a conflict is not read as the draft (see keptAside), but says "conflict".
   */
  async read(asked: string): Promise<{ id: string; waiting?: DossierRecord }> {
    const id = this.current(asked);
    const w = await this.outbox.get(id);
    if (w?.conflict) this.host.emit(id, 'conflict');
    return w && !w.conflict ? { id, waiting: { ...w.record, revision: w.local } } : { id };
  }

  /** The input a conflict keeps aside, at the revision it was refused at: saving it again meets the conflict again. */
  async keptAside(id: string): Promise<DossierRecord | undefined> {
    const w = await this.outbox.get(this.current(id));
    return w?.conflict ? w.record : undefined;
  }

  /** A provisional id (draft-id.ts) when `error` says the server did not answer or is down. */
  provisionalId(error: unknown): string | undefined {
    if (!(error instanceof HttpError)) return undefined;
    const down = error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
    return down ? provisionalDraftId() : undefined;
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
  async save(saved: DossierRecord): Promise<DossierRecord> {
    const outbox = this.outbox;
    return this.exclusive(async () => {
      const record = { ...saved, id: this.current(saved.id) };
      const prev = await outbox.get(record.id);
      let entry: OutboxEntry;
      if (prev?.conflict && record.revision >= prev.conflict.actual && record.revision > prev.conflict.handed) {
        // The writer has read the server's version since: a save over it, which replaces the input kept aside.
        entry = { id: record.id, record, local: record.revision + 1, seq: prev.seq + 1 };
      } else if (prev?.conflict) {
        // Kept aside until the user chooses (discardPending): no save goes over it.
        throw new StaleRevisionError(record.id, record.revision, prev.conflict.actual);
      } else if (prev && record.revision === prev.local) {
        // The next save of the same writer: it replaces the waiting one, on the revision the server knows.
        entry = { ...prev, record: { ...record, revision: prev.record.revision }, local: prev.local + 1, seq: prev.seq + 1 };
      } else if (prev) {
        throw new StaleRevisionError(record.id, record.revision, prev.local);
      } else {
        const alias = this.aliases.get(record.id);
        const base = alias && alias.local === record.revision ? alias.server : record.revision;
        entry = { id: record.id, record: { ...record, revision: base }, local: record.revision + 1, seq: 1 };
      }
      await outbox.put(entry);
      // The writer waits for this one: the last revision it was handed is the one before.
      const sent = await this.send(entry, entry.local - 1);
      if (sent.kind === 'saved') {
        this.aliases.delete(sent.record.id);
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
        if (sent.kind === 'saved' && sent.record.revision !== entry.local) this.aliases.set(sent.record.id, { local: entry.local, server: sent.record.revision });
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
   * (409) it is kept aside, as a conflict, for the user to choose (a caller that is waiting also gets
   * the error; `handed`: the last revision handed back to it). A draft under a provisional id is first
   * numbered by the server, then sent under that number.
   */
  private async send(entry: OutboxEntry, handed = entry.local): Promise<Sent> {
    const outbox = this.outbox;
    let r: { status: number; body: unknown };
    try {
      if (isProvisionalDraftId(entry.id) && !entry.allotted) {
        // Kept with the entry before sending: a retry after a lost answer reuses the number.
        entry = { ...entry, allotted: draftIdOf(await this.host.sequence()) };
        await outbox.put(entry);
      }
      r = await this.host.put({ ...entry.record, id: entry.allotted ?? entry.id });
    } catch (e) {
      this.host.emit(entry.id, 'pending', e instanceof HttpError && e.status !== 0 ? e.message : PENDING_NETWORK);
      return { kind: 'pending', reason: PENDING_NETWORK };
    }
    if (r.status === 409) {
      // A send whose answer was lost is on the server already: its retry meets its own write. Nothing differs: no conflict.
      const theirs = await this.host.get(entry.allotted ?? entry.id).catch(() => undefined);
      if (theirs?.status === 200 && sameJson((theirs.body as DossierRecord).data, entry.record.data)) r = theirs;
    }
    if (r.status === 200) {
      const record = r.body as DossierRecord;
      this.host.known.set(record.id, record);
      await outbox.delete(entry.id);
      if (record.id !== entry.id) this.renamed.set(entry.id, record.id);
      this.host.emit(entry.id, 'saved', undefined, record.id !== entry.id ? record.id : undefined);
      return { kind: 'saved', record };
    }
    if (r.status === 409) {
      const b = r.body as { expected?: number; actual?: number };
      await outbox.put({ ...entry, conflict: { actual: b.actual ?? -1, handed } });
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

/** Equality of JSON values (the key order of objects aside). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const bo = b as Record<string, unknown>;
  return ka.length === Object.keys(bo).length && ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameJson((a as Record<string, unknown>)[k], bo[k]));
}
