/** The persistence seam: one interface, three implementations (memory, IndexedDB, HTTP). */
import type { DossierRecord, Viewer } from '../records.js';

export interface StoreQuery {
  /** "brouillons" (drafts) or "dossiers" (sent); both when absent. */
  kind?: 'brouillons' | 'dossiers';
  /** Quick search: number, training title, company, trainee (birth or usage name); "quoted compound names". */
  text?: string;
  dispositifs?: string[];
  states?: string[];
  /** Training period overlapping [from, to] (ISO dates). */
  from?: string;
  to?: string;
  mandatGestion?: boolean;
  subrogation?: boolean;
  /** Only what this viewer may see. */
  viewer?: Viewer;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface StorePage {
  items: DossierRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DossierStore {
  list(query?: StoreQuery): Promise<StorePage>;
  get(id: string): Promise<DossierRecord | undefined>;
  /**
   * Saves a record carrying the revision it was read at (0 for a new one) and returns it with the
   * next revision. A record whose revision is no longer the stored one is refused (StaleRevisionError).
   */
  save(record: DossierRecord): Promise<DossierRecord>;
  delete(id: string): Promise<void>;
  /** Next value of a named sequence (draft numbers, dossier numbers per month and dispositif). */
  nextSequence(name: string): Promise<number>;
  /** Saved searches ("accès rapides") and other per-user preferences. */
  getPreference<T = unknown>(key: string): Promise<T | undefined>;
  setPreference(key: string, value: unknown): Promise<void>;
}

export class StaleRevisionError extends Error {
  readonly code = 'stale';
  constructor(
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `Le brouillon n° ${id} a été enregistré ailleurs entre-temps (dans un autre onglet ou par un autre utilisateur) : ` +
        `votre saisie n'a pas été enregistrée pour ne pas écraser l'autre. Rechargez le brouillon puis reportez vos modifications.`,
    );
  }
}

export class NotFoundError extends Error {
  readonly code = 'not-found';
  constructor(readonly id: string) {
    super(`Brouillon ou dossier n° ${id} introuvable.`);
  }
}

/** Where a draft's last save stands in a store that may hold it back (HttpStore's outbox). */
export type SyncState = 'saved' | 'pending' | 'conflict';

export interface SyncEvent {
  id: string;
  state: SyncState;
  /** Why the save is held back (network down, server error), in French. */
  reason?: string;
  /** A draft first saved under a provisional id (see draft-id.ts) now has the server's number: its new id. */
  renamed?: string;
}

/** A store whose saves may wait on this device before reaching the server (see HttpStore). */
export interface SyncingStore extends DossierStore {
  /** Listens to the sync state of every draft; returns the unsubscribe function. */
  onSync(listener: (e: SyncEvent) => void): () => void;
  /** The sync state of a draft saved through this store (undefined: never saved here). */
  syncState(id: string): SyncState | undefined;
  /** Forgets a held-back save (the user chose the server's version, or kept theirs as a copy). */
  discardPending(id: string): Promise<void>;
  /** The input a conflict keeps on this device until the user chooses, at the revision it was refused at. */
  keptAside?(id: string): Promise<DossierRecord | undefined>;
  /** An id for a new draft when `error` says the server did not answer (undefined: the error stands). */
  provisionalId?(error: unknown): Promise<string | undefined>;
}

export const isSyncingStore = (s: DossierStore | undefined): s is SyncingStore => !!s && typeof (s as Partial<SyncingStore>).onSync === 'function';
