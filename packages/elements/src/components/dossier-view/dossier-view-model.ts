/**
 * Pure helpers of `<akto-dossier-view>`: what the dossier card shows, read from a record and its
 * dispositif's definition (formation or modules, financing with its detail, documents with their
 * conformity). DOM-free, so they can be tested and reused directly. Nothing here names a dispositif:
 * everything comes from dispositif.json's `summary` pointers, the schema's code lists and documents.json.
 */
import { getAt, schemaAt, type DispositifDefinition, type DocumentType, type DossierRecord, type Trainee } from '@akto/engine';

/**
 * What AKTO's back office tells about the financing once it has processed the dossier, carried on the
 * record as `suiviFinancier` (optional; the host or its back end sets it, this element only reads it).
 * Missing amounts count as 0: a dossier not yet processed shows « Accordé 0,00 € », « Réglé 0,00 € ».
 */
export interface FinancialFollowUp {
  /** Total granted, € HT. Default: the sum of `lignes[].accorde`, else 0. */
  accorde?: number;
  /** Total already paid, € HT. Default: the sum of `lignes[].regle`, else 0. */
  regle?: number;
  /**
   * Per cost line, matched by `nature` and (AF) `module`: the nature is the AF line's `nature` code
   * (montant-cp, repas...), or for the other dispositifs the financement field (coutsPedagogiques,
   * hebergementMontant, repasMontant, transportMontant, gardeMontant) or the « autres frais » type code.
   */
  lignes?: { nature: string; module?: number; accorde?: number; regle?: number }[];
}

/** A record as the view reads it: `suiviFinancier` is optional (see {@link FinancialFollowUp}). */
export type ViewedRecord = DossierRecord & { suiviFinancier?: FinancialFollowUp };

export interface FormationItem {
  intitule?: string;
  organisme?: string;
  heures?: number;
  debut?: string;
  fin?: string;
}

export interface Formation {
  /** AF lists modules (« Modules (2) »); the other dispositifs have one formation. */
  kind: 'modules' | 'formation';
  items: FormationItem[];
}

export interface CostLine {
  nature: string;
  label: string;
  module?: number;
  demande: number;
  accorde: number;
  regle: number;
  solde: number;
}

export interface CostGroup {
  /** « Module du 02/03/2026 au 03/03/2026 » (AF), none otherwise. */
  title?: string;
  /** « ORGANISME / INTITULÉ » (AF). */
  subtitle?: string;
  lines: CostLine[];
}

export interface Financing {
  demande: number;
  accorde: number;
  regle: number;
  solde: number;
  /** Number of cost lines (« Financements (5) »). */
  count: number;
  groups: CostGroup[];
}

