/**
 * The HTTP layer (node:http only): parses JSON, authenticates the bearer token (auth.ts), hands the
 * request to DossierHost and writes JSON; serves the demo sign-in under /auth when no identity provider
 * is configured. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { DispositifSummary } from '@akto/engine';
import { registerArtifactsIn } from '@akto/engine/node';
import { DossierHost, type HostOptions } from './api.js';
import { createAuthenticator, type Authenticate, type AuthConfig } from './auth.js';
import { demoAuthRoute, demoIssuer, type DemoIssuer } from './demo-auth.js';
import { OutboxSender, type Deliver, type SenderOptions } from './outbox-sender.js';
import { PgStore } from './pg-store.js';

export const BASE = '/api';
/** Largest request body accepted (a dossier is a few tens of kB; documents are not sent through here). */
export const MAX_BODY = 2 * 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A lone UTF-16 surrogate: JSON can carry it ("\\ud800"), but no text, database or PDF can store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string (value or key) holding a lone surrogate, if any. */
function brokenText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 200) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (LONE_SURROGATE.test(key)) return at;
    const found = brokenText(child, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyError(413, 'Requête trop volumineuse.');
    chunks.push(chunk as Buffer);
  }
  if (!size) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (form) return Object.fromEntries(new URLSearchParams(text));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BodyError(400, 'Requête illisible : un corps JSON est attendu.');
  }
  const broken = brokenText(body, '');
  if (broken !== undefined) throw new BodyError(400, `Le texte saisi en ${broken || '/'} contient un caractère invalide (caractère Unicode incomplet) : retapez-le.`);
  return body;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined || status === 204 ? undefined : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(text === undefined ? {} : { 'content-length': Buffer.byteLength(text) }),
  });
  res.end(text);
}

/** The portal origins a browser may call the API from (`AKTO_PORTAL_ORIGIN`, comma-separated). */
export const DEFAULT_PORTAL_ORIGINS = 'http://127.0.0.1:8080,http://localhost:8080';

