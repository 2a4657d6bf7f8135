/** The list's data shapes (rows, filters, saved searches, dialogs), constants and small pure helpers. */
import type { DossierRecord, StoreQuery } from '@akto/engine';
import { isoToFrench } from '../../internal/display.js';

export type ListKind = 'brouillons' | 'dossiers';
export type RowButton = 'detail' | 'consulter' | 'modifier' | 'dupliquer' | 'supprimer';
export type RowActions = Record<RowButton, boolean> & { label: string };

/** The filters of the quick and advanced search (Oui/Non lists hold the chosen booleans). */
export interface ListFilters {
  text: string;
  dispositifs: string[];
  states: string[];
  from: string;
  to: string;
  mandatGestion: boolean[];
  subrogation: boolean[];
}

/** A saved search (« accès rapide »), as kept in the store's preferences under `acces-rapides`. */
export interface SavedSearch {
  nom: string;
  query: Pick<StoreQuery, 'kind' | 'text' | 'dispositifs' | 'states' | 'from' | 'to' | 'mandatGestion' | 'subrogation'>;
}

export interface Row {
  record: DossierRecord;
  actions: RowActions;
  number: string;
  code: string;
  sousLabel: string;
  /** The Formation column: the training entered, else the dispositif's « Nouvelle demande de … ». */
  formation: string;
  trainees: string[];
}

export interface Option {
  value: string;
  label: string;
}

export type Dialog =
  | { kind: 'delete'; row: Row; busy: boolean }
  | { kind: 'duplicate'; row: Row; tabs: Option[]; chosen: Set<string>; sousDispositifs: Option[]; sous: string; busy: boolean }
  | { kind: 'save'; name: string; error: string };

export type Message = { kind: 'ok' | 'failure'; text: string } | null;
export type Extras = { states: Option[]; saved: unknown[] };

export const PREFERENCE_KEY = 'acces-rapides';
/** Width under which rows show as cards (keep in step with the container query of the styles). */
export const CARDS_BELOW = 640;
export const PAGE_SIZES = [20, 50];
export const NEVER_DUPLICATED = new Set(['introduction', 'synthese', 'documents']);
export const EMPTY: ListFilters = { text: '', dispositifs: [], states: [], from: '', to: '', mandatGestion: [], subrogation: [] };
export const YES_NO: Option[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];

export const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
export const frenchDate = (iso?: string) => (iso ? isoToFrench(iso) : '-');
export const isRecordLike = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Reads one saved search from the preferences, or undefined when it is not one (kept, never shown). */
export function asSavedSearch(value: unknown): SavedSearch | undefined {
  if (!isRecordLike(value) || typeof value.nom !== 'string' || !isRecordLike(value.query)) return undefined;
  const q = value.query;
  return {
    nom: value.nom,
    query: {
      kind: q.kind === 'brouillons' || q.kind === 'dossiers' ? q.kind : undefined,
      text: typeof q.text === 'string' ? q.text : undefined,
      dispositifs: strings(q.dispositifs),
      states: strings(q.states),
      from: typeof q.from === 'string' ? q.from : undefined,
      to: typeof q.to === 'string' ? q.to : undefined,
      mandatGestion: typeof q.mandatGestion === 'boolean' ? q.mandatGestion : undefined,
      subrogation: typeof q.subrogation === 'boolean' ? q.subrogation : undefined,
    },
  };
}
