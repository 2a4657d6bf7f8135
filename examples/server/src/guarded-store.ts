/**
 * The raw store contract as one signed-in viewer may use it (hosts whose browser runs DossierService
 * over HttpStore). Nothing a client writes is taken blindly:
 * - reads show only what the viewer may see, with fields reserved to other roles removed;
 * - a save goes through the workflow (DossierService.save): the lifecycle must allow the viewer to
 *   modify the draft, its data is merged with `engine.acceptFrom(role, stored, incoming)` and what
 *   lists read (kind, visibility, summary) is recomputed; a record whose lifecycle state, dossier
 *   number or parties differ from the stored ones is refused: those change only through the
 *   workflow endpoints (transmettre, reprendre, refuser, supprimer...);
 * - a new record (a draft created in the browser) is rebuilt by the server's own DossierService.create
 *   under the number the client drew, and refused unless it matches;
 * - delete is "Supprimer" (the lifecycle decides; a dossier sent to AKTO is never deleted);
 * - only the draft-number sequence may be drawn; preferences are kept per entity.
 */
import {
  DossierService,
  entryRole,
  expandPointer,
  getAt,
  partyKey,
  StaleRevisionError,
  type DossierEngine,
  type DossierRecord,
  type DossierStore,
  type Party,
  type ServiceOptions,
  type StorePage,
  type StoreQuery,
  type Viewer,
} from '@akto/engine';
import { HttpProblem } from './problems.js';
import type { Identity } from './auth.js';
import type { PgStore } from './pg-store.js';

/** Draft numbers are 10 000 + the "brouillon" sequence (DossierService.create). */
export const FIRST_DRAFT_NUMBER = 10_000;
export const DRAFT_SEQUENCE = 'brouillon';

/** The facts only the workflow changes. */
const FACTS = ['state', 'numero', 'dispositif', 'creator', 'adherent', 'mandatGestion', 'transmittedAt', 'createdAt'] as const;

const partyText = (p: Party | undefined) => JSON.stringify(p ? { role: p.role, entityId: p.entityId, name: p.name ?? null, email: p.email ?? null } : null);

function sameFact(a: DossierRecord, b: DossierRecord, fact: (typeof FACTS)[number]): boolean {
  if (fact === 'creator' || fact === 'adherent') return partyText(a[fact]) === partyText(b[fact]);
  return (a[fact] ?? null) === (b[fact] ?? null);
}

const shortText = (v: unknown) => (typeof v === 'string' && v.length <= 60 ? v : undefined);

/** Only the fields of a party, as strings (nothing else a client adds is stored). */
function cleanParty(p: Party): Party {
  const text = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);
  return { role: p.role, entityId: p.entityId, name: text(p.name), email: text(p.email) };
}

export const SOUS_DISPOSITIF_FERME = 'Ce sous-dispositif n’est pas ouvert pour ce dispositif.';

/** Whether a sub-dispositif code is one of the dispositif's open ones (DossierService.create does not check it). */
export function opensSousDispositif(engine: DossierEngine, code: string): boolean {
  return engine.definition.identity.sousDispositifs.some((s) => s.code === code && !s.disabled);
}

/**
 * A provider acts for the employer (mandat de gestion) only when its signed identity lists that employer;
 * an employer may grant it when it creates the request.
 */
export function mandatGestion(viewer: Identity, adherent: Party | undefined, requested: boolean): boolean {
  if (!requested) return false;
  if (viewer.role === 'prestataire' && !(adherent && viewer.mandats.includes(adherent.entityId))) {
    throw new HttpProblem(403, 'Vous ne détenez pas de mandat de gestion pour cet employeur : transmettez la demande à l’adhérent.');
  }
  return true;
}

export const closedTo = (label: string) => `Le dispositif ${label} n’est pas ouvert à votre profil.`;