export function portalOrigins(value = process.env.AKTO_PORTAL_ORIGIN ?? DEFAULT_PORTAL_ORIGINS): string[] {
  return value
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** CORS for an allowed origin only: others get no CORS header, so their browser refuses the answer. */
function cors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin || !origins.includes(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-allow-headers', 'Authorization, Content-Type');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('access-control-max-age', '600');
  return true;
}

export function requestListener(host: DossierHost, authenticate: Authenticate, demo?: DemoIssuer, log: (line: string) => void = () => {}, origins: readonly string[] = portalOrigins()) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const allowed = cors(req, res, origins);
      if (req.method === 'OPTIONS' && url.pathname.startsWith(BASE)) {
        res.writeHead(allowed ? 204 : 403, { 'content-length': 0 });
        return void res.end();
      }
      if (demo && (url.pathname === '/auth' || url.pathname.startsWith('/auth/'))) {
        const body = await readBody(req);
        const out = await demoAuthRoute(demo, req.method ?? 'GET', url.pathname, url.searchParams, body && typeof body === 'object' ? (body as Record<string, unknown>) : {});
        if (out.html === undefined) return send(res, out.status, out.body, out.headers);
        res.writeHead(out.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*" });
        return void res.end(out.html);
      }
      if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return send(res, 404, { message: 'Ressource inconnue.' });
      const body = await readBody(req);
      const out = await host.handle({
        method: req.method ?? 'GET',
        path: url.pathname.slice(BASE.length) || '/',
        query: Object.fromEntries(url.searchParams),
        body,
        // The X-Akto-* headers of earlier versions are ignored: only a verified token says who is asking.
        viewer: await authenticate(req.headers.authorization),
      });
      if (out.file) {
        res.writeHead(out.status, {
          'content-type': out.file.type,
          'content-length': out.file.bytes.length,
          'content-disposition': `attachment; filename="${out.file.name}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return void res.end(out.file.bytes);
      }
      send(res, out.status, out.body);
    } catch (e) {
      if (e instanceof BodyError) return send(res, e.status, { message: e.message });
      log(`erreur ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, 500, { message: 'Erreur interne du serveur : réessayez plus tard.' });
      else res.destroy();
    }
  };
}

export interface StartOptions extends HostOptions {
  /** PostgreSQL server (`postgres://…`); when absent, embedded PGlite on `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data folder (created when missing); neither this nor `databaseUrl`: a database in memory. */
  dataDir?: string;
  /** 0 for any free port. */
  port?: number;
  log?: (line: string) => void;
  /** The identity provider whose tokens are accepted; when absent, the example's demo sign-in (/auth). */
  auth?: AuthConfig;
  /** Where the demo sign-in keeps its signing key (generated at first start); in memory when absent. */
  demoKeyDir?: string;
  /**
   * A folder of extra dispositifs (`akto-forms build` output, one sub-folder each): registered at start-up,
   * so the server re-checks their dossiers with exactly the code the browser runs.
   */
  dispositifsDir?: string;
  /**
   * Delivers the notifications of the outbox (e-mail...): each server process runs a sender, and every row
   * is delivered by one of them only (outbox-sender.ts). Absent: the rows wait in the outbox.
   */
  deliver?: Deliver;
  sender?: SenderOptions;
  /** The portal origins allowed to call the API from a browser (CORS); default `portalOrigins()`. */
  portalOrigins?: string[];
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  store: PgStore;
  host: DossierHost;
  /** The outbox sender of this process, when `deliver` is given. */
  sender?: OutboxSender;
  /** The demo sign-in, when no identity provider is configured. */
  demo?: DemoIssuer;
  /** The extra dispositifs registered from `dispositifsDir`. */
  dispositifs: DispositifSummary[];
  /** Re-validations queued at start-up, for the dispositifs whose definition changed since the last one. */
  revalidations: Awaited<ReturnType<DossierHost['jobs']['checkDefinitions']>>;
  close(): Promise<void>;
}

/** Registers the artifacts of `dir`; a missing folder or a broken artifact stops the start-up. */
async function loadDispositifs(dir: string | undefined): Promise<DispositifSummary[]> {
  if (!dir) return [];
  if (!existsSync(dir)) throw new Error(`Dossier des dispositifs introuvable : ${dir}`);
  try {
    return await registerArtifactsIn(dir);
  } catch (e) {
    throw new Error(`Dispositifs de ${dir} : ${(e as Error).message}`);
  }
}

/** Registers the extra dispositifs, opens the database and listens on 127.0.0.1. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const dispositifs = await loadDispositifs(options.dispositifsDir);
  const store = await PgStore.open(options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir });
  const host = new DossierHost(store, { ...options, jobs: { dispositifsDir: options.dispositifsDir, ...options.jobs } });
  const sender = options.deliver && new OutboxSender(store.db, options.deliver, { log: options.log, ...options.sender });
  let demo: DemoIssuer | undefined;
  let authenticate: Authenticate;
  let revalidations: RunningServer['revalidations'];
  try {
    revalidations = await host.jobs.checkDefinitions();
    demo = options.auth ? undefined : await demoIssuer(options.demoKeyDir);
    authenticate = await createAuthenticator(options.auth ?? demo!.config);
  } catch (e) {
    await store.close();
    throw e;
  }
  const server = createServer(requestListener(host, authenticate, demo, options.log, options.portalOrigins ?? portalOrigins()));
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  host.jobs.start(); // jobs left by a stopped server, queued by another process, retries due
  sender?.start();
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    port,
    server,
    store,
    host,
    demo,
    sender,
    dispositifs,
    revalidations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void Promise.all([host.jobs.stop(), sender?.stop()]).then(() => store.close()).then(resolve));
        server.closeAllConnections();
      }),
  };
}
