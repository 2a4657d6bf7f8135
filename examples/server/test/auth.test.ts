/**
 * Signed identity: the viewer comes from a verified JWT only (signature, issuer, audience, expiry), from
 * the demo sign-in or from a configured issuer (local key file, JWKS URL, claim names); the old X-Akto-*
 * headers are ignored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { DossierRecord } from '@akto/engine';
import { DEMO_AUDIENCE, DEMO_ISSUER, demoIssuer } from '../src/demo-auth.js';
import { startServer, type RunningServer } from '../src/server.js';
import { ADH, Client, claimsOf, NOW, OF, testServer, type TestServer } from './helpers.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('signed identity (demo sign-in)', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  it('answers 401 without a valid token; the X-Akto-* headers are ignored', async () => {
    const ask = (headers?: Record<string, string>) => new Client(server.url, headers).get('/brouillons');
    const valid = await server.demo!.sign(claimsOf(ADH));
    assert.equal((await ask(bearer(valid))).status, 200, 'a valid token is accepted');
    assert.equal((await ask()).status, 401);
    assert.equal((await ask({ 'x-akto-role': 'adherent', 'x-akto-entity': ADH.entityId })).status, 401, 'headers alone say nothing');
    assert.equal((await ask({ authorization: 'Bearer pas-un-jeton' })).status, 401);
    assert.equal((await ask({ authorization: valid })).status, 401, 'Bearer scheme required');
    const expired = await server.demo!.sign(claimsOf(ADH), { now: new Date(Date.now() - 10 * 3600_000), ttl: 3600 });
    assert.equal((await ask(bearer(expired))).status, 401, 'expired');
    assert.equal((await ask(bearer(await server.demo!.sign(claimsOf(ADH), { audience: 'autre-api' })))).status, 401, 'other audience');
    assert.equal((await ask(bearer(await server.demo!.sign(claimsOf(ADH), { issuer: 'https://pirate.exemple' })))).status, 401, 'other issuer');
    const stranger = await demoIssuer(); // same issuer and audience, another key
    assert.equal((await ask(bearer(await stranger.sign(claimsOf(ADH))))).status, 401, 'signed with another key');
    const [head, , signature] = valid.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(ADH), akto_role: 'gestionnaire', iss: DEMO_ISSUER, aud: DEMO_AUDIENCE, exp: 9_999_999_999 })).toString('base64url');
    assert.equal((await ask(bearer(`${head}.${forged}.${signature}`))).status, 401, 'payload changed after signing');
    const r = await ask(bearer(await server.demo!.sign({ role: 'pirate' as never, siret: 'x' })));
    assert.equal(r.status, 401, 'unknown role');
    assert.match(r.body.message, /n’êtes pas identifié/);
  });

  it('the sign-in page lists the demo users and hands a token back to a local page only', async () => {
    const origin = new URL(server.url).origin;
    const page = await fetch(`${origin}/auth/?redirect=${encodeURIComponent('http://127.0.0.1:8080/examples/portal/"><script>')}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const label of ['Employeur (adhérent) HUMANDO', 'LEGOUD CONSEIL FORMATION (sans mandat de gestion)', 'mandat de gestion de HUMANDO', 'Gestionnaire AKTO']) assert.ok(html.includes(label), label);
    assert.equal(html.includes('<script>'), false, 'the redirect is never injected as HTML');
    const form = (fields: Record<string, string>) =>
      fetch(`${origin}/auth/token`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const back = await form({ user: 'employeur', redirect: 'http://127.0.0.1:8080/examples/portal/' });
    assert.equal(back.status, 303);
    const location = new URL(back.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, 'http://127.0.0.1:8080/examples/portal/');
    const token = new URLSearchParams(location.hash.slice(1)).get('access_token')!;
    const drafts = await new Client(server.url, bearer(token)).post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' });
    assert.equal(drafts.status, 201);
    assert.deepEqual([drafts.body.record.creator.entityId, drafts.body.record.creator.name, drafts.body.record.creator.email], [ADH.entityId, 'HUMANDO', 'rh@humando.exemple.fr'], 'name and e-mail from the token');
    const elsewhere = await form({ user: 'agent', redirect: 'https://pirate.exemple/vol' });
    assert.equal(elsewhere.status, 200, 'no redirect to another site: the token is answered, not sent away');
    assert.equal(((await elsewhere.json()) as { user: { role: string } }).user.role, 'gestionnaire');
    assert.equal((await form({ user: 'inconnu' })).status, 400);
    const jwks = (await (await fetch(`${origin}/auth/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]!.d, undefined, 'the private part is never published');
  });

  it('a provider acts for the employer (mandat de gestion) only when its token lists that employer', async () => {
    const body = { dispositif: 'cpro', adherent: { entityId: ADH.entityId }, mandatGestion: true };
    const without = await server.as(OF).post('/brouillons', body);
    assert.equal(without.status, 403);
    assert.equal(without.body.message, 'Vous ne détenez pas de mandat de gestion pour cet employeur : transmettez la demande à l’adhérent.');
    const other = await server.as({ ...OF, mandats: ['73282932000074'] }).post('/brouillons', body);
    assert.equal(other.status, 403, 'a mandate for another employer');
    const withMandat = await server.as({ ...OF, mandats: [ADH.entityId] }).post<{ record: DossierRecord }>('/brouillons', body);
    assert.equal(withMandat.status, 201);
    assert.equal(withMandat.body.record.mandatGestion, true);
  });

  it('keeps its signing key in the data folder: tokens outlive a restart', async () => {
    const token = await server.demo!.sign(claimsOf(ADH));
    const file = join(server.dir, 'demo-signing-key.json');
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o077, 0, 'readable by its owner only');
    server = await server.restart();
    assert.equal((await new Client(server.url, bearer(token)).get('/brouillons')).status, 200);
  });
});

describe('signed identity from a configured issuer', () => {
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('verifies tokens with a local key file, the configured claim names and role values; no demo sign-in then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'akto-auth-'));
    dirs.push(dir);
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), alg: 'RS256', kid: 'k1' }] }));
    const issuer = 'https://connexion.akto.exemple';
    const running = await startServer({
      port: 0,
      now: () => NOW,
      auth: { issuer, audience: 'mon-espace', keyFile: join(dir, 'jwks.json'), claims: { role: 'profil', siret: 'rattachement' }, roles: { ENTREPRISE: 'adherent', OF: 'prestataire' } },
    });
    servers.push(running);
    const token = (claims: Record<string, unknown>, exp: number | null = Math.floor(Date.now() / 1000) + 600) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience('mon-espace');
      return (exp === null ? jwt : jwt.setExpirationTime(exp)).sign(privateKey);
    };
    const ask = async (claims: Record<string, unknown>) => new Client(running.url, bearer(await token(claims))).get('/brouillons');
    assert.equal((await ask({ profil: 'ENTREPRISE', rattachement: ADH.entityId })).status, 200);
    assert.equal((await ask({ profil: 'adherent', rattachement: ADH.entityId })).status, 401, 'only the configured role values');
    assert.equal((await ask({ akto_role: 'adherent', siret: ADH.entityId })).status, 401, 'only the configured claim names');
    assert.equal((await ask({ profil: 'ENTREPRISE' })).status, 401, 'no SIRET, no viewer');
    const noExpiry = await new Client(running.url, bearer(await token({ profil: 'ENTREPRISE', rattachement: ADH.entityId }, null))).get('/brouillons');
    assert.equal(noExpiry.status, 401, 'a token without expiry is refused');
    assert.equal((await fetch(`${new URL(running.url).origin}/auth/`)).status, 404, 'no demo sign-in beside a real issuer');
    assert.equal(running.demo, undefined);
  });

  it('verifies tokens against the issuer’s JWKS URL', async () => {
    const provider = await startServer({ port: 0 }); // its demo sign-in plays the identity provider
    servers.push(provider);
    const origin = new URL(provider.url).origin;
    const api = await startServer({ port: 0, now: () => NOW, auth: { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, jwksUrl: `${origin}/auth/jwks.json` } });
    servers.push(api);
    const signIn = await fetch(`${origin}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'of-mandat' }) });
    const { access_token } = (await signIn.json()) as { access_token: string };
    const r = await new Client(api.url, bearer(access_token)).post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro', adherent: { entityId: ADH.entityId }, mandatGestion: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.record.creator.role, r.body.record.creator.name, r.body.record.mandatGestion], ['prestataire', 'BUREAU VERITAS EXPLOITATION', true]);
    const foreign = await (await demoIssuer()).sign(claimsOf(ADH));
    assert.equal((await new Client(api.url, bearer(foreign)).get('/brouillons')).status, 401, 'a key the JWKS does not publish');
  });
});
