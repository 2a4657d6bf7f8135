/** A back end serving the REST contract in process, with a network that can be cut or fail (503). */
import { MemoryStore } from '../../src/workflow/store/memory-store.js';
import { handleRest } from '../../src/workflow/store/rest-contract.js';
import type { RetryTimer } from '../../src/workflow/store/http-store.js';
import type { DossierRecord } from '../../src/workflow/records.js';

export interface FakeNetwork {
  fetch: typeof fetch;
  backend: MemoryStore;
  /** 'down': the request never reaches the server (TypeError, as fetch offline); 503: it answers so; 'lost': the server does it, its answer never arrives. */
  mode: 'up' | 'down' | 503 | 'lost';
  /** The records the server accepted, in order. */
  accepted: DossierRecord[];
}

export function fakeNetwork(backend = new MemoryStore()): FakeNetwork {
  const net: FakeNetwork = {
    backend,
    mode: 'up',
    accepted: [],
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      if (net.mode === 'down') throw new TypeError('Failed to fetch');
      if (net.mode === 503) return new Response(JSON.stringify({ message: 'Service indisponible' }), { status: 503 });
      const url = new URL(String(input), 'http://portail.test');
      const res = await handleRest(backend, {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api/, ''),
        query: Object.fromEntries(url.searchParams),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        viewer: { role: 'adherent', entityId: '40101593800038' },
      });
      if ((init?.method ?? 'GET') === 'PUT' && res.status === 200 && url.pathname.includes('/dossiers/')) net.accepted.push(res.body as DossierRecord);
      if (net.mode === 'lost') throw new TypeError('Failed to fetch');
      return new Response(res.body === undefined ? null : JSON.stringify(res.body), { status: res.status });
    }) as typeof fetch,
  };
  return net;
}

/** A retry timer the test fires by hand (no waiting). */
export function manualTimer(): RetryTimer & { pending: number[]; fire(): void } {
  let next: (() => void) | undefined;
  const t = {
    pending: [] as number[],
    set(fn: () => void, ms: number) {
      next = fn;
      t.pending.push(ms);
      return t.pending.length;
    },
    clear() {
      next = undefined;
    },
    fire() {
      const fn = next;
      next = undefined;
      fn?.();
    },
  };
  return t;
}
