// HttpStore's outbox in headless Chromium (IndexedDB): the network is cut or fails mid-save; nothing is lost.
import { expect } from '@open-wc/testing';
import { HttpStore } from '../../src/workflow/store/http-store.js';
import { IndexedDbOutbox } from '../../src/workflow/store/outbox.js';
import { StaleRevisionError, type SyncEvent } from '../../src/workflow/store/types.js';
import { sampleRecord } from './store-contract.js';
import { fakeNetwork, manualTimer } from './fake-network.js';

let n = 0;
const outboxName = () => `akto-outbox-test-${Date.now()}-${n++}`;
const until = async (cond: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
};

function setUp(name = outboxName()) {
  const net = fakeNetwork();
  const timer = manualTimer();
  const store = new HttpStore({ baseUrl: '/api', fetch: net.fetch, outbox: new IndexedDbOutbox(name), timer, retryDelays: [1000, 4000] });
  const events: SyncEvent[] = [];
  store.onSync((e) => events.push(e));
  return { net, timer, store, events, name };
}

describe('HttpStore outbox', () => {
  it('network cut mid-save: kept on this device, retried with back-off, the server receives the last data', async () => {
    const { net, timer, store, events } = setUp();
    const first = await store.save(sampleRecord({ data: { note: 'en ligne' } }));
    expect(store.syncState(first.id)).to.equal('saved');
    net.mode = 'down';
    const offline = await store.save({ ...first, data: { note: 'hors ligne 1' } });
    expect(store.syncState(first.id)).to.equal('pending');
    expect(events.at(-1)?.reason).to.contain('gardée sur cet appareil');
    const again = await store.save({ ...offline, data: { note: 'hors ligne 2' } });
    expect((await store.get(first.id))?.data, 'reads what waits on this device').to.deep.equal({ note: 'hors ligne 2' });
    timer.fire();
    await until(() => timer.pending.length >= 2);
    expect(timer.pending, 'waits longer after each failure').to.deep.equal([1000, 4000]);
    net.mode = 'up';
    timer.fire();
    await until(() => store.syncState(first.id) === 'saved');
    expect(net.accepted.at(-1)?.data).to.deep.equal({ note: 'hors ligne 2' });
    expect((await net.backend.get(first.id))?.data).to.deep.equal({ note: 'hors ligne 2' });
    // The writer goes on from what it was handed back: no false conflict.
    const next = await store.save({ ...again, data: { note: 'suite' } });
    expect(next.revision).to.equal((await net.backend.get(first.id))?.revision);
    expect((await net.backend.get(first.id))?.data).to.deep.equal({ note: 'suite' });
    store.dispose();
  });

  it('a 503 is retried when the browser is back online', async () => {
    const { net, store } = setUp();
    net.mode = 503;
    const saved = await store.save(sampleRecord({ data: { note: 'pendant la panne' } }));
    expect(store.syncState(saved.id)).to.equal('pending');
    expect(await net.backend.get(saved.id)).to.equal(undefined);
    net.mode = 'up';
    window.dispatchEvent(new Event('online'));
    await until(() => store.syncState(saved.id) === 'saved');
    expect((await net.backend.get(saved.id))?.data).to.deep.equal({ note: 'pendant la panne' });
    store.dispose();
  });

  it('the page reloads with a save waiting: the new page sends it', async () => {
    const { net, store, name } = setUp();
    net.mode = 'down';
    const saved = await store.save(sampleRecord({ data: { note: 'avant le rechargement' } }));
    store.dispose();
    net.mode = 'up';
    const reloaded = new HttpStore({ baseUrl: '/api', fetch: net.fetch, outbox: new IndexedDbOutbox(name), timer: manualTimer() });
    await until(async () => (await net.backend.get(saved.id)) !== undefined);
    expect((await net.backend.get(saved.id))?.data).to.deep.equal({ note: 'avant le rechargement' });
    reloaded.dispose();
  });

  it('a stale revision met in the background is kept aside: neither version is overwritten until the user chooses', async () => {
    const { net, timer, store } = setUp();
    const first = await store.save(sampleRecord({ data: { note: 'commun' } }));
    net.mode = 'down';
    const mine = await store.save({ ...first, data: { note: 'la mienne' } });
    await net.backend.save({ ...first, data: { note: 'la leur' } });
    net.mode = 'up';
    timer.fire();
    await until(() => store.syncState(first.id) === 'conflict');
    expect((await net.backend.get(first.id))?.data, 'theirs untouched').to.deep.equal({ note: 'la leur' });
    let error: unknown;
    await store.save({ ...mine, data: { note: 'la mienne, encore' } }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(StaleRevisionError);
    expect((await net.backend.get(first.id))?.data).to.deep.equal({ note: 'la leur' });
    await store.discardPending(first.id);
    expect((await store.get(first.id))?.data, 'after the choice, the server version').to.deep.equal({ note: 'la leur' });
    store.dispose();
  });
});