export function factsMessage(id: string): string {
  return (
    `Le brouillon n° ${id} ne peut pas être enregistré ainsi : son état, son numéro de dossier et ses parties (créateur, adhérent, prestataires, mandat de gestion) ` +
    `ne changent que par les actions du brouillon (Transmettre, Reprendre, Refuser, Supprimer).`
  );
}

/** A store that hands out one pinned draft number and checks the record before it is written. */
class PinnedStore implements DossierStore {
  constructor(
    private readonly base: DossierStore,
    private readonly draftSequence: number,
    private readonly check: (record: DossierRecord) => void,
  ) {}
  list(query?: StoreQuery) {
    return this.base.list(query);
  }
  get(id: string) {
    return this.base.get(id);
  }
  save(record: DossierRecord) {
    this.check(record);
    return this.base.save(record);
  }
  delete(id: string) {
    return this.base.delete(id);
  }
  async nextSequence(name: string) {
    return name === DRAFT_SEQUENCE ? this.draftSequence : this.base.nextSequence(name);
  }
  getPreference<T = unknown>(key: string) {
    return this.base.getPreference<T>(key);
  }
  setPreference(key: string, value: unknown) {
    return this.base.setPreference(key, value);
  }
}

export class GuardedStore implements DossierStore {
  constructor(
    private readonly service: DossierService,
    private readonly base: PgStore,
    private readonly viewer: Identity,
    private readonly serviceOptions: ServiceOptions,
  ) {}

  /** The record as this viewer may read it. */
  private async view(record: DossierRecord): Promise<DossierRecord> {
    const engine = await this.service.engine(record.dispositif);
    return { ...record, data: engine.viewFor(record.data, this.viewer.role, this.viewer.entityId, entryRole(record, this.viewer)) };
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    const page = await this.service.list(query, this.viewer); // the viewer is the signed-in one, whatever the query says
    return { ...page, items: await Promise.all(page.items.map((r) => this.view(r))) };
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const { record } = await this.service.open(id, this.viewer); // 404 unknown or deleted, 403 another entity's
    return record;
  }

  async save(incoming: DossierRecord): Promise<DossierRecord> {
    if (typeof incoming.data !== 'object' || incoming.data === null || Array.isArray(incoming.data)) throw new HttpProblem(400, 'Brouillon mal formé.');
    if (incoming.prestataires !== undefined && !Array.isArray(incoming.prestataires)) throw new HttpProblem(400, 'Brouillon mal formé.');
    const stored = await this.base.get(incoming.id);
    if (!stored) return this.create(incoming);
    await this.service.open(stored.id, this.viewer); // visibility first: 403 before saying anything about the record
    const changed: string[] = FACTS.filter((f) => !sameFact(stored, incoming, f));
    if (!(await this.samePrestataires(stored, incoming))) changed.push('prestataires');
    if (changed.length) throw new HttpProblem(400, factsMessage(stored.id), { changed });
    const saved = await this.service.save(stored.id, incoming.data, this.viewer, { revision: incoming.revision, tab: shortText(incoming.lastTab) });
    return this.view(saved);
  }

  /**
   * The client's list may only add the training organisations its data names (the service adds
   * them as it saves); it may not drop a provider nor add anyone else.
   */
  private async samePrestataires(stored: DossierRecord, incoming: DossierRecord): Promise<boolean> {
    const sent = Array.isArray(incoming.prestataires) ? incoming.prestataires : [];
    const known = new Set(stored.prestataires.map((p) => p.entityId));
    if (stored.prestataires.some((p) => !sent.some((q) => q?.entityId === p.entityId && q.role === p.role))) return false;
    const engine = await this.service.engine(stored.dispositif);
    const pattern = engine.definition.identity.summary?.organismes;
    const named = new Set(pattern ? expandPointer(incoming.data, pattern).map((p) => getAt(incoming.data, p)) : []);
    return sent.every((p) => known.has(p?.entityId) || (p?.role === 'prestataire' && named.has(p.entityId)));
  }

