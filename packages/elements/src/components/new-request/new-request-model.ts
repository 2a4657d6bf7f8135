/**
 * Pure helpers of `<akto-new-request>`: cleaning the host's rattachements, searching them, which steps
 * apply, which dispositifs a public and a profile may open, and the reference record copied into the
 * new draft. DOM-free, so they can be tested and reused directly.
 */
import type { DispositifSummary, Role, SousDispositif } from '@akto/engine';

/** Type de public concerné (guide 003): the company's own staff, or temporary workers. */
export type PublicType = 'permanent' | 'interimaire';

export interface AccountAdresse {
  voie?: string;
  complement?: string;
  codePostal?: string;
  commune?: string;
}

/** An establishment (SIRET) the user is attached to. */
export interface AccountEtablissement {
  siret: string;
  raisonSociale: string;
  ville?: string;
  naf?: string;
  idcc?: string;
  conventionCollective?: string;
  adresse?: AccountAdresse;
  email?: string;
}

/** A company (SIREN) the user is attached to ("rattachement"), with its establishments. */
export interface Account {
  siren: string;
  raisonSociale: string;
  /** A temporary-work company: the request then says whether it concerns permanent staff or temps. */
  travailTemporaire?: boolean;
  etablissements: AccountEtablissement[];
}

export type StepId = 'entreprise' | 'etablissement' | 'public' | 'dispositif' | 'sousDispositif' | 'mandat';

/** What the user chose so far. */
export interface Choices {
  siren?: string;
  siret?: string;
  publicType?: PublicType;
  dispositif?: string;
  sousDispositif?: string;
  /** A provider enters the whole request for the company under its mandat de gestion (guide 004). */
  mandatGestion?: boolean;
}

export const PUBLICS: ReadonlyArray<{ code: PublicType; label: string }> = [
  { code: 'permanent', label: 'Permanent' },
  { code: 'interimaire', label: 'Intérimaire' },
];

/**
 * A provider's two ways in (guide 004, FAQ OF): the whole entry for the company under its mandat de
 * gestion (the dossier then goes to AKTO directly), or a pre-entry the company validates.
 */
export const MANDAT_CHOICES: ReadonlyArray<{ value: boolean; label: string; detail: string }> = [
  {
    value: true,
    label: "Saisie complète pour le compte de l'entreprise (dans le cadre du mandat de gestion)",
    detail: "Avec le mandat de gestion, l'entreprise vous délègue la saisie complète, pour son compte : le dossier est transmis à AKTO.",
  },
  {
    value: false,
    label: "Pré-saisie soumise à la validation de l'entreprise",
    detail: "Sans mandat de gestion, vous pré-saisissez la demande et la soumettez à l'entreprise pour validation.",
  },
];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  if (typeof x !== 'string') return undefined;
  const t = x.trim();
  return t ? t : undefined;
}

