/**
 * The host's API below `/api`, framework-free (the HTTP layer in server.ts only parses and writes):
 *
 * Store contract (packages/engine/src/workflow/store/rest-contract.ts), guarded per viewer (guarded-store.ts):
 *   GET/PUT/DELETE /dossiers…, POST /sequences/:name, GET/PUT /preferences/:key
 * Workflow (DossierService over the PostgreSQL store; every write re-validated by the engine):
 *   GET    /dispositifs                              dispositifs open to the viewer's role
 *   GET    /brouillons?kind=&text=&dispositif=&state=&from=&to=&mandat=&subrogation=&page=&pageSize=
 *   POST   /brouillons                               { dispositif, sousDispositif?, adherent?, prestataire?, mandatGestion?, data? } → 201
 *   GET    /brouillons/:id                           the record as the viewer sees it, its label and actions
 *   PUT    /brouillons/:id                           { data, revision, tab? } → 200 | 409 stale
 *   POST   /brouillons/:id/transmettre               { revision? } → 200 | 400 { message: 'Saisie Invalide', errors, tabs }
 *   POST   /brouillons/:id/actions/:type             reprendre, refuser, supprimer, transmettre, gestion.* ({ motif? })
 *   POST   /brouillons/:id/dupliquer                 { tabs, sousDispositif? } → 201
 *   POST   /brouillons/:id/lien                      { link } → 202: « Envoyez-moi le lien par e-mail », to the token's e-mail (outbox)
 *   DELETE /brouillons/:id                           same as actions/supprimer
 * Jobs (jobs.ts): POST /jobs { type: 'cerfa', query? } | { type: 'revalidation', dispositif } → 202,
 *   GET /jobs/:id → { done, total, state, results }, GET /jobs/:id/cerfa/:dossier → the PDF
 * Errors: `{ message }` in French with 400, 401, 403, 404, 409 (see problems.ts).
 */
import {
  DossierService,
  entryRole,
  handleRest,
  isValidSiret,
  listDispositifs,
  queryFromParams,
  StaleRevisionError,
  type DossierRecord,
  type Notification,
  type Party,
  type Role,
  type ServiceOptions,
  type Viewer,
} from '@akto/engine';
import { closedTo, GuardedStore, mandatGestion, opensSousDispositif, SOUS_DISPOSITIF_FERME } from './guarded-store.js';
import { HttpProblem, problemOf } from './problems.js';
import type { Identity } from './auth.js';
import { JobQueue, type JobOptions } from './jobs.js';
import type { PgStore } from './pg-store.js';

export interface ApiRequest {
  method: string;
  /** Path below `/api`, e.g. "/brouillons/10001/transmettre" (still URL-encoded). */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** The signed-in user, from a verified token (auth.ts); undefined when not signed in. */
  viewer?: Identity;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** A file instead of JSON (a CERFA). */
  file?: { bytes: Uint8Array; type: string; name: string };
}

export interface HostOptions {
  now?: () => Date;
  /** Called for every notification, after it is kept in the outbox. */
  onNotification?: (notification: Notification) => void;
  log?: (line: string) => void;
  /** The job worker's settings (poll, back-off, threads). */
  jobs?: JobOptions;
}

/** Short action names of the URL → lifecycle events. Client-side only events (transmission.*) are not reachable. */
const ACTIONS: Record<string, string> = {
  reprendre: 'brouillon.reprendre',
  refuser: 'brouillon.refuser',
  supprimer: 'brouillon.supprimer',
};

export const MESSAGES = {
  unauthenticated: 'Vous n’êtes pas identifié : reconnectez-vous à votre espace.',
  unknown: 'Ressource inconnue.',
  malformed: 'Brouillon mal formé.',
  saveBody: 'Brouillon mal formé : les données (data) et la révision lue (revision) sont attendues.',
  noDispositif: 'Choisissez un dispositif.',
  noAdherent: 'Choisissez l’employeur (adhérent) de la demande : SIRET de l’établissement à 14 chiffres.',
  ownEntity: 'Un adhérent ne peut créer une demande qu’au nom de son établissement.',
  creatorRole: 'Seuls un adhérent ou un organisme de formation peuvent créer une demande.',
  badSiret: 'Le SIRET de l’organisme de formation est invalide.',
  tabs: 'Choisissez les onglets à dupliquer.',
  sousDispositif: SOUS_DISPOSITIF_FERME,
  action: (type: string) => `Action inconnue : « ${type} ».`,
  badLink: 'Le lien de reprise est invalide.',
  noEmail: 'Aucune adresse e-mail n’est connue pour votre compte : le lien ne peut pas vous être envoyé.',
  linkSent: 'Le lien vous a été envoyé par e-mail.',
  documentBody: 'Document mal formé : le type, le nom, la taille et le format du fichier sont attendus.',
} as const;

