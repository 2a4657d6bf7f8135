/**
 * The example's own sign-in, standing in for the host's identity provider: a page (`GET /auth/`) where one
 * picks a demo user, a token endpoint (`POST /auth/token`) and the public keys (`GET /auth/jwks.json`).
 * Tokens are ES256 JWTs signed with a key generated at first start and kept in the data folder, so they
 * stay valid across restarts. A real deployment turns this off by configuring its issuer (auth.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from '@akto/engine';
import type { AuthConfig } from './auth.js';

export const DEMO_ISSUER = 'urn:akto:exemple:connexion-demo';
export const DEMO_AUDIENCE = 'akto-api-exemple';
/** Lifetime of a demo token (seconds). */
export const DEMO_TTL = 8 * 3600;

export interface DemoUser {
  id: string;
  label: string;
  role: Role;
  siret: string;
  name: string;
  email: string;
  mandats?: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'employeur', label: 'Employeur (adhérent) HUMANDO', role: 'adherent', siret: '40101593800038', name: 'HUMANDO', email: 'rh@humando.exemple.fr' },
  { id: 'of', label: 'Organisme de formation LEGOUD CONSEIL FORMATION (sans mandat de gestion)', role: 'prestataire', siret: '48816678600019', name: 'LEGOUD CONSEIL FORMATION', email: 'contact@legoud.exemple.fr' },
  {
    id: 'of-mandat',
    label: 'Organisme de formation BUREAU VERITAS EXPLOITATION (mandat de gestion de HUMANDO)',
    role: 'prestataire',
    siret: '73282932000074',
    name: 'BUREAU VERITAS EXPLOITATION',
    email: 'formation@bureauveritas.exemple.fr',
    mandats: ['40101593800038'],
  },
  { id: 'agent', label: 'Gestionnaire AKTO (back-office)', role: 'gestionnaire', siret: 'akto', name: 'Agent AKTO', email: 'gestion@akto.exemple.fr' },
];

/** What a token says about its user (the claims auth.ts reads by default). */
export interface DemoClaims {
  role: Role;
  siret: string;
  name?: string;
  email?: string;
  mandats?: string[];
}

export interface DemoIssuer {
  /** The configuration that checks this issuer's tokens. */
  config: AuthConfig;
  jwks: JSONWebKeySet;
  sign(claims: DemoClaims, options?: { ttl?: number; now?: Date; audience?: string; issuer?: string }): Promise<string>;
}

const KEY_FILE = 'demo-signing-key.json';

/** The demo issuer, its key read from `dataDir` (generated there at first start) or kept in memory. */
export async function demoIssuer(dataDir?: string): Promise<DemoIssuer> {
  const file = dataDir && join(dataDir, KEY_FILE);
  let jwk: JWK;
  if (file && existsSync(file)) jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    jwk = await exportJWK(privateKey);
    jwk.kid = await calculateJwkThumbprint(jwk);
    jwk.alg = 'ES256';
    if (file) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
    }
  }
  const privateKey = await importJWK(jwk, 'ES256');
  const { d: _private, ...publicJwk } = jwk;
  const jwks = { keys: [{ ...publicJwk, use: 'sig' }] };
  return {
    config: { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, algorithms: ['ES256'], jwks },
    jwks,
    async sign(claims, options = {}) {
      const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
      return new SignJWT({ akto_role: claims.role, siret: claims.siret, name: claims.name, email: claims.email, mandats: claims.mandats ?? [] })
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
        .setIssuer(options.issuer ?? DEMO_ISSUER)
        .setAudience(options.audience ?? DEMO_AUDIENCE)
        .setSubject(`${claims.role}:${claims.siret}`)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.ttl ?? DEMO_TTL))
        .sign(privateKey);
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only pages of this machine receive a token (the portal on localhost). */
function safeRedirect(value: unknown): URL | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

export interface DemoAnswer {
  status: number;
  headers?: Record<string, string>;
  /** HTML text, or a JSON body. */
  html?: string;
  body?: unknown;
}

function page(redirect: URL | undefined): string {
  const hidden = redirect ? `<input type="hidden" name="redirect" value="${escape(redirect.toString())}">` : '';
  const users = DEMO_USERS.map(
    (u) => `<li><form method="post" action="/auth/token">${hidden}<input type="hidden" name="user" value="${u.id}"><button type="submit">${escape(u.label)}</button></form></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion (démonstration)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}li{list-style:none;margin:.5rem 0}button{width:100%;padding:.75rem;text-align:left;font:inherit;cursor:pointer}</style></head>
<body><main><h1>Connexion à Mon Espace (démonstration)</h1>
<p>Choisissez un utilisateur de démonstration : un jeton signé vous identifie auprès du serveur pendant 8 heures.</p>
<ul>${users}</ul></main></body></html>`;
}

/** `/auth/…` of the demo sign-in; `form` is the decoded body (URL-encoded form or JSON). */
export async function demoAuthRoute(issuer: DemoIssuer, method: string, path: string, query: URLSearchParams, form: Record<string, unknown>): Promise<DemoAnswer> {
  if (method === 'GET' && (path === '/auth' || path === '/auth/')) return { status: 200, html: page(safeRedirect(query.get('redirect'))) };
  if (method === 'GET' && path === '/auth/jwks.json') return { status: 200, body: issuer.jwks };
  if (method === 'POST' && path === '/auth/token') {
    const user = DEMO_USERS.find((u) => u.id === form.user);
    if (!user) return { status: 400, body: { message: 'Utilisateur de démonstration inconnu.' } };
    const token = await issuer.sign({ role: user.role, siret: user.siret, name: user.name, email: user.email, mandats: user.mandats });
    const redirect = safeRedirect(form.redirect);
    if (redirect) {
      redirect.hash = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: String(DEMO_TTL) }).toString();
      return { status: 303, headers: { location: redirect.toString() } };
    }
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: DEMO_TTL, user: { id: user.id, role: user.role, siret: user.siret, name: user.name } } };
  }
  return { status: 404, body: { message: 'Ressource inconnue.' } };
}
