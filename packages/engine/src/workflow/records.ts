/** What a host stores for each request: the dossier data plus its workflow facts. */
import type { DispositifDefinition, Role } from '../models/definition.js';
import type { DefinitionStamp } from '../registry/artifact.js';
import type { MigrationReport } from './migrate.js';
import { getAt } from '../pointer/json-pointer.js';

/** An entity taking part in a request: the employer (SIRET) or a training provider (SIRET). */
export interface Party {
  role: Role;
  /** SIRET (or SIREN) of the entity; the user's "rattachement". */
  entityId: string;
  name?: string;
  email?: string;
}

/** Who is looking or acting. */
export interface Viewer {
  role: Role;
  entityId: string;
}

export interface Trainee {
  nomNaissance?: string;
  nomUsage?: string;
  prenoms?: string;
}

/** What the lists show and search, extracted from the data when saving. */
export interface RecordSummary {
  formation?: string;
  debut?: string;
  fin?: string;
  entreprise?: string;
  stagiaires: Trainee[];
}

/** A letter AKTO attaches to a dossier (« Documents associés »). */
export interface AssociatedDocument {
  /** accord (de prise en charge), refus, relance, or another kind the back office names. */
  type: string;
  /** File name. */
  nom: string;
  /** Date of the letter (ISO). */
  date: string;
  /** The back office's reference of the file. */
  ref?: string;
  /** Where to download it (http(s) or relative); no link otherwise. */
  url?: string;
}

export interface DossierRecord {
  /** Draft number, given at creation and never changed (10645). */
  id: string;
  /** Dossier number, given at transmission (2512CP000100). */
  numero?: string;
  dispositif: string;
  sousDispositif: string;
  /** Lifecycle state (see schemas/common/machines/lifecycle.json). */
  state: string;
  /** The list it shows in, from the state's tags ("masque": none). */
  kind: 'brouillon' | 'dossier' | 'masque';
  /** Party keys allowed to see it ("adherent:<siret>", "prestataire:<siret>", "gestionnaire"). */
  visibleTo: string[];
  /** Incremented by every save; a save carrying an older revision is refused. */
  revision: number;
  creator: Party;
  adherent: Party;
  /** Training providers concerned (AF: one per module's organisme). */
  prestataires: Party[];
  mandatGestion: boolean;
  subrogation: boolean;
  alerte?: boolean;
  data: Record<string, unknown>;
  summary: RecordSummary;
  createdAt: string;
  updatedAt: string;
  transmittedAt?: string;
  /** Tab the user was on when saving (resume link). */
  lastTab?: string;
  /** The definition (id, version, content hash) the data was last saved under. */
  definition?: DefinitionStamp;
  /**
   * The data as it was before its first save under a newer definition version, so that nothing a
   * migration could not carry over is ever lost. Never shown to a viewer (`open` leaves it out).
   */
  previousVersion?: { definition: DefinitionStamp; data: Record<string, unknown>; replacedAt: string };
  /** Set by `open` on a draft saved under an older version: what the upgrade did (not stored). */
  migration?: MigrationReport;
  /** Where the dossier was entered, as the dossier view shows it (« Origine du dossier »); « Mon espace » when absent. */
  origine?: string;
  /** Letters AKTO attaches to the dossier (accord de prise en charge, refus, relance), written by the back office. */
  documentsAssocies?: AssociatedDocument[];
  /** Written by the back office once instructed: amounts granted and paid (the dossier view shows them). */
  suiviFinancier?: {
    accorde?: number;
    regle?: number;
    lignes?: { nature: string; module?: number; accorde?: number; regle?: number }[];
  };
}

function asTrainees(value: unknown): Trainee[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
  return list
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({
      nomNaissance: typeof t.nomNaissance === 'string' ? t.nomNaissance : undefined,
      nomUsage: typeof t.nomUsage === 'string' ? t.nomUsage : undefined,
      prenoms: typeof t.prenoms === 'string' ? t.prenoms : typeof t.prenom === 'string' ? t.prenom : undefined,
    }))
    .filter((t) => t.nomNaissance || t.nomUsage || t.prenoms);
}

/** The list columns of a dossier, read through the pointers of dispositif.json's `summary`. */
export function summarize(definition: DispositifDefinition, data: unknown): RecordSummary {
  const pointers = definition.identity.summary ?? {};
  const text = (p?: string) => {
    const v = p ? getAt(data, p) : undefined;
    return typeof v === 'string' && v.trim() ? v : undefined;
  };
  return {
    formation: text(pointers.formation),
    debut: text(pointers.debut),
    fin: text(pointers.fin),
    entreprise: text(pointers.entreprise),
    stagiaires: asTrainees(pointers.stagiaires ? getAt(data, pointers.stagiaires) : undefined),
  };
}

/** The name a trainee is shown by: usage name first, else birth name ("MARTINO" rather than "DUPONT"). */
export function traineeLabel(t: Trainee): string {
  return [t.prenoms, t.nomUsage || t.nomNaissance].filter(Boolean).join(' ');
}

/** Dossier number: yy mm, the dispositif's two letters, a 6-digit sequence (2512CP000100). */
export function dossierNumber(date: Date, numberCode: string, sequence: number): string {
  const yy = String(date.getFullYear() % 100).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return `${yy}${mm}${numberCode}${String(sequence).padStart(6, '0')}`;
}