function object(body: unknown, message: string = MESSAGES.malformed): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new HttpProblem(400, message);
  return body as Record<string, unknown>;
}

const text = (v: unknown, max = 200) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

/** Runs one write at a time per record, so that a check and the write it guards are not interleaved. */
class Locks {
  private readonly tails = new Map<string, Promise<unknown>>();
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return result;
  }
}

export class DossierHost {
  readonly service: DossierService;
  private readonly serviceOptions: ServiceOptions;
  private readonly locks = new Locks();
  /** Outbox writes started by the workflow's (synchronous) notification callback, awaited before answering. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly store: PgStore,
    options: HostOptions = {},
  ) {
    const now = options.now ?? (() => new Date());
    this.serviceOptions = {
      now,
      onNotification: (n) => {
        const write = store.addNotification(n, now()).finally(() => this.pending.delete(write));
        this.pending.add(write);
        options.onNotification?.(n);
      },
    };
    this.service = new DossierService(store, this.serviceOptions);
    this.jobs = new JobQueue(store, this.service, { log: options.log, ...options.jobs });
  }

  readonly jobs: JobQueue;

  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.route(req);
    } finally {
      // Nothing is answered before the notifications it caused are in the outbox (a failed write is a 500).
      await Promise.all([...this.pending]);
    }
  }

  private async route(req: ApiRequest): Promise<ApiResponse> {
    try {
      let parts: string[];
      try {
        parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        throw new HttpProblem(400, MESSAGES.unknown);
      }
      if (!req.viewer) throw new HttpProblem(401, MESSAGES.unauthenticated);
      const viewer = req.viewer;
      const [collection] = parts;
      if (collection === 'dossiers' || collection === 'sequences' || collection === 'preferences') {
        if (req.method !== 'GET') return await this.locks.run(`${collection}:${parts[1] ?? ''}`, () => this.raw(req, viewer));
        return await this.raw(req, viewer);
      }
      if (collection === 'dispositifs' && parts.length === 1 && req.method === 'GET') {
        return { status: 200, body: listDispositifs().filter((d) => d.roles.includes(viewer.role)) };
      }
      if (collection === 'brouillons') return await this.workflow(req, parts.slice(1), viewer);
      if (collection === 'jobs') return await this.job(req, parts.slice(1), viewer);
      throw new HttpProblem(404, MESSAGES.unknown);
    } catch (e) {
      const problem = problemOf(e);
      if (problem) return problem;
      throw e;
    }
  }

  /** The store contract, through the viewer's guarded store. */
  private raw(req: ApiRequest, viewer: Identity): Promise<ApiResponse> {
    const store = new GuardedStore(this.service, this.store, viewer, this.serviceOptions);
    return handleRest(store, { method: req.method, path: req.path, query: req.query, body: req.body, viewer });
  }

  /** A record for the viewer: its data as the viewer's role may see it, and the row actions. */
  private async present(record: DossierRecord, viewer: Viewer) {
    const engine = await this.service.engine(record.dispositif);
    return {
      record: { ...record, data: engine.viewFor(record.data, viewer.role, viewer.entityId, entryRole(record, viewer)) },
      actions: await this.service.rowActions(record, viewer),
    };
  }

