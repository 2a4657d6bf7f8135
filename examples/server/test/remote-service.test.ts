/**
 * RemoteDossierService (@akto/engine) against the real example server: what the elements ask of a
 * workflow, over `/api/brouillons` and `/api/jobs`, with the same errors as the local DossierService.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError, RemoteDossierService, RemoteError, StaleRevisionError, WorkflowError, type Viewer } from '@akto/engine';
import { ADH, OTHER_ADH, as, example, testServer, type TestServer, type User } from './helpers.js';

describe('RemoteDossierService over the example server', () => {
  let server: TestServer;
  let unauthorized = 0;
  const remote = (user: User | undefined) => {
    const token = user ? server.demo!.sign({ role: user.role, siret: user.entityId, name: user.name }) : undefined;
    return new RemoteDossierService({ baseUrl: server.url, token: () => token, onUnauthorized: () => unauthorized++ });
  };
  const viewer: Viewer = as(ADH);
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  it('creates, saves, lists and reopens a draft kept by the server', async () => {
    const service = remote(ADH);
    const { record } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    assert.match(record.id, /^\d{5}$/);
    const saved = await service.save(record.id, { ...example('cpro', 'valid.json') }, viewer, { revision: record.revision, tab: 'salarie' });
    assert.equal(saved.revision, record.revision + 1);
    const page = await service.list({ kind: 'brouillons' }, viewer);
    assert.ok(page.items.some((r) => r.id === record.id));
    const actions = await service.rowActions(page.items.find((r) => r.id === record.id)!, viewer);
    assert.equal(actions.modifier, true);
    assert.equal(actions.supprimer, true);
    const opened = await service.open(record.id, viewer);
    assert.equal(opened.editable, true);
    assert.equal(opened.record.revision, saved.revision);
    assert.equal((await service.engine('cpro')).definition.identity.id, 'cpro', 'engines are the page’s own');
  });

  it('a stale save is a StaleRevisionError; an unknown id a NotFoundError', async () => {
    const service = remote(ADH);
    const { record } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    await service.save(record.id, {}, viewer, { revision: record.revision });
    await assert.rejects(service.save(record.id, {}, viewer, { revision: record.revision }), (e) => e instanceof StaleRevisionError && /enregistré ailleurs/.test(e.message));
    await assert.rejects(service.open('99999', viewer), NotFoundError);
  });

  it('a refused transmission carries the errors (« Saisie Invalide »); a valid one is transmitted by the server', async () => {
    const service = remote(ADH);
    const { record } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    await assert.rejects(service.transmit(record.id, viewer), (e) => e instanceof WorkflowError && e.code === 'invalid' && (e.result?.errors.length ?? 0) > 0);
    const saved = await service.save(record.id, example('cpro', 'valid.json'), viewer, { revision: record.revision });
    const sent = await service.transmit(saved.id, viewer);
    assert.match(sent.record.numero ?? '', /^\d{4}CP\d{6}$/);
    await assert.rejects(service.transmit(saved.id, viewer), (e) => e instanceof WorkflowError && e.code === 'refused', 'twice: refused (403)');
  });

  it('another entity’s draft is refused; without a token the page is told to sign in again', async () => {
    const { record } = await remote(ADH).create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    await assert.rejects(remote(OTHER_ADH).open(record.id, as(OTHER_ADH)), WorkflowError);
    const before = unauthorized;
    await assert.rejects(remote(undefined).list({}, viewer), (e) => e instanceof RemoteError && e.status === 401 && /identifié/.test(e.message));
    assert.equal(unauthorized, before + 1);
  });

  it('duplicates and deletes; preferences are kept by the server', async () => {
    const service = remote(ADH);
    const { record } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    const copy = await service.duplicate(record.id, viewer, { tabs: ['salarie'] });
    assert.notEqual(copy.record.id, record.id);
    await service.remove(copy.record.id, viewer);
    await assert.rejects(service.open(copy.record.id, viewer), NotFoundError);
    await service.store.setPreference('colonnes', ['id', 'etat']);
    assert.deepEqual(await service.store.getPreference('colonnes'), ['id', 'etat']);
  });

  it('« Déposer un document » on a sent dossier: kept by the server with its limits; a malformed body is a 400 with nothing written', async () => {
    const service = remote(ADH);
    const { record } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
    const saved = await service.save(record.id, example('cpro', 'valid.json'), viewer, { revision: record.revision });
    const sent = await service.transmit(saved.id, viewer);
    const file = { type: 'avenant', nom: 'avenant.pdf', taille: 1000, format: 'pdf', ref: 'ged:42' };
    const { record: withFile } = await service.addDocument(sent.record.id, viewer, file);
    const stored = await server.store.get(sent.record.id);
    const files = (stored?.data.documents as { fichiers?: Record<string, unknown>[] } | undefined)?.fichiers ?? [];
    assert.deepEqual(
      files.filter((f) => f.type === 'avenant').map(({ depotLe: _, ...f }) => f),
      [file],
      'the file is on the server with the host’s reference',
    );
    assert.equal(withFile.revision, stored?.revision);
    await assert.rejects(service.addDocument(sent.record.id, viewer, { ...file, taille: 30 * 1024 * 1024 }), (e) => e instanceof WorkflowError && e.message === 'Poids : 20Mo maximum.');
    await assert.rejects(service.addDocument(sent.record.id, viewer, { ...file, type: 'inconnu' }), (e) => e instanceof WorkflowError && e.message === 'Choisissez un type de document proposé.');
    await assert.rejects(remote(OTHER_ADH).addDocument(sent.record.id, as(OTHER_ADH), file), WorkflowError, 'another entity’s dossier');
    const token = await server.demo!.sign({ role: ADH.role, siret: ADH.entityId, name: ADH.name });
    for (const body of ['{"type":"avenant"}', '[1]', '{"type":"avenant","nom":"a.pdf","taille":-1,"format":"pdf"}', '{"type":"avenant","nom":"a.pdf","taille":"12","format":"pdf"}']) {
      const res = await fetch(`${server.url}/brouillons/${sent.record.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      assert.equal(res.status, 400, body);
      assert.match(((await res.json()) as { message: string }).message, /^Document mal formé/);
    }
    assert.equal((await server.store.get(sent.record.id))?.revision, stored?.revision, 'nothing written by the refusals');
  });

  it('queues a CERFA job for the list and reads its progress (done / total)', async () => {
    const service = remote(ADH);
    const queued = await service.queueJob({ type: 'cerfa', query: { kind: 'brouillons' } });
    assert.ok(queued.total > 0);
    await server.host.jobs.idle();
    const job = await service.job(queued.id);
    assert.equal(job.done, job.total);
    assert.equal(job.state, 'termine');
  });
});
