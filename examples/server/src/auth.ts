/**
 * Who is asking: the viewer comes from a signed token (JWT, `Authorization: Bearer …`) and from nothing
 * else the browser sends. The signature is checked against the issuer's keys (its JWKS URL, or a local
 * key file), and so are the issuer, the audience and the expiry (`exp` required). The role, the SIRET
 * (the user's "rattachement"), the name, the e-mail and the mandats de gestion are read from claims whose
 * names the host configures.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { Role, Viewer } from '@akto/engine';

/** The signed-in user: the viewer the workflow checks, and what the host knows of them. */
export interface Identity extends Viewer {
  name?: string;
  email?: string;
  /** SIRETs of the employers this provider holds a mandat de gestion for (from the token). */
  mandats: string[];
}

export interface AuthConfig {
  /** The `iss` every token must carry (the identity provider's URL). */
  issuer: string;
  /** The `aud` every token must carry (this API's identifier at the provider). */
  audience: string;
  /** The provider's public keys (`…/.well-known/jwks.json`). */
  jwksUrl?: string;
  /** Or a local file: a JWKS or one JWK (JSON), or a PEM public key (SPKI). */
  keyFile?: string;
  /** Or the key set itself (the demo sign-in). */
  jwks?: JSONWebKeySet;
  /** Algorithms accepted (default: ES256, RS256, EdDSA). */
  algorithms?: string[];
  /** Claim names (defaults: `akto_role`, `siret`, `name`, `email`, `mandats`). */
  claims?: Partial<Record<'role' | 'siret' | 'name' | 'email' | 'mandats', string>>;
  /** The provider's role values → the engine's roles (default: the engine's names themselves). */
  roles?: Record<string, Role>;
}

export type Authenticate = (authorization: string | undefined) => Promise<Identity | undefined>;

const ROLES: readonly Role[] = ['adherent', 'prestataire', 'gestionnaire'];
const DEFAULT_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

/** Reads the configuration a deployment sets (see the README); undefined when no issuer is configured. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig | undefined {
  if (!env.AKTO_AUTH_ISSUER) return undefined;
  if (!env.AKTO_AUTH_AUDIENCE) throw new Error('AKTO_AUTH_AUDIENCE manque : l’audience attendue des jetons est obligatoire.');
  if (!env.AKTO_AUTH_JWKS_URL && !env.AKTO_AUTH_KEY_FILE) throw new Error('AKTO_AUTH_JWKS_URL ou AKTO_AUTH_KEY_FILE manque : les clés publiques de l’émetteur sont obligatoires.');
  const roles = env.AKTO_AUTH_ROLES
    ? Object.fromEntries(
        env.AKTO_AUTH_ROLES.split(',').map((pair) => {
          const [value, role] = pair.split(':').map((s) => s.trim());
          if (!value || !ROLES.includes(role as Role)) throw new Error(`AKTO_AUTH_ROLES : « ${pair} » n’est pas de la forme valeur:${ROLES.join('|')}.`);
          return [value, role as Role];
        }),
      )
    : undefined;
  return {
    issuer: env.AKTO_AUTH_ISSUER,
    audience: env.AKTO_AUTH_AUDIENCE,
    jwksUrl: env.AKTO_AUTH_JWKS_URL,
    keyFile: env.AKTO_AUTH_KEY_FILE,
    algorithms: env.AKTO_AUTH_ALGORITHMS?.split(',').map((s) => s.trim()),
    claims: {
      role: env.AKTO_AUTH_CLAIM_ROLE,
      siret: env.AKTO_AUTH_CLAIM_SIRET,
      name: env.AKTO_AUTH_CLAIM_NAME,
      email: env.AKTO_AUTH_CLAIM_EMAIL,
      mandats: env.AKTO_AUTH_CLAIM_MANDATS,
    },
    roles,
  };
}

async function keys(config: AuthConfig, algorithms: string[]): Promise<JWTVerifyGetKey | KeyObject | Awaited<ReturnType<typeof importSPKI>>> {
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl));
  if (config.jwks) return createLocalJWKSet(config.jwks);
  if (!config.keyFile) throw new Error('Clés de l’émetteur non configurées (jwksUrl ou keyFile).');
  const text = readFileSync(config.keyFile, 'utf8');
  if (text.includes('-----BEGIN PUBLIC KEY-----')) return importSPKI(text, algorithms[0]!);
  const json = JSON.parse(text) as { keys?: unknown[] };
  // One key without "use"/"kid" is a set of one.
  return createLocalJWKSet(Array.isArray(json.keys) ? (json as JSONWebKeySet) : { keys: [json as JSONWebKeySet['keys'][number]] });
}

const claimText = (payload: JWTPayload, name: string, max = 200) => {
  const v = payload[name];
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;
};

/** A function that turns an `Authorization` header into the signed-in identity, or undefined (→ 401). */
export async function createAuthenticator(config: AuthConfig): Promise<Authenticate> {
  const algorithms = config.algorithms?.length ? config.algorithms : DEFAULT_ALGORITHMS;
  const key = await keys(config, algorithms);
  const claim = { role: 'akto_role', siret: 'siret', name: 'name', email: 'email', mandats: 'mandats', ...stripUndefined(config.claims ?? {}) };
  return async (authorization) => {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      // jose's overloads differ for a key and a key getter; both are accepted at run time.
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, { issuer: config.issuer, audience: config.audience, algorithms, requiredClaims: ['exp'] }));
    } catch {
      return undefined; // bad signature, other issuer or audience, expired: not signed in
    }
    const value = claimText(payload, claim.role, 64);
    const role = value === undefined ? undefined : config.roles ? config.roles[value] : ROLES.includes(value as Role) ? (value as Role) : undefined;
    const entityId = claimText(payload, claim.siret, 64);
    if (!role || !entityId || !/^[\w.-]+$/.test(entityId)) return undefined;
    const mandats = payload[claim.mandats];
    return {
      role,
      entityId,
      name: claimText(payload, claim.name),
      email: claimText(payload, claim.email),
      mandats: Array.isArray(mandats) ? mandats.filter((m): m is string => typeof m === 'string' && /^\d{14}$/.test(m)) : [],
    };
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