function cleanAdresse(x: unknown): AccountAdresse | undefined {
  if (!isObject(x)) return undefined;
  const out: AccountAdresse = {};
  for (const key of ['voie', 'complement', 'codePostal', 'commune'] as const) {
    const v = text(x[key]);
    if (v) out[key] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function cleanEtablissement(x: unknown): AccountEtablissement | undefined {
  if (!isObject(x)) return undefined;
  const siret = text(x['siret'])?.replace(/\s+/g, '');
  if (!siret) return undefined;
  const out: AccountEtablissement = { siret, raisonSociale: text(x['raisonSociale']) ?? siret };
  for (const key of ['ville', 'naf', 'idcc', 'conventionCollective', 'email'] as const) {
    const v = text(x[key]);
    if (v) out[key] = v;
  }
  const adresse = cleanAdresse(x['adresse']);
  if (adresse) out.adresse = adresse;
  return out;
}

/**
 * The host's rattachements, made safe: anything that is not an object with a SIREN (or SIRET) is left
 * out, companies without any establishment too; duplicates (same SIREN, same SIRET) are kept once.
 * Never throws.
 */
export function cleanAccounts(input: unknown): Account[] {
  if (!Array.isArray(input)) return [];
  const out: Account[] = [];
  for (const item of input) {
    if (!isObject(item)) continue;
    const seen = new Set<string>();
    const etablissements = (Array.isArray(item['etablissements']) ? item['etablissements'] : [])
      .map(cleanEtablissement)
      .filter((e): e is AccountEtablissement => !!e && !seen.has(e.siret) && !!seen.add(e.siret));
    if (!etablissements.length) continue;
    const siren = text(item['siren'])?.replace(/\s+/g, '') ?? etablissements[0]!.siret.slice(0, 9);
    if (out.some((a) => a.siren === siren)) continue;
    out.push({
      siren,
      raisonSociale: text(item['raisonSociale']) ?? etablissements[0]!.raisonSociale,
      travailTemporaire: item['travailTemporaire'] === true,
      etablissements,
    });
  }
  return out;
}

/** Lower case, accents and extra spaces removed ("Établissement" → "etablissement"). */
export function normalize(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function matches(query: string, numbers: string[], words: string[]): boolean {
  const q = normalize(query);
  if (!q) return true;
  const digits = q.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) return numbers.some((n) => n.includes(digits));
  const haystack = normalize(words.join(' '));
  return q.split(' ').every((token) => haystack.includes(token));
}

/** « Siren, siret ou dénomination... » for a company: its SIREN, its name, its establishments' SIRET and names. */
export function matchesAccount(account: Account, query: string): boolean {
  return matches(
    query,
    [account.siren, ...account.etablissements.map((e) => e.siret)],
    [account.raisonSociale, ...account.etablissements.map((e) => `${e.raisonSociale} ${e.ville ?? ''}`)],
  );
}

/** « Siren, siret ou dénomination... » for an establishment: its SIRET (its SIREN is a prefix), name and town. */
export function matchesEtablissement(etablissement: AccountEtablissement, query: string): boolean {
  return matches(query, [etablissement.siret], [etablissement.raisonSociale, etablissement.ville ?? '', etablissement.adresse?.commune ?? '']);
}

/** "401015938" → "401 015 938", "40101593800038" → "401 015 938 00038"; anything else unchanged. */
export function formatSiren(value: string): string {
  if (/^\d{9}$/.test(value)) return value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
  if (/^\d{14}$/.test(value)) return value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
  return value;
}

/** The dispositifs a public and a profile may open (its `publics` and its `roles`). */
export function availableDispositifs(list: readonly DispositifSummary[], publicType: PublicType, profile: Role): DispositifSummary[] {
  return list.filter((d) => Array.isArray(d.publics) && d.publics.includes(publicType) && Array.isArray(d.roles) && d.roles.includes(profile));
}

/**
 * The sub-dispositifs offered: the open ones only (guide 003, « Les sous-dispositifs présentés sont
 * ceux ouverts »); a `disabled` one has no definition behind it and the service would refuse it.
 */
export function openSousDispositifs(summary: DispositifSummary | undefined): SousDispositif[] {
  return Array.isArray(summary?.sousDispositifs) ? summary.sousDispositifs.filter((s) => isObject(s) && typeof s.code === 'string' && !s.disabled) : [];
}

/**
 * The card name of a dispositif as the guide shows it: its family when it has one (« FPE »), else its
 * label without a trailing abbreviation (« Reconversion ou promotion par alternance (Pro-A) » →
 * « Reconversion ou promotion par alternance »).
 */
export function cardLabel(summary: DispositifSummary): string {
  // dispositif.json's `family` (guide 003: the CAR is reached through the « FPE » card)
  const family = (summary as DispositifSummary & { family?: unknown }).family;
  if (typeof family === 'string' && family.trim()) return family.trim();
  return String(summary.label ?? summary.id).replace(/\s*\([^()]*\)\s*$/, '') || summary.id;
}

/** The company chosen, or the only one. */
export function chosenAccount(accounts: readonly Account[], choices: Choices): Account | undefined {
  return accounts.length === 1 ? accounts[0] : accounts.find((a) => a.siren === choices.siren);
}

/** The establishment chosen, or the company's only one. */
export function chosenEtablissement(account: Account | undefined, choices: Choices): AccountEtablissement | undefined {
  if (!account) return undefined;
  return account.etablissements.length === 1 ? account.etablissements[0] : account.etablissements.find((e) => e.siret === choices.siret);
}

/** The public: asked for a temporary-work company, « permanent » otherwise. */
export function chosenPublic(account: Account | undefined, choices: Choices): PublicType | undefined {
  if (account && !account.travailTemporaire) return 'permanent';
  return choices.publicType;
}

/**
 * The steps that apply to what is chosen so far, in order (guide 003): the company only with several
 * SIREN, the establishment only with several SIRET, the public only for a temporary-work company, the
 * dispositif always, the sub-dispositif only when more than one is open, then for a provider the mandat
 * de gestion (guide 004). A step that depends on a choice not made yet is kept.
 */
export function stepsFor(accounts: readonly Account[], dispositifs: readonly DispositifSummary[], choices: Choices, profile: Role = 'adherent'): StepId[] {
  const steps: StepId[] = [];
  if (accounts.length > 1) steps.push('entreprise');
  const account = chosenAccount(accounts, choices);
  if (!account || account.etablissements.length > 1) steps.push('etablissement');
  if (!account || account.travailTemporaire) steps.push('public');
  steps.push('dispositif');
  const summary = dispositifs.find((d) => d.id === choices.dispositif);
  if (!summary || openSousDispositifs(summary).length > 1) steps.push('sousDispositif');
  if (profile === 'prestataire') steps.push('mandat');
  return steps;
}

/**
 * The établissement as a reference record, with the keys of dispositif.json's `references.etablissement`
 * (raisonSociale, siret, naf, idcc, conventionCollective, typePublic, voie, complement, codePostal, commune).
 */
export function referenceRecord(etablissement: AccountEtablissement, publicType: PublicType): Record<string, unknown> {
  return {
    raisonSociale: etablissement.raisonSociale,
    siret: etablissement.siret,
    naf: etablissement.naf,
    idcc: etablissement.idcc,
    conventionCollective: etablissement.conventionCollective,
    typePublic: publicType,
    voie: etablissement.adresse?.voie,
    complement: etablissement.adresse?.complement,
    codePostal: etablissement.adresse?.codePostal,
    commune: etablissement.adresse?.commune ?? etablissement.ville,
  };
}