  private async workflow(req: ApiRequest, parts: string[], viewer: Identity): Promise<ApiResponse> {
    const [id, verb, type, ...rest] = parts;
    const { method } = req;
    if (!id) {
      if (method === 'GET') {
        const page = await this.service.list(queryFromParams(req.query ?? {}), viewer);
        const items = await Promise.all(page.items.map(async (r) => this.present(r, viewer)));
        return { status: 200, body: { ...page, items: items.map(({ record, actions }) => ({ ...record, actions })) } };
      }
      if (method === 'POST') return { status: 201, body: await this.present(await this.create(object(req.body), viewer), viewer) };
      throw new HttpProblem(404, MESSAGES.unknown);
    }
    if (rest.length) throw new HttpProblem(404, MESSAGES.unknown);
    if (!verb && method === 'GET') {
      const opened = await this.service.open(id, viewer);
      return { status: 200, body: { ...opened, actions: await this.service.rowActions(opened.record, viewer) } };
    }
    const write = <T>(fn: () => Promise<T>) => this.locks.run(`dossiers:${id}`, fn);
    if (!verb && method === 'PUT') {
      const body = object(req.body, MESSAGES.saveBody);
      const { data, revision } = body;
      if (typeof data !== 'object' || data === null || Array.isArray(data) || !Number.isInteger(revision) || (revision as number) < 0) {
        throw new HttpProblem(400, MESSAGES.saveBody);
      }
      const saved = await write(() => this.service.save(id, data as Record<string, unknown>, viewer, { revision: revision as number, tab: text(body.tab, 60) }));
      return { status: 200, body: await this.present(saved, viewer) };
    }
    if (!verb && method === 'DELETE') return this.act(id, 'brouillon.supprimer', viewer, {});
    if (method !== 'POST') throw new HttpProblem(404, MESSAGES.unknown);
    if (verb === 'transmettre' && !type) return this.transmit(id, object(req.body), viewer);
    if (verb === 'actions' && type) {
      const name = type.replace(/^brouillon\./, '');
      if (name === 'transmettre') return this.transmit(id, object(req.body), viewer);
      const event = ACTIONS[name] ?? (/^gestion\.[A-Za-z]+$/.test(type) ? type : undefined);
      if (!event) throw new HttpProblem(400, MESSAGES.action(type));
      const motif = text(object(req.body).motif, 2000);
      return this.act(id, event, viewer, motif ? { motif } : {});
    }
    if (verb === 'dupliquer' && !type) {
      const body = object(req.body);
      const tabs = Array.isArray(body.tabs) ? body.tabs.filter((t): t is string => typeof t === 'string') : [];
      if (!tabs.length) throw new HttpProblem(400, MESSAGES.tabs);
      const { record } = await this.service.duplicate(id, viewer, { tabs, sousDispositif: text(body.sousDispositif, 60) });
      return { status: 201, body: await this.present(record, viewer) };
    }
    if (verb === 'lien' && !type) return this.mailLink(id, object(req.body), viewer);
    if (verb === 'documents' && !type) return this.addDocument(id, object(req.body, MESSAGES.documentBody), viewer);
    throw new HttpProblem(404, MESSAGES.unknown);
  }

  /**
   * « Déposer un document » on a sent dossier: what the file is (type, name, size, format, and the host's
   * reference of the stored file); the bytes go to the host's own upload, never through this API.
   */
  private async addDocument(id: string, body: Record<string, unknown>, viewer: Viewer): Promise<ApiResponse> {
    const [type, nom, format, ref] = [text(body.type, 60), text(body.nom, 255), text(body.format, 10), text(body.ref, 500)];
    const { taille } = body;
    if (!type || !nom || !format || !Number.isInteger(taille) || (taille as number) < 0) throw new HttpProblem(400, MESSAGES.documentBody);
    const file = { type, nom, taille: taille as number, format, ...(ref ? { ref } : {}) };
    const { record } = await this.locks.run(`dossiers:${id}`, () => this.service.addDocument(id, viewer, file));
    return { status: 201, body: await this.present(record, viewer) };
  }

