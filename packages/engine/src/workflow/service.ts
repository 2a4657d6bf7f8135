/**
 * The workflow over a store: creates, saves, hands over, transmits, duplicates and deletes requests
 * as the lifecycle machine allows, for a given viewer. The same code runs in a browser (IndexedDB
 * store) and on a host back end (which thereby re-validates everything a browser sends).
 */
import type { Role } from '../models/definition.js';
import type { ValidationResult } from '../models/result.js';
import { DOCUMENT_FILES } from '../definition/pointers.js';
import { getAll, getAt } from '../pointer/json-pointer.js';
import { createEngine } from '../registry/index.js';
import type { DossierEngine } from '../validation/dossier-engine.js';
import { compareVersions } from '../version.js';
import { DRAFT_SEQUENCE, draftIdOf } from './draft-id.js';
import type { MigrationReport } from './migrate.js';
import { lifecycleFor, type Lifecycle } from './lifecycle.js';
import type { LifecycleContext, LifecycleEvent, Notification } from './machines.js';
import { partyKey } from './store/query.js';
import { NotFoundError, type DossierStore, type SyncingStore, type StorePage, type StoreQuery } from './store/types.js';
import { dossierNumber, summarize, type DossierRecord, type Party, type Viewer } from './records.js';

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly code: 'refused' | 'forbidden' | 'invalid',
    /** With "Saisie Invalide": the validation that refused it (tabs at fault). */
    readonly result?: ValidationResult,
  ) {
    super(message);
  }
}

export interface ServiceOptions {
  engines?: (dispositif: string) => Promise<DossierEngine>;
  now?: () => Date;
  /** Complete a transmission at once (no back office behind the store). Default true. */
  autoTransmit?: boolean;
  onNotification?: (notification: Notification) => void;
}

export interface CreateInput {
  dispositif: string;
  sousDispositif?: string;
  creator: Party;
  adherent: Party;
  prestataire?: Party;
  mandatGestion?: boolean;
  data?: Record<string, unknown>;
}

export interface Outcome {
  record: DossierRecord;
  notifications: Notification[];
}

/** A record as one viewer may see it, with what it may do. */
export interface OpenedRecord {
  record: DossierRecord;
  label: string;
  editable: boolean;
  allowed: string[];
  /** Lifecycle events offered as buttons (Reprendre, Refuser…). */
  buttons: { type: string; label: string }[];
  /** When the draft was saved under an older version of its definition: what the upgrade did. */
  migration?: MigrationReport;
}

const SYSTEM: Viewer = { role: 'gestionnaire', entityId: 'akto' };

/**
 * The role whose fields a viewer sees and fills: a provider under mandat de gestion enters the whole
 * request for the company (guide 004, « saisie complète pour le compte de l'entreprise »), so the
 * company's fields too; anyone else, its own.
 */
export function entryRole(record: Pick<DossierRecord, 'mandatGestion'>, viewer: Pick<Viewer, 'role'>): Role {
  return viewer.role === 'prestataire' && record.mandatGestion ? 'adherent' : viewer.role;
}

export class DossierService {
  private readonly engines: (dispositif: string) => Promise<DossierEngine>;
  private readonly lifecycles = new Map<string, Lifecycle>();
  private readonly now: () => Date;

  constructor(
    readonly store: DossierStore,
    private readonly options: ServiceOptions = {},
  ) {
    this.engines = options.engines ?? createEngine;
    this.now = options.now ?? (() => new Date());
  }

  async engine(dispositif: string): Promise<DossierEngine> {
    return this.engines(dispositif);
  }

  async lifecycle(dispositif: string): Promise<Lifecycle> {
    return lifecycleFor(this.lifecycles, dispositif, this.engines);
  }

  private context(record: DossierRecord): LifecycleContext {
    const email = getAt(record.data, '/employeur/email');
    return {
      creator: record.creator,
      adherent: { ...record.adherent, email: typeof email === 'string' && email ? email : record.adherent.email },
      prestataires: record.prestataires,
      mandatGestion: record.mandatGestion,
      dossier: `n° ${record.numero ?? record.id}`,
    };
  }

