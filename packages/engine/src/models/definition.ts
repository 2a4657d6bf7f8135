import type { Expr } from './expression.js';

export type Role = 'adherent' | 'prestataire' | 'gestionnaire';
export type Severity = 'error' | 'warning';
export type Phase = 'saisie' | 'page' | 'transmission';

/** A JSON Schema document (draft 2020-12 subset used by ajv). */
export interface JsonSchema {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  examples?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  maxLength?: number;
  maxItems?: number;
  'x-codeList'?: string;
  [keyword: string]: unknown;
}

export interface CodeListEntry {
  code: string;
  label: string;
}

export interface CodeList {
  id: string;
  label: string;
  source?: string;
  /** In a dispositif's lists/: replaces the common list of the same id for this dispositif. */
  overrides?: true;
  entries: CodeListEntry[];
}

export interface Link {
  label: string;
  href: string;
}

export interface SousDispositif {
  code: string;
  label: string;
  /** Not yet built: listed so hosts can show it, but no definition drives it. */
  disabled?: boolean;
}

/** schemas/<id>/dispositif.json */
export interface DispositifIdentity {
  id: string;
  /** The definition's version (x.y.z): drafts record it, migrations/ upgrade drafts across versions. */
  version?: string;
  code: string;
  label: string;
  title?: string;
  /** What the lists' Formation column shows while no training is entered ("Nouvelle demande de contrat de professionnalisation"). */
  nouvelleDemande?: string;
  family?: string;
  /** Two letters used in dossier numbers (2512CP000100). */
  numberCode: string;
  sousDispositifs: SousDispositif[];
  publics: string[];
  roles: Role[];
  introduction: { text: string[]; links: Link[] };
  /** Pointers the dossier lists show (columns Formation, Début, Fin, Entreprise, Stagiaire(s)). */
  summary?: {
    formation?: string;
    debut?: string;
    fin?: string;
    entreprise?: string;
    stagiaires?: string;
    /** A Oui/Non field: paiement direct par l'OPCO à l'organisme (subrogation). */
    subrogation?: string;
    /** SIRET(s) of the training providers concerned (may use `*`). */
    organismes?: string;
  };
  /** Reference data copied into read-only fields: reference kind → (data pointer → reference property). */
  references?: Record<string, Record<string, string>>;
}

export interface FieldSpec {
  /** Data pointer; `*` for each item of a repeatable section. */
  field: string;
  widget?: string;
  /** true, or a condition (may use `{ "role": true }`). */
  required?: boolean | Expr;
  visibleWhen?: Expr;
  readOnly?: boolean;
  /** Reference kind that fills this read-only field (see DispositifIdentity.references). */
  source?: string;
  roles?: Role[];
  /** Host autocomplete provider name (etablissement, organisme, rncp, tuteur...). */
  autocomplete?: string;
  placeholder?: string;
  computed?: boolean;
}

export interface SectionSpec {
  id: string;
  title?: string;
  help?: string;
  repeat?: string;
  min?: number;
  max?: number;
  addLabel?: string;
  itemTitle?: string;
  /** Pointer inside an item naming its provider's SIRET: a provider sees only its own items (AF modules). */
  ownedBy?: string;
  visibleWhen?: Expr;
  roles?: Role[];
  fields: FieldSpec[];
}

export interface TabSpec {
  id: string;
  title: string;
  kind?: 'introduction' | 'form' | 'synthese' | 'documents';
  visibleWhen?: Expr;
  roles?: Role[];
  sections: SectionSpec[];
}

/** schemas/<id>/layout.json */
export interface Layout {
  tabs: TabSpec[];
}

export interface RuleSample {
  /** A partial dossier; `$today` (ISO date) sets "today" for rules that read it. */
  [key: string]: unknown;
}

export interface RuleSpec {
  id: string;
  severity: Severity;
  message: string;
  description?: string;
  /** Fields under which the message shows (first one decides the tab). */
  at: string[];
  /** Evaluate per item of this array; `*` right after it in pointers is bound to the item. */
  forEach?: string;
  when?: Expr;
  assert: Expr;
  phase?: Phase;
  /**
   * For an `includesAll` assert: the label of each expected value. In the message, `{manquants}` names
   * the values missing and `{presents}` counts those present ("1/3 … : il manque Convention, Programme.").
   */
  labels?: Record<string, string>;
  samples: { fail: RuleSample[]; pass: RuleSample[] };
}

export interface AsyncCheckSpec {
  id: string;
  severity: Severity;
  message: string;
  description?: string;
  at: string[];
  /** Name of the host provider (see CheckProviders). */
  provider: string;
  /** Provider input: name → data pointer. Run only when all are filled. */
  input: Record<string, string>;
  /** A Oui/Non field set to true when the check fails and false when it passes (e.g. /formation/rncpInactif). */
  flag?: string;
  phase?: Phase;
}

export interface ComputedSpec {
  field: string;
  expr: Expr;
  description?: string;
}

/** schemas/<id>/rules.json */
export interface RulesFile {
  rules: RuleSpec[];
  asyncChecks?: AsyncCheckSpec[];
  computed?: ComputedSpec[];
}

export interface DocumentType {
  code: string;
  label: string;
  required?: boolean;
  /** An optional type ("Autre") the user may take off the list. */
  removable?: boolean;
  help?: string;
}

/** schemas/<id>/documents.json */
export interface DocumentsSpec {
  limits: { maxSizeMo: number; formats: string[]; maxFiles: number };
  types: DocumentType[];
  /** Types that can still be added once the dossier is sent ("Déposer un document"). */
  afterTransmission?: DocumentType[];
}

/**
 * One step of a migration (schemas/<id>/migrations/*.json). Pointers may use `*` for each item of a list.
 * `rename` keeps the field under the same parent with another name; `move` takes it anywhere else.
 */
export type MigrationStep =
  | { rename: string; to: string }
  | { move: string; to: string }
  | { drop: string; label?: string }
  | { recode: string; values: Record<string, string> }
  | { default: string; value: unknown };

/** schemas/<id>/migrations/<from>-<to>.json: upgrades a draft saved under `from` to `to`. */
export interface MigrationFile {
  from: string;
  to: string;
  description?: string;
  steps: MigrationStep[];
}

/** Everything the runtime needs about a dispositif, as plain JSON (no code). */
export interface DispositifDefinition {
  identity: DispositifIdentity;
  /** The dossier schema with common definitions inlined under $defs and code lists expanded. */
  schema: JsonSchema;
  layout: Layout;
  rules: RuleSpec[];
  asyncChecks: AsyncCheckSpec[];
  computed: ComputedSpec[];
  lists: Record<string, CodeList>;
  documents?: DocumentsSpec | undefined;
  /** How drafts saved under earlier versions are upgraded (migrations/ folder). */
  migrations?: MigrationFile[];
  /** Other files of the folder (machine, documents, cerfa…), kept as data for the engine's other parts. */
  extras: Record<string, unknown>;
}
