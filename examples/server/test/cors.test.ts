/** CORS: only the configured portal origins may call the API from a browser. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { portalOrigins } from '../src/server.js';
import { ADH, testServer, type TestServer } from './helpers.js';

const PORTAL = 'http://127.0.0.1:8080';
let srv: TestServer;

before(async () => {
  srv = await testServer({ portalOrigins: [PORTAL, 'http://localhost:8080'] });
});
after(() => srv?.dispose());

describe('CORS', () => {
  it('defaults to the portal of npm start, and reads AKTO_PORTAL_ORIGIN', () => {
    assert.deepEqual(portalOrigins(undefined), ['http://127.0.0.1:8080', 'http://localhost:8080']);
    assert.deepEqual(portalOrigins(' https://portail.exemple.fr/ ,http://localhost:3000'), ['https://portail.exemple.fr', 'http://localhost:3000']);
  });

  it('answers the allowed origin with its CORS headers', async () => {
    const res = await fetch(`${srv.url}/dispositifs`, { headers: { origin: PORTAL, ...(await srv.bearer(ADH)) } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), PORTAL);
    assert.match(res.headers.get('vary') ?? '', /Origin/);
  });

  it('gives no CORS header to another origin', async () => {
    const res = await fetch(`${srv.url}/dispositifs`, { headers: { origin: 'https://pirate.exemple', ...(await srv.bearer(ADH)) } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-headers'), null);
  });

  it('answers a preflight of the allowed origin with 204, Authorization and Content-Type allowed', async () => {
    const res = await fetch(`${srv.url}/brouillons/1`, { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), PORTAL);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  it('refuses the preflight of another origin, without CORS headers', async () => {
    const res = await fetch(`${srv.url}/brouillons/1`, { method: 'OPTIONS', headers: { origin: 'https://pirate.exemple', 'access-control-request-method': 'PUT' } });
    assert.notEqual(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