  /** Recomputes what lists and access rules read from the data and the state. */
  private derive(record: DossierRecord, engine: DossierEngine, lifecycle: Lifecycle): DossierRecord {
    const pointers = engine.definition.identity.summary ?? {};
    const organismes = pointers.organismes ? getAll(record.data, pointers.organismes).filter((s): s is string => typeof s === 'string' && s !== '') : [];
    const prestataires = [...record.prestataires];
    for (const siret of organismes) if (!prestataires.some((p) => p.entityId === siret)) prestataires.push({ role: 'prestataire', entityId: siret });
    const tags = lifecycle.tags(record.state);
    const kind = tags.includes('masque') ? 'masque' : tags.includes('dossier') ? 'dossier' : 'brouillon';
    const visible = new Set<string>();
    if (kind !== 'masque') {
      visible.add(partyKey(record.creator));
      if (tags.includes('adherent')) visible.add(partyKey(record.adherent));
      if (tags.includes('prestataire')) for (const p of prestataires) visible.add(partyKey(p));
      if (kind === 'dossier') visible.add('gestionnaire');
    }
    return {
      ...record,
      prestataires,
      kind,
      visibleTo: [...visible],
      summary: summarize(engine.definition, record.data),
      subrogation: pointers.subrogation ? getAt(record.data, pointers.subrogation) === true : record.subrogation,
      alerte: engine.validate(record.data).warnings.length > 0,
    };
  }

  private deliver(notifications: Notification[], id: string): Notification[] {
    const out = notifications.map((n) => ({ ...n, id }));
    for (const n of out) this.options.onNotification?.(n);
    return out;
  }

  /**
   * A stored record, upgraded to the engine's definition version when it was saved under an older one:
   * the data is migrated, stamped with the current definition, and the saved data is kept in
   * `previousVersion`, which the next write stores alongside (nothing is lost; the one before it, saved
   * by the user under the intermediate version, is replaced).
   */
  private async load(id: string, viewer: Viewer): Promise<{ record: DossierRecord; engine: DossierEngine; lifecycle: Lifecycle; migration?: MigrationReport }> {
    const stored = await this.store.get(id);
    if (!stored || stored.kind === 'masque') throw new NotFoundError(id);
    if (!stored.visibleTo.includes(partyKey(viewer))) throw new WorkflowError(`Le brouillon n° ${id} n'est visible que par l'entité qui l'a créé.`, 'forbidden');
    const engine = await this.engines(stored.dispositif);
    const lifecycle = await this.lifecycle(stored.dispositif);
    const { migration: relayed, ...record } = stored; // a report relayed by a remote service (HttpStore)
    const saved = record.definition;
    if (!saved || compareVersions(saved.version, engine.stamp.version) >= 0) return { record, engine, lifecycle, ...(relayed ? { migration: relayed } : {}) };
    const { migrateData } = await import('./migrate.js'); // rare: kept out of the pages' entry
    const { data, report } = migrateData(engine, record.data, saved.version);
    const previousVersion = { definition: saved, data: record.data, replacedAt: this.now().toISOString() };
    return { record: { ...record, data, definition: engine.stamp, previousVersion }, engine, lifecycle, migration: report };
  }

  /** "Créer un nouveau dossier" creates a draft at once, numbered, even with nothing entered. */
  async create(input: CreateInput): Promise<Outcome> {
    const engine = await this.engines(input.dispositif);
    const lifecycle = await this.lifecycle(input.dispositif);
    const open = engine.definition.identity.sousDispositifs.filter((s) => !s.disabled);
    if (input.sousDispositif && !open.some((s) => s.code === input.sousDispositif)) {
      throw new WorkflowError(`Le sous-dispositif « ${input.sousDispositif} » n'est pas ouvert pour ce dispositif.`, 'refused');
    }
    const sd = input.sousDispositif ?? open[0]?.code ?? input.dispositif;
    // The number from the store's sequence; when the server does not answer, a store that keeps saves on this
    // device (HttpStore) gives a provisional id, replaced by the server's number on the first send (draft-id.ts).
    const store = this.store as Partial<SyncingStore>;
    const id = await this.store.nextSequence(DRAFT_SEQUENCE).then(draftIdOf, async (e: unknown) => (await store.provisionalId?.(e)) ?? Promise.reject(e));
    const now = this.now().toISOString();
    const prestataires = [input.prestataire, input.creator.role === 'prestataire' ? input.creator : undefined].filter((p): p is Party => !!p);
    const draft: DossierRecord = {
      id,
      dispositif: input.dispositif,
      sousDispositif: sd,
      state: '',
      revision: 0,
      kind: 'brouillon',
      visibleTo: [],
      creator: input.creator,
      adherent: input.adherent,
      prestataires: prestataires.filter((p, i) => prestataires.findIndex((q) => q.entityId === p.entityId) === i),
      mandatGestion: input.mandatGestion ?? false,
      subrogation: false,
      data: engine.compute({ ...(input.data ?? {}), dispositif: input.dispositif, sousDispositif: sd }),
      summary: { stagiaires: [] },
      definition: engine.stamp,
      createdAt: now,
      updatedAt: now,
    };
    const start = lifecycle.start(this.context(draft));
    const record = await this.store.save(this.derive({ ...draft, state: start.state }, engine, lifecycle));
    return { record, notifications: this.deliver(start.notifications, record.id) };
  }