  /** A draft created in the browser: rebuilt by the server under the number the client drew. */
  private async create(incoming: DossierRecord): Promise<DossierRecord> {
    const sequence = /^\d{1,12}$/.test(incoming.id) ? Number(incoming.id) - FIRST_DRAFT_NUMBER : 0;
    if (sequence < 1 || sequence > (await this.base.currentSequence(DRAFT_SEQUENCE))) {
      throw new HttpProblem(400, `Le numéro de brouillon ${incoming.id} n'a pas été attribué : créez le brouillon avec « Créer un nouveau dossier ».`);
    }
    if (incoming.revision !== 0) throw new StaleRevisionError(incoming.id, incoming.revision, 0);
    const { role, entityId } = this.viewer;
    if (incoming.creator?.role !== role || incoming.creator.entityId !== entityId || (role === 'adherent' && incoming.adherent?.entityId !== entityId)) {
      throw new HttpProblem(403, 'Vous ne pouvez créer un brouillon qu’au nom de votre entité.');
    }
    if (role === 'gestionnaire') throw new HttpProblem(403, 'Seuls un adhérent ou un organisme de formation peuvent créer une demande.');
    if (incoming.adherent?.role !== 'adherent' || typeof incoming.adherent.entityId !== 'string') throw new HttpProblem(400, 'Choisissez l’employeur (adhérent) de la demande.');
    const engine = await this.service.engine(String(incoming.dispositif));
    if (!engine.definition.identity.roles.includes(role)) throw new HttpProblem(403, closedTo(engine.definition.identity.label));
    const sousDispositif = shortText(incoming.sousDispositif);
    if (sousDispositif && !opensSousDispositif(engine, sousDispositif)) throw new HttpProblem(400, SOUS_DISPOSITIF_FERME);
    const check = (built: DossierRecord) => {
      const facts = ['state', 'numero', 'dispositif', 'sousDispositif', 'mandatGestion', 'transmittedAt'] as const;
      const changed: string[] = facts.filter((f) => (built[f] ?? null) !== (incoming[f] ?? null));
      const ids = (r: DossierRecord) => JSON.stringify((r.prestataires ?? []).map((p) => `${p?.role}:${p?.entityId}`).sort());
      // (incoming.prestataires is an array or undefined: checked in save)
      if (ids(built) !== ids(incoming)) changed.push('prestataires');
      if (changed.length) throw new HttpProblem(400, factsMessage(incoming.id), { changed });
    };
    const pinned = new DossierService(new PinnedStore(this.base, sequence, check), this.serviceOptions);
    const prestataire = incoming.prestataires?.find((p) => p?.role === 'prestataire' && typeof p.entityId === 'string' && p.entityId !== entityId);
    const { record } = await pinned.create({
      dispositif: String(incoming.dispositif),
      sousDispositif,
      creator: cleanParty(incoming.creator),
      adherent: cleanParty(incoming.adherent),
      prestataire: prestataire && cleanParty(prestataire),
      mandatGestion: mandatGestion(this.viewer, cleanParty(incoming.adherent), incoming.mandatGestion === true),
      data: engine.acceptFrom(role, {}, typeof incoming.data === 'object' && incoming.data !== null ? incoming.data : {}),
    });
    return this.view(record);
  }

  async delete(id: string): Promise<void> {
    await this.service.remove(id, this.viewer);
  }

  async nextSequence(name: string): Promise<number> {
    if (name !== DRAFT_SEQUENCE) throw new HttpProblem(403, 'Les numéros de dossier sont attribués par le serveur à la transmission.');
    return this.base.nextSequence(name);
  }

  /** Preferences (saved searches) belong to the signed-in entity. */
  private key(key: string): string {
    return `${partyKey(this.viewer)}|${key}`;
  }

  getPreference<T = unknown>(key: string): Promise<T | undefined> {
    return this.base.getPreference<T>(this.key(key));
  }

  setPreference(key: string, value: unknown): Promise<void> {
    return this.base.setPreference(this.key(key), value);
  }
}
