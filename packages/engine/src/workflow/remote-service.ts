/**
 * The workflow of a host back end (examples/server: `/api/brouillons`, `/api/jobs`), for pages that
 * let the host decide and re-validate everything. The host's French problem bodies become the errors
 * the local DossierService throws: 409 → StaleRevisionError, 404 → NotFoundError, 400 with `errors`
 * → WorkflowError "invalid" with the validation result, 403 → WorkflowError "refused"/"forbidden".
 * Engines and lifecycles (labels, tabs, rules shown while typing) are the page's own, as locally.
 */
import { createEngine } from '../registry/index.js';
import type { DossierEngine } from '../validation/dossier-engine.js';
import type { ValidationResult } from '../models/result.js';
import { lifecycleFor, type Lifecycle } from './lifecycle.js';
import type { DossierRecord, Viewer } from './records.js';
import { WorkflowError, type CreateInput, type OpenedRecord, type Outcome } from './service.js';
import { paramsFromQuery } from './store/rest-contract.js';
import { NotFoundError, StaleRevisionError, type StorePage, type StoreQuery } from './store/types.js';
import type { RowActions, WorkflowService } from './workflow-service.js';

export interface RemoteServiceOptions {
  /** The API root, e.g. "http://localhost:8787/api". */
  baseUrl: string;
  /** The bearer token of the signed-in user (undefined: not signed in). */
  token: () => string | undefined | Promise<string | undefined>;
  /** Called on a 401 (token missing or expired), e.g. to send the user back to sign-in. */
  onUnauthorized?: () => void;
  engines?: (dispositif: string) => Promise<DossierEngine>;
  fetch?: typeof fetch;
}

/** A refusal of the host that is none of the workflow's errors (401, 5xx). */
export class RemoteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface JobStatus {
  id: string;
  state: string;
  done: number;
  total: number;
  results?: unknown[];
  [key: string]: unknown;
}

type Presented = DossierRecord & { actions?: RowActions };

const UNREACHABLE = 'Le serveur ne répond pas : vérifiez votre connexion, puis réessayez.';

export class RemoteDossierService implements WorkflowService {
  private readonly engines: (dispositif: string) => Promise<DossierEngine>;
  private readonly lifecycles = new Map<string, Lifecycle>();
  /** Row actions the host sent with the last list or open, per id and revision. */
  private readonly actions = new Map<string, RowActions>();
  readonly store: WorkflowService['store'];

  constructor(private readonly options: RemoteServiceOptions) {
    this.engines = options.engines ?? createEngine;
    this.store = {
      getPreference: async <T = unknown>(key: string) => ((await this.call<{ value?: T | null }>('GET', `/preferences/${encodeURIComponent(key)}`)).value ?? undefined) as T | undefined,
      setPreference: async (key: string, value: unknown) => {
        await this.call('PUT', `/preferences/${encodeURIComponent(key)}`, { value });
      },
    };
  }