  /** « Envoyez-moi le lien par e-mail »: the resume link of a draft the viewer sees, to the e-mail of their token. */
  private async mailLink(id: string, body: Record<string, unknown>, viewer: Identity): Promise<ApiResponse> {
    await this.service.open(id, viewer); // 403/404 for a draft the viewer cannot see
    const link = text(body.link, 2000);
    let url: URL | undefined;
    try {
      url = link ? new URL(link) : undefined;
    } catch {
      url = undefined;
    }
    if (!link || !url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new HttpProblem(400, MESSAGES.badLink);
    if (!viewer.email) throw new HttpProblem(400, MESSAGES.noEmail);
    const template = `Pour reprendre votre saisie du brouillon n° {dossier}, veuillez cliquer ou ajouter le lien suivant à vos favoris : ${link}`;
    const mail: Notification = { type: 'notification', to: viewer.role, address: viewer.email, kind: 'lien-reprise', dossier: id, template, text: template.replace('{dossier}', id) };
    await this.store.addNotification(mail, this.serviceOptions.now?.());
    return { status: 202, body: { message: MESSAGES.linkSent, to: viewer.email } };
  }

  private async job(req: ApiRequest, parts: string[], viewer: Identity): Promise<ApiResponse> {
    const [id, what, dossier, ...rest] = parts;
    if (!id && req.method === 'POST') {
      const body = object(req.body);
      return { status: 202, body: await this.jobs.enqueue(body.type, body, viewer) };
    }
    if (id && !what && req.method === 'GET') return { status: 200, body: await this.jobs.status(id, viewer) };
    if (id && what === 'cerfa' && dossier && !rest.length && req.method === 'GET') {
      return { status: 200, file: { bytes: await this.jobs.pdf(id, dossier, viewer), type: 'application/pdf', name: `cerfa-${dossier.replace(/[^\w-]/g, '')}.pdf` } };
    }
    throw new HttpProblem(404, MESSAGES.unknown);
  }

  private async act(id: string, event: string, viewer: Viewer, extra: Record<string, unknown>): Promise<ApiResponse> {
    const { record } = await this.locks.run(`dossiers:${id}`, () => this.service.act(id, event, viewer, extra));
    return { status: 200, body: await this.present(record, viewer) };
  }

  /**
   * Transmettre: the service re-validates the stored dossier with the engine (phase "transmission",
   * the transmitting role) and refuses with "Saisie Invalide" and the errors; nothing is stored then.
   * With `revision`, the user transmits what they last saw: a save made elsewhere since is a 409.
   */
  private async transmit(id: string, body: Record<string, unknown>, viewer: Viewer): Promise<ApiResponse> {
    const { revision } = body;
    if (revision !== undefined && (!Number.isInteger(revision) || (revision as number) < 0)) throw new HttpProblem(400, MESSAGES.malformed);
    const { record } = await this.locks.run(`dossiers:${id}`, async () => {
      const opened = await this.service.open(id, viewer); // 403/404 before anything else
      if (revision !== undefined && opened.record.revision !== revision) throw new StaleRevisionError(id, revision as number, opened.record.revision);
      return this.service.transmit(id, viewer);
    });
    return { status: 200, body: await this.present(record, viewer) };
  }

  private async create(body: Record<string, unknown>, viewer: Identity): Promise<DossierRecord> {
    if (viewer.role === 'gestionnaire') throw new HttpProblem(403, MESSAGES.creatorRole);
    const dispositif = text(body.dispositif, 40);
    if (!dispositif) throw new HttpProblem(400, MESSAGES.noDispositif);
    const engine = await this.service.engine(dispositif); // unknown dispositif: 400
    if (!engine.definition.identity.roles.includes(viewer.role)) throw new HttpProblem(403, closedTo(engine.definition.identity.label));
    const party = (v: unknown, role: Role): Party | undefined => {
      const o = object(v);
      const entityId = text(o.entityId, 20);
      return entityId ? { role, entityId, name: text(o.name), email: text(o.email) } : undefined;
    };
    const about = object(body.creator); // name and e-mail of the signed-in entity: the token's, else what the page says
    const creator: Party = { role: viewer.role, entityId: viewer.entityId, name: viewer.name ?? text(about.name), email: viewer.email ?? text(about.email) };
    let adherent = party(body.adherent, 'adherent');
    let prestataire = party(body.prestataire, 'prestataire');
    if (viewer.role === 'adherent') {
      if (adherent && adherent.entityId !== viewer.entityId) throw new HttpProblem(403, MESSAGES.ownEntity);
      adherent = { ...creator, name: adherent?.name ?? creator.name, email: adherent?.email ?? creator.email };
      if (prestataire && !isValidSiret(prestataire.entityId)) throw new HttpProblem(400, MESSAGES.badSiret);
    } else {
      if (!adherent || !isValidSiret(adherent.entityId)) throw new HttpProblem(400, MESSAGES.noAdherent);
      prestataire = undefined; // the creator is the provider
    }
    const data = object(body.data);
    const sousDispositif = text(body.sousDispositif, 60);
    if (sousDispositif && !opensSousDispositif(engine, sousDispositif)) throw new HttpProblem(400, MESSAGES.sousDispositif);
    const { record } = await this.service.create({
      dispositif,
      sousDispositif,
      creator,
      adherent,
      prestataire,
      mandatGestion: mandatGestion(viewer, adherent, body.mandatGestion === true),
      data: engine.acceptFrom(viewer.role, {}, data),
    });
    return record;
  }
}

