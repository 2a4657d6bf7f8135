// HttpStore's outbox in headless Chromium (IndexedDB): the network is cut or fails mid-save; nothing is lost.
import { expect } from '@open-wc/testing';
import { HttpStore } from '../../src/workflow/store/http-store.js';
import { IndexedDbOutbox } from '../../src/workflow/store/outbox.js';
import { StaleRevisionError, type SyncEvent } from '../../src/workflow/store/types.js';
import { DossierService } from '../../src/workflow/service.js';
import { isProvisionalDraftId } from '../../src/workflow/draft-id.js';
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

  it('the answer to a save is lost on the way back: the retry meets its own write, saved without a false conflict', async () => {
    const { net, timer, store } = setUp();
    const first = await store.save(sampleRecord({ data: { note: 'avant' } }));
    net.mode = 'lost';
    const waiting = await store.save({ ...first, data: { note: 'reçue par le serveur' } });
    expect(store.syncState(first.id)).to.equal('pending');
    expect((await net.backend.get(first.id))?.data, 'the server has it').to.deep.equal({ note: 'reçue par le serveur' });
    net.mode = 'up';
    timer.fire();
    await until(() => store.syncState(first.id) === 'saved');
    expect(await store.keptAside(first.id), 'nothing kept aside').to.equal(undefined);
    const next = await store.save({ ...waiting, data: { note: 'suite' } });
    expect(next.revision).to.equal((await net.backend.get(first.id))?.revision);
    expect((await net.backend.get(first.id))?.data).to.deep.equal({ note: 'suite' });
    store.dispose();
  });

  it('a 409 whose server data differs stays a conflict', async () => {
    const { net, timer, store } = setUp();
    const first = await store.save(sampleRecord({ data: { note: 'avant' } }));
    net.mode = 'lost';
    await store.save({ ...first, data: { note: 'reçue par le serveur' } });
    const server = (await net.backend.get(first.id))!;
    await net.backend.save({ ...server, data: { note: 'autre onglet' } });
    net.mode = 'up';
    timer.fire();
    await until(() => store.syncState(first.id) === 'conflict');
    expect((await net.backend.get(first.id))?.data, 'the other tab’s save is not overwritten').to.deep.equal({ note: 'autre onglet' });
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

  it('a new draft created offline gets a provisional id, then the server\'s number on the first send', async () => {
    const { net, timer, store, events } = setUp();
    const service = new DossierService(store);
    const viewer = { role: 'adherent' as const, entityId: '40101593800038' };
    net.mode = 'down';
    const { record } = await service.create({ dispositif: 'cpro', creator: viewer, adherent: viewer, data: { employeur: { email: 'a@exemple.fr' } } });
    expect(isProvisionalDraftId(record.id), record.id).to.equal(true);
    expect(store.syncState(record.id)).to.equal('pending');
    const saved = await service.save(record.id, { employeur: { email: 'b@exemple.fr' } }, viewer, { revision: record.revision });
    expect(saved.id).to.equal(record.id);
    net.mode = 'up';
    timer.fire();
    await until(() => events.some((e) => e.renamed));
    const renamed = events.find((e) => e.renamed)!;
    expect(renamed.id).to.equal(record.id);
    expect(renamed.renamed).to.match(/^\d+$/);
    const onServer = await net.backend.get(renamed.renamed!);
    expect((onServer?.data as { employeur?: { email?: string } }).employeur?.email, 'the last input reached the server').to.equal('b@exemple.fr');
    expect((await net.backend.list()).total, 'one draft, not two').to.equal(1);
    // The writer goes on under either id, from the revision it was handed back: no false conflict.
    const next = await service.save(record.id, { employeur: { email: 'c@exemple.fr' } }, viewer, { revision: saved.revision });
    expect(next.id).to.equal(renamed.renamed);
    expect(((await net.backend.get(next.id))?.data as { employeur?: { email?: string } }).employeur?.email).to.equal('c@exemple.fr');
    store.dispose();
  });

  it('a stale revision met by a save the user waits for stays on this device across a reload until the choice', async () => {
    const { net, store, name } = setUp();
    const first = await store.save(sampleRecord({ data: { note: 'commun' } }));
    await net.backend.save({ ...first, data: { note: 'la leur' } });
    let error: unknown;
    await store.save({ ...first, data: { note: 'la mienne' } }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(StaleRevisionError);
    store.dispose();
    const reloaded = new HttpStore({ baseUrl: '/api', fetch: net.fetch, outbox: new IndexedDbOutbox(name), timer: manualTimer() });
    expect((await reloaded.get(first.id))?.data, 'reads as the server holds it').to.deep.equal({ note: 'la leur' });
    expect(reloaded.syncState(first.id)).to.equal('conflict');
    const kept = await reloaded.keptAside(first.id);
    expect(kept?.data, 'the input kept on this device').to.deep.equal({ note: 'la mienne' });
    let again: unknown;
    await reloaded.save({ ...kept!, data: { note: 'la mienne, encore' } }).catch((e) => (again = e));
    expect(again, 'saved again at its revision, it meets the conflict again').to.be.instanceOf(StaleRevisionError);
    expect((await net.backend.get(first.id))?.data, 'theirs untouched').to.deep.equal({ note: 'la leur' });
    await reloaded.discardPending(first.id);
    expect(await reloaded.keptAside(first.id), 'gone once the user chose').to.equal(undefined);
    reloaded.dispose();
  });
});