  /** A record as the viewer may see it (fields reserved to other roles removed), and what it may do. */
  async open(id: string, viewer: Viewer): Promise<OpenedRecord> {
    const loaded = await this.load(id, viewer);
    const { engine, lifecycle, migration } = loaded;
    // Input a conflict keeps on this device (HttpStore) opens instead, at its stale revision: nothing is lost
    // by a reload before the choice, and saving it meets the conflict again rather than overwriting.
    const kept = await (this.store as Partial<SyncingStore>).keptAside?.(id);
    const record = kept ? { ...loaded.record, data: kept.data, revision: kept.revision } : loaded.record;
    const ctx = this.context(record);
    const { previousVersion: _kept, ...shown } = record; // the pre-migration data stays with the host
    return {
      ...(migration ? { migration } : {}),
      record: { ...shown, data: engine.viewFor(record.data, viewer.role, viewer.entityId, entryRole(record, viewer)), ...(migration ? { migration } : {}) },
      label: lifecycle.label(record.state, viewer.role),
      editable: lifecycle.refusal(record.state, ctx, { type: 'brouillon.modifier', actor: viewer }) === null,
      allowed: lifecycle.allowed(record.state, ctx, viewer),
      buttons: lifecycle.buttons(record.state, ctx, viewer),
    };
  }

  /**
   * The row actions a list offers for a record (guide 001, « Liste des brouillons »): détail and consulter
   * always; modifier, dupliquer and supprimer only where the workflow allows them.
   */
  async rowActions(record: DossierRecord, viewer: Viewer): Promise<{ detail: boolean; consulter: boolean; modifier: boolean; dupliquer: boolean; supprimer: boolean; label: string }> {
    const lifecycle = await this.lifecycle(record.dispositif);
    const ctx = this.context(record);
    const can = (type: string) => lifecycle.refusal(record.state, ctx, { type, actor: viewer }) === null;
    return {
      detail: true,
      consulter: true,
      modifier: can('brouillon.modifier'),
      dupliquer: lifecycle.hasTag(record.state, 'brouillon'),
      supprimer: can('brouillon.supprimer'),
      label: lifecycle.label(record.state, viewer.role),
    };
  }

  async list(query: StoreQuery, viewer: Viewer): Promise<StorePage> {
    return this.store.list({ ...query, viewer });
  }

  /**
   * Saves a draft: refused when the viewer may not modify it, or when `revision` is no longer the
   * stored one (another tab saved in between). Fields the viewer's role may not fill keep their value.
   */
  async save(id: string, data: Record<string, unknown>, viewer: Viewer, options: { revision: number; tab?: string }): Promise<DossierRecord> {
    const { record, engine, lifecycle } = await this.load(id, viewer);
    const refusal = lifecycle.refusal(record.state, this.context(record), { type: 'brouillon.modifier', actor: viewer });
    if (refusal) throw new WorkflowError(refusal, 'refused');
    const merged = engine.compute(engine.acceptFrom(entryRole(record, viewer), record.data, { ...data, dispositif: record.dispositif }));
    const next = { ...record, data: merged, revision: options.revision, lastTab: options.tab ?? record.lastTab, updatedAt: this.now().toISOString() };
    const sd = merged.sousDispositif;
    if (typeof sd === 'string' && engine.definition.identity.sousDispositifs.some((s) => s.code === sd)) next.sousDispositif = sd;
    return this.store.save(this.derive(next, engine, lifecycle));
  }

