/**
 * The REST contract between HttpStore and a host back end, and a framework-free handler that serves
 * it from any DossierStore (examples/server wraps it with authentication and re-validation).
 *
 *   GET    /dossiers?kind=&text=&dispositif=a,b&state=x,y&from=&to=&mandat=true&subrogation=false&page=&pageSize=
 *                                      → 200 StorePage
 *   GET    /dossiers/:id               → 200 DossierRecord | 404 { message }
 *   PUT    /dossiers/:id  DossierRecord (revision read)  → 200 DossierRecord (next revision) | 409 { message }
 *   DELETE /dossiers/:id               → 204
 *   POST   /sequences/:name            → 200 { value }
 *   GET    /preferences/:key           → 200 { value }
 *   PUT    /preferences/:key { value } → 204
 * Viewer (role and SIRET) comes from the host's authentication, never from the query.
 */
import type { DossierRecord, Viewer } from '../records.js';
import { NotFoundError, StaleRevisionError, type DossierStore, type StoreQuery } from './types.js';

export interface RestRequest {
  method: string;
  /** Path below the contract's base, e.g. "/dossiers/10645". */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  viewer?: Viewer;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

const list = (v?: string) => (v ? v.split(',').filter(Boolean) : undefined);
const bool = (v?: string) => (v === 'true' ? true : v === 'false' ? false : undefined);
const num = (v?: string) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function queryFromParams(params: Record<string, string | undefined>, viewer?: Viewer): StoreQuery {
  const kind = params.kind === 'brouillons' || params.kind === 'dossiers' ? params.kind : undefined;
  return {
    kind,
    text: params.text || undefined,
    dispositifs: list(params.dispositif),
    states: list(params.state),
    from: params.from || undefined,
    to: params.to || undefined,
    mandatGestion: bool(params.mandat),
    subrogation: bool(params.subrogation),
    page: num(params.page),
    pageSize: num(params.pageSize),
    viewer,
  };
}

export function paramsFromQuery(query: StoreQuery): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: unknown) => v !== undefined && v !== '' && p.set(k, String(v));
  set('kind', query.kind);
  set('text', query.text);
  set('dispositif', query.dispositifs?.join(','));
  set('state', query.states?.join(','));
  set('from', query.from);
  set('to', query.to);
  set('mandat', query.mandatGestion);
  set('subrogation', query.subrogation);
  set('page', query.page);
  set('pageSize', query.pageSize);
  return p;
}

function isRecord(body: unknown): body is DossierRecord {
  const r = body as DossierRecord | null;
  return !!r && typeof r === 'object' && typeof r.id === 'string' && typeof r.revision === 'number' && typeof r.data === 'object';
}

/** Serves the contract from a store. Errors become 400/404/409 with a French message. */
export async function handleRest(store: DossierStore, req: RestRequest): Promise<RestResponse> {
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [collection, id] = parts;
  try {
    if (collection === 'dossiers' && parts.length === 1 && req.method === 'GET') {
      return { status: 200, body: await store.list(queryFromParams(req.query ?? {}, req.viewer)) };
    }
    if (collection === 'dossiers' && id && parts.length === 2) {
      if (req.method === 'GET') {
        const record = await store.get(id);
        return record ? { status: 200, body: record } : { status: 404, body: { message: new NotFoundError(id).message } };
      }
      if (req.method === 'PUT') {
        if (!isRecord(req.body) || req.body.id !== id) return { status: 400, body: { message: 'Brouillon mal formé.' } };
        return { status: 200, body: await store.save(req.body) };
      }
      if (req.method === 'DELETE') {
        await store.delete(id);
        return { status: 204 };
      }
    }
    if (collection === 'sequences' && id && req.method === 'POST') return { status: 200, body: { value: await store.nextSequence(id) } };
    if (collection === 'preferences' && id) {
      if (req.method === 'GET') return { status: 200, body: { value: (await store.getPreference(id)) ?? null } };
      if (req.method === 'PUT') {
        await store.setPreference(id, (req.body as { value?: unknown } | null)?.value);
        return { status: 204 };
      }
    }
    return { status: 404, body: { message: 'Ressource inconnue.' } };
  } catch (e) {
    if (e instanceof StaleRevisionError) return { status: 409, body: { message: e.message, expected: e.expected, actual: e.actual } };
    if (e instanceof NotFoundError) return { status: 404, body: { message: e.message } };
    throw e;
  }
}
