/** Types shared by the wizard's modules. */
import type { CheckProviders, DossierRecord, Role } from '@akto/engine';

/** A role name as the `role`/`profil` attributes take it. */
export const isRole = (value: unknown): value is Role => value === 'adherent' || value === 'prestataire' || value === 'gestionnaire';

/** A search the host provides to an autocomplete field (établissement, organisme, rncp, tuteur...). */
export type SearchProvider = (query: string) => Promise<{ value: string; label: string; detail?: string; record?: Record<string, unknown> }[]>;

export interface WizardProviders {
  /** Autocomplete sources, by the layout's `autocomplete` name. */
  search?: Record<string, SearchProvider>;
  /** Asynchronous checks (NIR/nom: "Titulaire non trouvé.", RNCP actif...). */
  checks?: CheckProviders;
  /** Stores an uploaded file and returns its reference. */
  upload?: (file: File, type: string) => Promise<string>;
  /** Generates the CERFA for a dossier (when the host does not handle `cerfa-request` itself). */
  cerfa?: (data: unknown, record: DossierRecord | undefined) => Promise<unknown>;
  /** Mails the resume link of a saved draft to the signed-in user: offers « Envoyez-moi le lien par e-mail ». Rejects with a French message. */
  sendResumeLink?: (record: DossierRecord, link: string) => Promise<void>;
}

/** The message shown under the buttons: a confirmation, a refusal of the machine, or a failure. */
export type Status = { kind: 'ok' | 'refusal' | 'failure'; text: string; link?: string; pdf?: string } | null;

/** The message of each field, by data pointer (the first error, else the first warning). */
export type FieldMessages = Map<string, { error?: string; warning?: string }>;