export interface DocumentRow {
  type: string;
  nature: string;
  nom: string;
  /** « CONFORME », « NON CONFORME », « En attente »... */
  conformite: string;
  conforme: boolean;
  depotLe?: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const hours = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** French money: « 25 371,00 € » (narrow no-break spaces as Intl writes them). Non-numbers count as 0. */
export function formatMoney(n: unknown): string {
  return money.format(num(n) ?? 0);
}

/** « 28h », « 7,5h »; "" when not a number. */
export function formatHours(n: unknown): string {
  const v = num(n);
  return v === undefined ? '' : `${hours.format(v)}h`;
}

/**
 * JJ/MM/AAAA from an ISO date (« 2025-07-30 ») or timestamp (« 2025-07-30T08:00:00.000Z », read in local
 * time); "" when it is neither.
 */
export function formatDay(value: unknown): string {
  if (typeof value !== 'string') return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** « Du 30/09/2025 au 30/09/2025 », « À partir du … », « Jusqu'au … », or "". */
export function periodText(debut?: string, fin?: string): string {
  const d = formatDay(debut);
  const f = formatDay(fin);
  if (d && f) return `Du ${d} au ${f}`;
  if (d) return `À partir du ${d}`;
  if (f) return `Jusqu'au ${f}`;
  return '';
}

/** The avatar letters of a trainee: first name then name (« AB » for Alain BODET). */
export function initials(t: Trainee): string {
  const first = [...(t.prenoms ?? '').trim()][0] ?? '';
  const last = [...(t.nomUsage || t.nomNaissance || '').trim()][0] ?? '';
  return (first + last).toUpperCase();
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function formationItem(x: Record<string, unknown>): FormationItem {
  const organisme = x['organisme'];
  return {
    intitule: str(x['intitule']),
    organisme: isObject(organisme) ? str(organisme['raisonSociale']) : undefined,
    heures: num(x['dureeHeures']),
    debut: str(x['dateDebut']),
    fin: str(x['dateFin']),
  };
}

function hasContent(item: FormationItem): boolean {
  return Object.values(item).some((v) => v !== undefined);
}

/**
 * The training as the card shows it, found through dispositif.json's `summary.formation` pointer: a
 * pointer into an array's first item (`/modules/0/intitule`) means modules, else one formation
 * (`/formation/intitule`). Empty items (a provider's view of another provider's module) are left out.
 */
export function formationOf(definition: DispositifDefinition, data: unknown): Formation {
  const summary = definition.identity.summary ?? {};
  const pointer = summary.formation ?? '/formation/intitule';
  const repeated = /^(.*)\/0\/[^/]+$/.exec(pointer);
  if (repeated) {
    const list = getAt(data, repeated[1]!);
    const items = (Array.isArray(list) ? list : []).filter(isObject).map(formationItem).filter(hasContent);
    return { kind: 'modules', items };
  }
  const node = getAt(data, parentOf(pointer));
  if (!isObject(node)) return { kind: 'formation', items: [] };
  const item = formationItem(node);
  item.debut ??= str(summary.debut ? getAt(data, summary.debut) : undefined);
  item.fin ??= str(summary.fin ? getAt(data, summary.fin) : undefined);
  return { kind: 'formation', items: hasContent(item) ? [item] : [] };
}

/** The label of a code at a data pointer (its schema's x-codeList), or the code itself. */
function codeLabel(definition: DispositifDefinition, pointer: string, code: string): string {
  const list = schemaAt(definition.schema, pointer)?.['x-codeList'];
  const entry = typeof list === 'string' ? definition.lists[list]?.entries.find((e) => e.code === code) : undefined;
  return entry?.label ?? code;
}

/** The fixed amounts of the common financement schema, with the names the detail shows. */
const AMOUNTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'coutsPedagogiques', label: 'Coûts pédagogiques' },
  { key: 'hebergementMontant', label: "Frais d'hébergement" },
  { key: 'repasMontant', label: 'Frais de repas' },
  { key: 'transportMontant', label: 'Frais de transport' },
  { key: 'gardeMontant', label: 'Frais de garde' },
];

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/**
 * Demandé, Accordé, Réglé, Solde and the cost lines by nature (and by module for AF's
 * `/financement/lignes`). Demandé is the dossier's computed `/financement/totalDemande` (else the sum of
 * the lines); Accordé and Réglé come from the record's optional `suiviFinancier` (0 when absent);
 * Solde = Accordé − Réglé (what remains to be paid).
 */
export function financingOf(definition: DispositifDefinition, data: unknown, followUp?: FinancialFollowUp): Financing {
  const financement = getAt(data, '/financement');
  const f = isObject(financement) ? financement : {};
  const known = Array.isArray(followUp?.lignes) ? followUp.lignes.filter(isObject) : [];
  const line = (nature: string, label: string, demande: number, module?: number): CostLine => {
    const match = known.find((l) => l.nature === nature && (module === undefined || l.module === module));
    const accorde = num(match?.accorde) ?? 0;
    const regle = num(match?.regle) ?? 0;
    return { nature, label, ...(module !== undefined ? { module } : {}), demande, accorde, regle, solde: sum([accorde, -regle]) };
  };
  const groups: CostGroup[] = [];
  if (Array.isArray(f['lignes'])) {
    const modules = getAt(data, '/modules');
    const byModule = new Map<number | undefined, CostLine[]>();
    for (const raw of f['lignes']) {
      if (!isObject(raw)) continue;
      const nature = str(raw['nature']) ?? '';
      const amount = num(raw['montant']);
      if (!nature && amount === undefined) continue;
      const module = num(raw['module']);
      const lines = byModule.get(module) ?? [];
      lines.push(line(nature, nature ? codeLabel(definition, '/financement/lignes/0/nature', nature) : 'Coût', amount ?? 0, module));
      byModule.set(module, lines);
    }
    for (const [module, lines] of [...byModule.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))) {
      const raw = module !== undefined && Array.isArray(modules) ? modules[module - 1] : undefined;
      const item = isObject(raw) ? formationItem(raw) : undefined;
      const [debut, fin] = [formatDay(item?.debut), formatDay(item?.fin)];
      const title = module === undefined ? 'Autres coûts' : debut && fin ? `Module du ${debut} au ${fin}` : `Module ${module}`;
      const subtitle = item ? [item.organisme, item.intitule].filter(Boolean).join(' / ') : '';
      groups.push({ title, ...(subtitle ? { subtitle } : {}), lines });
    }
  } else {
    const lines: CostLine[] = [];
    for (const { key, label } of AMOUNTS) {
      const amount = num(f[key]);
      if (amount !== undefined && amount > 0) lines.push(line(key, label, amount));
    }
    if (Array.isArray(f['autresFrais'])) {
      for (const raw of f['autresFrais']) {
        if (!isObject(raw)) continue;
        const amount = num(raw['montant']);
        if (amount === undefined || amount <= 0) continue;
        const type = str(raw['type']) ?? 'autres';
        lines.push(line(type, codeLabel(definition, '/financement/autresFrais/0/type', type), amount));
      }
    }
    if (lines.length) groups.push({ lines });
  }
  const all = groups.flatMap((g) => g.lines);
  const demande = num(f['totalDemande']) ?? sum(all.map((l) => l.demande));
  const accorde = num(followUp?.accorde) ?? sum(all.map((l) => l.accorde));
  const regle = num(followUp?.regle) ?? sum(all.map((l) => l.regle));
  return { demande, accorde, regle, solde: sum([accorde, -regle]), count: all.length, groups };
}

