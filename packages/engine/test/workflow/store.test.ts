import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '../../src/workflow/store/memory-store.js';
import { HttpStore } from '../../src/workflow/store/http-store.js';
import { handleRest } from '../../src/workflow/store/rest-contract.js';
import { StaleRevisionError } from '../../src/workflow/store/types.js';
import { sampleRecord, storeContract } from './store-contract.js';

storeContract('memory', async () => new MemoryStore(), { describe, it });

/** HTTP store against the REST handler, through an in-process fetch (no network). */
function inProcessFetch(backend = new MemoryStore()): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const res = await handleRest(backend, {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, ''),
      query: Object.fromEntries(url.searchParams),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      viewer: JSON.parse(new Headers(init?.headers).get('x-viewer') ?? 'null') ?? undefined,
    });
    return new Response(res.body === undefined ? null : JSON.stringify(res.body), { status: res.status });
  }) as typeof fetch;
}
// The viewer comes from the host's authentication (here a header the test back end trusts), never from the query.
const signedIn = { 'x-viewer': JSON.stringify({ role: 'adherent', entityId: '40101593800038' }) };
storeContract('http (in-process)', async () => new HttpStore({ baseUrl: 'http://portail.test/api', fetch: inProcessFetch(), headers: signedIn }), { describe, it });

describe('http store over a real loopback server', () => {
  it('saves, refuses a stale revision with 409 and survives a server restart of the handler', async () => {
    const backend = new MemoryStore();
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const out = await handleRest(backend, {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/api/, ''),
        query: Object.fromEntries(url.searchParams),
        body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined,
      });
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body === undefined ? undefined : JSON.stringify(out.body));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const store = new HttpStore({ baseUrl: `http://127.0.0.1:${port}/api` });
      const saved = await store.save(sampleRecord());
      assert.equal(saved.revision, 1);
      // An older copy with other data: a conflict, and the server keeps what it had. (The same data again is
      // a retry after a lost answer, saved: outbox.browser.test.ts.)
      const stale = { ...saved, revision: 0, data: { ...saved.data, autre: 'modification' } };
      await assert.rejects(store.save(stale), StaleRevisionError);
      assert.equal((await store.get(saved.id))?.revision, 1);
      assert.equal((await store.list({ text: 'martino' })).total, 1);
    } finally {
      server.close();
    }
  });

  it('says the server does not answer, in French, without losing the input', async () => {
    const store = new HttpStore({ baseUrl: 'http://127.0.0.1:9/api' });
    await assert.rejects(store.get('1'), /Le serveur ne répond pas/);
  });
});