  /** Sends a lifecycle event (reprendre, refuser, supprimer, gestion.*...) as the viewer. */
  async act(id: string, type: string, viewer: Viewer, extra: Record<string, unknown> = {}): Promise<Outcome> {
    const { record, engine, lifecycle } = await this.load(id, viewer);
    const { valid: _ignored, ...rest } = extra; // validity is the engine's to say, never the caller's
    const event: LifecycleEvent = { ...rest, type, actor: viewer };
    let result: ValidationResult | undefined;
    if (type === 'brouillon.transmettre' || type === 'brouillon.transmettreAdherent') {
      const role: Role = type === 'brouillon.transmettreAdherent' ? 'prestataire' : 'adherent';
      result = engine.validate(record.data, { role, phase: 'transmission' });
      event.valid = result.valid;
    }
    const outcome = lifecycle.send(record.state, this.context(record), event);
    if (!outcome.ok) throw new WorkflowError(outcome.refusal ?? 'Action refusée.', result && !result.valid ? 'invalid' : 'refused', result);
    let next: DossierRecord = { ...record, state: outcome.state, updatedAt: this.now().toISOString() };
    const notifications = [...outcome.notifications];
    if (lifecycle.hasTag(next.state, 'dossier') && !record.transmittedAt) next.transmittedAt = next.updatedAt;
    if (outcome.numbered && !next.numero) next.numero = await this.number(engine);
    if (next.state === 'enCoursTransmission' && this.options.autoTransmit !== false) {
      const done = lifecycle.send(next.state, this.context(next), { type: 'transmission.reussie', actor: SYSTEM });
      if (done.ok) {
        next = { ...next, state: done.state };
        if (done.numbered && !next.numero) next.numero = await this.number(engine);
        notifications.push(...done.notifications);
      }
    }
    const saved = await this.store.save(this.derive(next, engine, lifecycle));
    // Name the dossier by its number once it has one (it is given in the same step that notifies).
    const dossier = `n° ${saved.numero ?? saved.id}`;
    return { record: saved, notifications: this.deliver(notifications.map((n) => ({ ...n, dossier, text: n.template.replaceAll('{dossier}', dossier) })), saved.id) };
  }

  private async number(engine: DossierEngine): Promise<string> {
    const now = this.now();
    const code = engine.definition.identity.numberCode;
    const prefix = dossierNumber(now, code, 0).slice(0, 6);
    return dossierNumber(now, code, await this.store.nextSequence(`dossier:${prefix}`));
  }

  /** Transmettre: to AKTO, or to the employer for a provider without a mandat de gestion. */
  async transmit(id: string, viewer: Viewer): Promise<Outcome> {
    const record = await this.store.get(id);
    const toEmployer = viewer.role === 'prestataire' && !record?.mandatGestion;
    return this.act(id, toEmployer ? 'brouillon.transmettreAdherent' : 'brouillon.transmettre', viewer);
  }

  /** "Supprimer": only the creator; the draft then leaves every list. */
  async remove(id: string, viewer: Viewer): Promise<Outcome> {
    return this.act(id, 'brouillon.supprimer', viewer);
  }

  /** "Dupliquer": a new draft from the chosen tabs; documents and attestations are not copied. */
  async duplicate(id: string, viewer: Viewer, options: { tabs: string[]; sousDispositif?: string }): Promise<Outcome> {
    const { record, engine, lifecycle } = await this.load(id, viewer);
    const { duplicateData, duplicateRefusal } = await import('./duplicate.js'); // the lists' action: kept out of the wizard's entry
    const refusal = duplicateRefusal(engine, lifecycle.hasTag(record.state, 'brouillon'), options.sousDispositif);
    if (refusal) throw new WorkflowError(refusal, 'refused');
    const data = duplicateData(engine, engine.viewFor(record.data, viewer.role), options.tabs, options.sousDispositif);
    const creator: Party = viewer.role === record.creator.role && viewer.entityId === record.creator.entityId ? record.creator : { role: viewer.role, entityId: viewer.entityId };
    return this.create({
      dispositif: record.dispositif,
      sousDispositif: typeof data.sousDispositif === 'string' ? data.sousDispositif : record.sousDispositif,
      creator,
      adherent: record.adherent,
      prestataire: record.prestataires.find((p) => p.entityId !== creator.entityId),
      mandatGestion: record.mandatGestion,
      data,
    });
  }

  /** "Déposer un document" on a sent dossier (types of documents.json's afterTransmission). */
  async addDocument(id: string, viewer: Viewer, file: { type: string; nom: string; taille: number; format: string; ref?: string }): Promise<Outcome> {
    const { record, engine } = await this.load(id, viewer);
    const types = engine.definition.documents?.afterTransmission ?? [];
    if (!types.some((t) => t.code === file.type)) throw new WorkflowError('Choisissez un type de document proposé.', 'refused');
    const withFile = (stored: Record<string, unknown>) => {
      const docs = (stored.documents ?? {}) as { fichiers?: unknown[] };
      return { ...stored, documents: { ...docs, fichiers: [...(docs.fichiers ?? []), { ...file, depotLe: this.now().toISOString().slice(0, 10) }] } };
    };
    // the limits of documents.json (size, formats, files per type) hold after transmission too
    const refusal = engine.validate(withFile(record.data), { phase: 'saisie' }).errors.find((i) => i.path === DOCUMENT_FILES);
    if (refusal) throw new WorkflowError(refusal.message, 'refused');
    const outcome = await this.act(id, 'document.deposer', viewer, { document: file.type });
    const data = withFile(outcome.record.data);
    const saved = await this.store.save({ ...outcome.record, data: engine.compute(data) });
    return { record: saved, notifications: outcome.notifications };
  }
}