/** « CONFORME » from the back office's `conformite`, « En attente » when it has not said. */
export function conformityOf(value: unknown): { text: string; conforme: boolean } {
  const v = str(value);
  if (!v) return { text: 'En attente', conforme: false };
  const key = v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_]+/g, '-');
  if (key === 'conforme') return { text: 'CONFORME', conforme: true };
  if (key === 'non-conforme') return { text: 'NON CONFORME', conforme: false };
  if (key === 'en-attente') return { text: 'En attente', conforme: false };
  return { text: v, conforme: false };
}

/** The document types known to the dispositif, before and after transmission. */
export function documentTypes(definition: DispositifDefinition): DocumentType[] {
  const spec = definition.documents;
  const list = [...(Array.isArray(spec?.types) ? spec.types : []), ...(Array.isArray(spec?.afterTransmission) ? spec.afterTransmission : [])];
  return list.filter((t) => isObject(t) && typeof t.code === 'string');
}

/** The dossier's `/documents/fichiers`, with their nature (type label) and conformity. */
export function documentRows(definition: DispositifDefinition, data: unknown): DocumentRow[] {
  const files = getAt(data, '/documents/fichiers');
  const types = documentTypes(definition);
  return (Array.isArray(files) ? files : []).filter(isObject).map((file) => {
    const type = str(file['type']) ?? '';
    const { text, conforme } = conformityOf(file['conformite']);
    const depotLe = str(file['depotLe']);
    return {
      type,
      nature: types.find((t) => t.code === type)?.label ?? (type || 'Document'),
      nom: str(file['nom']) ?? '',
      conformite: text,
      conforme,
      ...(depotLe ? { depotLe } : {}),
    };
  });
}
