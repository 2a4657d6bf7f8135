/** HTTP store: a host back end serving the REST contract (see rest-contract.ts). */
import type { DossierRecord } from '../records.js';
import { paramsFromQuery } from './rest-contract.js';
import { NotFoundError, StaleRevisionError, type DossierStore, type StorePage, type StoreQuery } from './types.js';

export interface HttpStoreOptions {
  /** Base URL of the contract, e.g. "/api" or "https://portail.example/api". */
  baseUrl: string;
  /** Extra headers (authentication). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class HttpStore implements DossierStore {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpStoreOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await this.fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...this.options.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HttpError(0, "Le serveur ne répond pas : vérifiez votre connexion. Votre saisie n'a pas été perdue.");
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new HttpError(res.status, `Réponse illisible du serveur (${res.status}).`);
    }
    return { status: res.status, body: parsed };
  }

  private fail(status: number, body: unknown): never {
    throw new HttpError(status, (body as { message?: string } | undefined)?.message ?? `Erreur du serveur (${status}).`);
  }

  async list(query: StoreQuery = {}): Promise<StorePage> {
    const params = paramsFromQuery({ ...query, viewer: undefined }).toString();
    const r = await this.call('GET', `/dossiers${params ? `?${params}` : ''}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return r.body as StorePage;
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const r = await this.call('GET', `/dossiers/${encodeURIComponent(id)}`);
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.fail(r.status, r.body);
    return r.body as DossierRecord;
  }

  async save(record: DossierRecord): Promise<DossierRecord> {
    const r = await this.call('PUT', `/dossiers/${encodeURIComponent(record.id)}`, record);
    if (r.status === 409) {
      const b = r.body as { expected?: number; actual?: number };
      throw new StaleRevisionError(record.id, b.expected ?? record.revision, b.actual ?? -1);
    }
    if (r.status !== 200) this.fail(r.status, r.body);
    return r.body as DossierRecord;
  }

  async delete(id: string): Promise<void> {
    const r = await this.call('DELETE', `/dossiers/${encodeURIComponent(id)}`);
    if (r.status === 404) throw new NotFoundError(id);
    if (r.status !== 204) this.fail(r.status, r.body);
  }

  async nextSequence(name: string): Promise<number> {
    const r = await this.call('POST', `/sequences/${encodeURIComponent(name)}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return (r.body as { value: number }).value;
  }

  async getPreference<T = unknown>(key: string): Promise<T | undefined> {
    const r = await this.call('GET', `/preferences/${encodeURIComponent(key)}`);
    if (r.status !== 200) this.fail(r.status, r.body);
    return ((r.body as { value?: T | null }).value ?? undefined) as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    const r = await this.call('PUT', `/preferences/${encodeURIComponent(key)}`, { value });
    if (r.status !== 204) this.fail(r.status, r.body);
  }
}
