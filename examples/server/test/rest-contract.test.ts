/**
 * The store contract as a browser uses it: DossierService over HttpStore against the real server.
 * What it may do (create, save, list, delete its drafts, saved searches) round-trips; what it may
 * not (move a draft to "transmis", number it, change its parties, read another entity's) is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DossierService, HttpError, HttpStore, StaleRevisionError, type DossierRecord } from '@akto/engine';
import { ADH, OF, OTHER_ADH, as, example, testServer, type TestServer } from './helpers.js';

describe('REST store contract, guarded per viewer', () => {
  let server: TestServer;
  let store: HttpStore;
  let browser: DossierService;
  before(async () => {
    server = await testServer();
    store = new HttpStore({ baseUrl: server.url, headers: await server.bearer(ADH) });
    // The browser runs the workflow over the HTTP store; no back office behind it (autoTransmit off).
    browser = new DossierService(store, { autoTransmit: false });
  });
  after(async () => {
    await server.dispose();
  });

  it('round trip: a draft created, saved, read, listed and searched from the browser', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    assert.equal(record.revision, 1);
    assert.equal(record.state, 'saisieAdherent');
    assert.deepEqual(record.visibleTo, [`adherent:${ADH.entityId}`]);
    const full = example('cpro', 'valid.json');
    const saved = await browser.save(record.id, full, as(ADH), { revision: record.revision, tab: 'salarie' });
    assert.equal(saved.revision, 2);
    assert.equal(saved.lastTab, 'salarie');
    assert.equal(saved.summary.stagiaires[0]?.nomNaissance, 'STICH', 'list columns computed by the server');
    const read = await store.get(record.id);
    assert.deepEqual(read?.data, saved.data);
    assert.equal((await store.list({ kind: 'brouillons', text: 'stich' })).total, 1);
    assert.equal((await store.list({ kind: 'dossiers' })).total, 0);
    assert.equal(await store.get('99999'), undefined, 'unknown → undefined (404)');
    assert.equal((await browser.open(record.id, as(ADH))).label, 'En cours de saisie adhérent');
  });

  it('a stale save is a 409 (StaleRevisionError), the acknowledged one is kept', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    const tabA = await store.save({ ...record, data: { ...record.data, employeur: { email: 'a@exemple.fr' } } });
    await assert.rejects(store.save({ ...record, data: { ...record.data, employeur: { email: 'b@exemple.fr' } } }), (e: unknown) => {
      assert.ok(e instanceof StaleRevisionError);
      assert.match(e.message, /enregistré ailleurs entre-temps/);
      return true;
    });
    assert.deepEqual((await store.get(record.id))?.data, tabA.data);
  });

  it('refuses a PUT that moves a draft to "transmis", numbers it or changes its parties (400, French)', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    await browser.save(record.id, example('cpro', 'valid.json'), as(ADH), { revision: record.revision });
    const current = (await store.get(record.id))!;
    const put = (r: DossierRecord) => server.as(ADH).put(`/dossiers/${r.id}`, r);
    const tampered: [Partial<DossierRecord>, string[]][] = [
      [{ state: 'transmis', kind: 'dossier' }, ['state']],
      [{ numero: '2512CP999999' }, ['numero']],
      [{ transmittedAt: '2025-12-03T10:00:00.000Z' }, ['transmittedAt']],
      [{ creator: OTHER_ADH }, ['creator']],
      [{ adherent: OTHER_ADH }, ['adherent']],
      [{ mandatGestion: true }, ['mandatGestion']],
      [{ prestataires: [{ role: 'prestataire', entityId: '35600000049837' }] }, ['prestataires']],
    ];
    for (const [change, changed] of tampered) {
      const r = await put({ ...current, ...change });
      assert.equal(r.status, 400, JSON.stringify(change));
      assert.equal(r.body.message, `Le brouillon n° ${record.id} ne peut pas être enregistré ainsi : son état, son numéro de dossier et ses parties (créateur, adhérent, prestataires, mandat de gestion) ne changent que par les actions du brouillon (Transmettre, Reprendre, Refuser, Supprimer).`);
      assert.deepEqual(r.body.changed, changed);
    }
    const after = await server.store.get(record.id);
    assert.equal(after?.state, 'saisieAdherent');
    assert.equal(after?.revision, current.revision, 'nothing written');

    // The browser's own transmission (its service moves the state) is refused the same way…
    await assert.rejects(browser.transmit(record.id, as(ADH)), (e: unknown) => e instanceof HttpError && e.status === 400 && /ne changent que par les actions/.test(e.message));
    // …and so is drawing a dossier number.
    const seq = await server.as(ADH).post('/sequences/dossier:2512CP');
    assert.equal(seq.status, 403);
    assert.equal(seq.body.message, 'Les numéros de dossier sont attribués par le serveur à la transmission.');
    // Transmission goes through the workflow endpoint, which validates and numbers.
    const sent = await server.as(ADH).post(`/brouillons/${record.id}/transmettre`);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.record.numero, '2512CP000001');
    // A sent dossier is no longer modifiable by PUT nor deletable.
    const sentRecord = (await store.get(record.id))!;
    assert.equal((await put({ ...sentRecord, data: { ...sentRecord.data, pirate: 1 } })).status, 403);
    await assert.rejects(store.delete(record.id), (e: unknown) => e instanceof HttpError && e.status === 403);
  });

  it('recomputes what lists and access read: a forged visibleTo or summary is not taken', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    const saved = await store.save({
      ...record,
      visibleTo: [`adherent:${ADH.entityId}`, `adherent:${OTHER_ADH.entityId}`, 'gestionnaire'],
      summary: { formation: 'Forgé', stagiaires: [] },
      kind: 'dossier',
    });
    assert.deepEqual(saved.visibleTo, [`adherent:${ADH.entityId}`]);
    assert.equal(saved.kind, 'brouillon');
    assert.equal(saved.summary.formation, undefined);
    assert.equal((await server.as(OTHER_ADH).get(`/dossiers/${record.id}`)).status, 403);
  });

  it('a draft is created only under a number the server gave, as created by the server, for the signed-in entity', async () => {
    const ok = await store.nextSequence('brouillon');
    const id = String(10_000 + ok);
    const base = (await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH })).record;
    const fresh = { ...base, id, revision: 0 };
    const unallocated = await server.as(ADH).put('/dossiers/99999', { ...fresh, id: '99999' });
    assert.equal(unallocated.status, 400);
    assert.equal(unallocated.body.message, 'Le numéro de brouillon 99999 n\'a pas été attribué : créez le brouillon avec « Créer un nouveau dossier ».');
    const forged = await server.as(ADH).put(`/dossiers/${id}`, { ...fresh, state: 'transmis', numero: '2512CP000050' });
    assert.equal(forged.status, 400);
    assert.deepEqual(forged.body.changed, ['state', 'numero']);
    const forOther = await server.as(ADH).put(`/dossiers/${id}`, { ...fresh, creator: OTHER_ADH, adherent: OTHER_ADH });
    assert.equal(forOther.status, 403);
    assert.equal(forOther.body.message, 'Vous ne pouvez créer un brouillon qu’au nom de votre entité.');
    assert.equal(await server.store.get(id), undefined, 'nothing stored by the refused creations');
    const created = await store.save(fresh);
    assert.equal(created.revision, 1);
    assert.equal(created.id, id);
  });

  it('a provider reads its view only; employer-only values survive what it writes back', async () => {
    const adh = new DossierService(new HttpStore({ baseUrl: server.url, headers: await server.bearer(ADH) }), { autoTransmit: false });
    const ofStore = new HttpStore({ baseUrl: server.url, headers: await server.bearer(OF) });
    const { record } = await adh.create({ dispositif: 'cpro', creator: ADH, adherent: ADH, prestataire: OF });
    await adh.save(record.id, example('cpro', 'valid.json'), as(ADH), { revision: record.revision });
    // Not visible to the provider while the employer is entering it.
    await assert.rejects(ofStore.get(record.id), (e: unknown) => e instanceof HttpError && e.status === 403);
    assert.equal((await ofStore.list({ text: record.id })).total, 0);
    const sent = await server.as(ADH).post(`/brouillons/${record.id}/transmettre`);
    assert.equal(sent.status, 200);
    const seen = (await ofStore.get(record.id))!;
    assert.equal((seen.data.contrat as Record<string, unknown>).salaireBrut, undefined, 'employer-only field not shown to the provider');
    const listed = await ofStore.list({ kind: 'dossiers', text: record.id });
    assert.equal(listed.items.length, 1);
    assert.equal((listed.items[0]!.data.contrat as Record<string, unknown>).salaireBrut, undefined, 'nor in lists');
    assert.equal(((await server.store.get(record.id))!.data.contrat as Record<string, unknown>).salaireBrut, 1500, 'still stored');
  });

  it('deletes a draft through "Supprimer": gone from every list, never from the database', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    await store.delete(record.id);
    assert.equal(await store.get(record.id), undefined);
    assert.equal((await store.list({ text: record.id })).total, 0);
    assert.equal((await server.store.get(record.id))?.state, 'supprime', 'kept as deleted');
    await assert.rejects(store.delete('99999'), (e: unknown) => e instanceof Error && /introuvable/.test(e.message));
  });

  it('keeps preferences (saved searches) per entity', async () => {
    const searches = [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'], states: ['saisieAdherent'] } }];
    await store.setPreference('acces-rapides', searches);
    assert.deepEqual(await store.getPreference('acces-rapides'), searches);
    const other = new HttpStore({ baseUrl: server.url, headers: await server.bearer(OTHER_ADH) });
    assert.equal(await other.getPreference('acces-rapides'), undefined, 'another entity does not read them');
    await other.setPreference('acces-rapides', []);
    assert.deepEqual(await store.getPreference('acces-rapides'), searches, 'nor overwrite them');
  });

  it('never answers 500 to a malformed record, and stores nothing from it', async () => {
    const { record } = await browser.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    const fresh = String(10_000 + (await store.nextSequence('brouillon')));
    const bodies: unknown[] = [
      { ...record, data: null },
      { ...record, data: [1] },
      { ...record, prestataires: 'x' },
      { ...record, prestataires: [null, 3] },
      { ...record, creator: 'x', adherent: null },
      { ...record, state: { $ne: 1 } },
      { ...record, id: fresh, revision: 0, dispositif: { x: 1 } },
      { ...record, id: fresh, revision: 0, creator: null },
      { ...record, id: fresh, revision: 0, adherent: 'x' },
      { ...record, id: fresh, revision: 0, prestataires: [null] },
      { ...record, id: fresh, revision: 0, dispositif: 'inexistant' },
      { ...record, id: fresh, revision: 7 },
      { ...record, id: fresh, revision: 0, sousDispositif: 'autre' },
    ];
    for (const body of bodies) {
      const id = (body as { id: string }).id;
      const r = await server.as(ADH).put(`/dossiers/${id}`, body);
      assert.ok([400, 403, 404, 409].includes(r.status), `${r.status} ${JSON.stringify(r.body)} for ${JSON.stringify(body).slice(0, 120)}`);
      assert.equal(typeof r.body.message, 'string');
    }
    assert.equal((await server.store.get(record.id))?.revision, record.revision, 'the draft untouched');
    assert.equal(await server.store.get(fresh), undefined, 'no record created');
  });

  it('answers unknown resources and unauthenticated calls in French', async () => {
    assert.deepEqual(await server.as(ADH).get('/sequences'), { status: 404, body: { message: 'Ressource inconnue.' } });
    const anonymous = new HttpStore({ baseUrl: server.url });
    await assert.rejects(anonymous.list(), (e: unknown) => e instanceof HttpError && e.status === 401 && /identifié/.test(e.message));
    const bad = await server.as(ADH).put('/dossiers/10001', { id: '10002', revision: 1, data: {} });
    assert.deepEqual(bad, { status: 400, body: { message: 'Brouillon mal formé.' } });
  });
});
