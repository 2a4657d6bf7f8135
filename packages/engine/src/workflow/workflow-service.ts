/**
 * What the elements (wizard, lists, view, new request) ask of a workflow: the local DossierService over
 * a store, or RemoteDossierService speaking to a host back end's `/api/brouillons`.
 */
import type { DossierEngine } from '../validation/dossier-engine.js';
import type { Lifecycle } from './lifecycle.js';
import type { DossierRecord, Viewer } from './records.js';
import type { CreateInput, OpenedRecord, Outcome } from './service.js';
import type { DossierStore, StorePage, StoreQuery } from './store/types.js';

export interface RowActions {
  detail: boolean;
  consulter: boolean;
  modifier: boolean;
  dupliquer: boolean;
  supprimer: boolean;
  label: string;
}

export interface WorkflowService {
  /** Preferences (columns of a list...) are kept where the drafts are. */
  readonly store: Pick<DossierStore, 'getPreference' | 'setPreference'>;
  engine(dispositif: string): Promise<DossierEngine>;
  lifecycle(dispositif: string): Promise<Lifecycle>;
  create(input: CreateInput): Promise<Outcome>;
  open(id: string, viewer: Viewer): Promise<OpenedRecord>;
  rowActions(record: DossierRecord, viewer: Viewer): Promise<RowActions>;
  list(query: StoreQuery, viewer: Viewer): Promise<StorePage>;
  /** 409 / StaleRevisionError when `revision` is no longer the stored one. */
  save(id: string, data: Record<string, unknown>, viewer: Viewer, options: { revision: number; tab?: string }): Promise<DossierRecord>;
  act(id: string, type: string, viewer: Viewer, extra?: Record<string, unknown>): Promise<Outcome>;
  /** Refused with WorkflowError code "invalid" and the validation result (« Saisie Invalide »). */
  transmit(id: string, viewer: Viewer): Promise<Outcome>;
  remove(id: string, viewer: Viewer): Promise<Outcome>;
  duplicate(id: string, viewer: Viewer, options: { tabs: string[]; sousDispositif?: string }): Promise<Outcome>;
  addDocument(id: string, viewer: Viewer, file: { type: string; nom: string; taille: number; format: string; ref?: string }): Promise<Outcome>;
}