  private async call<T = unknown>(method: string, path: string, body?: unknown, id?: string, revision?: number): Promise<T> {
    const token = await this.options.token();
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new RemoteError(0, UNREACHABLE);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.ok) return parsed as T;
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as { message?: unknown; errors?: unknown; warnings?: unknown; tabs?: unknown; expected?: unknown; actual?: unknown };
    const message = typeof problem.message === 'string' ? problem.message : `Erreur du serveur (${res.status}).`;
    if (res.status === 401) {
      this.options.onUnauthorized?.();
      throw new RemoteError(401, message);
    }
    if (res.status === 409 && id) throw new StaleRevisionError(id, typeof problem.expected === 'number' ? problem.expected : (revision ?? 0), typeof problem.actual === 'number' ? problem.actual : -1);
    if (res.status === 404 && id) throw new NotFoundError(id);
    if (res.status === 400 && Array.isArray(problem.errors)) {
      const result = { valid: false, errors: problem.errors, warnings: Array.isArray(problem.warnings) ? problem.warnings : [], tabs: (problem.tabs ?? {}) as ValidationResult['tabs'] } as ValidationResult;
      throw new WorkflowError(message, 'invalid', result);
    }
    if (res.status === 403 || res.status === 400 || res.status === 422) throw new WorkflowError(message, res.status === 403 && /visible/.test(message) ? 'forbidden' : 'refused');
    throw new RemoteError(res.status, message);
  }

  private keep(record: Presented): DossierRecord {
    const { actions, ...rest } = record;
    if (actions) this.actions.set(`${rest.id}@${rest.revision}`, actions);
    return rest;
  }

  private outcome(body: { record: Presented; actions?: RowActions }): Outcome {
    return { record: this.keep({ ...body.record, actions: body.actions }), notifications: [] }; // the host sends them (outbox)
  }

  async engine(dispositif: string): Promise<DossierEngine> {
    return this.engines(dispositif);
  }

  async lifecycle(dispositif: string): Promise<Lifecycle> {
    return lifecycleFor(this.lifecycles, dispositif, this.engines);
  }

  /** The host takes the creator from the token; what the page knows of it (name, e-mail) is sent along. */
  async create(input: CreateInput): Promise<Outcome> {
    const { creator, ...rest } = input;
    return this.outcome(await this.call('POST', '/brouillons', { ...rest, creator: { name: creator.name, email: creator.email } }));
  }

  async open(id: string, _viewer: Viewer): Promise<OpenedRecord> {
    const body = await this.call<OpenedRecord & { actions?: RowActions }>('GET', `/brouillons/${encodeURIComponent(id)}`, undefined, id);
    const { actions, ...opened } = body;
    return { ...opened, record: this.keep({ ...opened.record, actions }) };
  }

  async rowActions(record: DossierRecord, viewer: Viewer): Promise<RowActions> {
    const known = this.actions.get(`${record.id}@${record.revision}`);
    if (known) return known;
    await this.open(record.id, viewer);
    return this.actions.get(`${record.id}@${record.revision}`) ?? { detail: true, consulter: true, modifier: false, dupliquer: false, supprimer: false, label: '' };
  }

  async list(query: StoreQuery, _viewer: Viewer): Promise<StorePage> {
    const { viewer: _ignored, ...rest } = query;
    const params = paramsFromQuery(rest).toString();
    const page = await this.call<StorePage & { items: Presented[] }>('GET', `/brouillons${params ? `?${params}` : ''}`);
    return { ...page, items: page.items.map((r) => this.keep(r)) };
  }

  async save(id: string, data: Record<string, unknown>, _viewer: Viewer, options: { revision: number; tab?: string }): Promise<DossierRecord> {
    const body = await this.call<{ record: Presented; actions?: RowActions }>('PUT', `/brouillons/${encodeURIComponent(id)}`, { data, revision: options.revision, tab: options.tab }, id, options.revision);
    return this.outcome(body).record;
  }

  async act(id: string, type: string, viewer: Viewer, extra: Record<string, unknown> = {}): Promise<Outcome> {
    if (type === 'brouillon.transmettre' || type === 'brouillon.transmettreAdherent') return this.transmit(id, viewer);
    return this.outcome(await this.call('POST', `/brouillons/${encodeURIComponent(id)}/actions/${encodeURIComponent(type)}`, extra, id));
  }

  async transmit(id: string, _viewer: Viewer): Promise<Outcome> {
    return this.outcome(await this.call('POST', `/brouillons/${encodeURIComponent(id)}/transmettre`, {}, id));
  }

  async remove(id: string, viewer: Viewer): Promise<Outcome> {
    return this.act(id, 'brouillon.supprimer', viewer);
  }

  async duplicate(id: string, _viewer: Viewer, options: { tabs: string[]; sousDispositif?: string }): Promise<Outcome> {
    return this.outcome(await this.call('POST', `/brouillons/${encodeURIComponent(id)}/dupliquer`, options, id));
  }

  /** « Déposer un document »: what the file is; its bytes went to the host's upload (its `ref`). */
  async addDocument(id: string, _viewer: Viewer, file: { type: string; nom: string; taille: number; format: string; ref?: string }): Promise<Outcome> {
    return this.outcome(await this.call('POST', `/brouillons/${encodeURIComponent(id)}/documents`, file, id));
  }

  /** Queues a job (`{ type: 'cerfa', query? }`…) and answers its id and first status. */
  async queueJob(body: Record<string, unknown>): Promise<JobStatus> {
    return this.call<JobStatus>('POST', '/jobs', body);
  }

  async job(id: string): Promise<JobStatus> {
    return this.call<JobStatus>('GET', `/jobs/${encodeURIComponent(id)}`);
  }
}
