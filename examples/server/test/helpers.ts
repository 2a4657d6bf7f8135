/**
 * A real server on 127.0.0.1 (port 0) over a temporary PGlite data folder, and a small JSON client that
 * signs in with a token of the server's demo issuer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Party, Viewer } from '@akto/engine';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The clock of the workflow (dossier numbers 2512CP…). */
export const NOW = new Date('2025-12-03T10:00:00Z');

export const OF: Party = { role: 'prestataire', entityId: '48816678600019', name: 'LEGOUD CONSEIL FORMATION', email: 'of@exemple.fr' };
export const ADH: Party = { role: 'adherent', entityId: '40101593800038', name: 'HUMANDO' };
export const OTHER_ADH: Party = { role: 'adherent', entityId: '73282932000074', name: 'AUTRE ENTREPRISE' };
export const GEST: Viewer = { role: 'gestionnaire', entityId: 'akto' };
export const as = (p: Party | Viewer): Viewer => ({ role: p.role, entityId: p.entityId });

/** Who a test signs in as: a party, with the mandats de gestion its token lists. */
export type User = (Party | Viewer) & { name?: string; email?: string; mandats?: string[] };

export const claimsOf = (u: User) => ({ role: u.role, siret: u.entityId, name: u.name, email: u.email, mandats: u.mandats });

export function example(dispositif: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', dispositif, 'examples', name), 'utf8')) as Record<string, unknown>;
}

export interface Answer<T = any> {
  status: number;
  body: T;
}

export class Client {
  constructor(
    readonly base: string,
    /** The bearer token, or the headers to send instead (none: not signed in). */
    readonly auth?: Promise<string> | Record<string, string>,
  ) {}

  async headers(): Promise<Record<string, string>> {
    if (!this.auth) return {};
    return this.auth instanceof Promise ? { authorization: `Bearer ${await this.auth}` } : this.auth;
  }

  async call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(await this.headers()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as T) : (undefined as T) };
  }
  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.call<T>('POST', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.call<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.call<T>('DELETE', path);
  }
}

export interface TestServer extends RunningServer {
  dir: string;
  dataDir: string;
  /** A client signed in as `user` (a token of the demo issuer); undefined: not signed in. */
  as(user: User | undefined): Client;
  /** The `Authorization` header of `user`. */
  bearer(user: User): Promise<Record<string, string>>;
  /** Stops the server and starts a new one on the same database. */
  restart(): Promise<TestServer>;
  /** Stops the server and removes the temporary folder. */
  dispose(): Promise<void>;
}

/** `options`: more start-up options (extra dispositifs...); `dir`: the folder of an earlier run, to restart on it. */
export async function testServer(options: Partial<StartOptions> = {}, dir = mkdtempSync(join(tmpdir(), 'akto-server-'))): Promise<TestServer> {
  const dataDir = join(dir, 'pgdata');
  const running = await startServer({ dataDir, demoKeyDir: dir, port: 0, now: () => NOW, ...options });
  const sign = (user: User) => running.demo!.sign(claimsOf(user));
  const self: TestServer = {
    ...running,
    dir,
    dataDir,
    as: (user) => new Client(running.url, user && sign(user)),
    bearer: async (user) => ({ authorization: `Bearer ${await sign(user)}` }),
    restart: async () => {
      await running.close();
      return testServer(options, dir);
    },
    dispose: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}
