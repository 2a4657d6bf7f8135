import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierRecord } from '@akto/engine';
import { ADH, OF, testServer, type TestServer } from './helpers.js';

describe('« Envoyez-moi le lien par e-mail » (POST /brouillons/:id/lien)', () => {
  let server: TestServer;
  let draft: DossierRecord;
  const link = (id: string) => `http://127.0.0.1:8080/demande.html?brouillon=${id}&onglet=employeur`;
  before(async () => {
    server = await testServer();
    const r = await server.as(OF).post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro', adherent: { entityId: ADH.entityId, name: ADH.name } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    draft = r.body.record;
  });
  after(async () => {
    await server.dispose();
  });

  it('puts the mail with the resume link in the outbox, to the e-mail of the signed-in user', async () => {
    const r = await server.as(OF).post(`/brouillons/${draft.id}/lien`, { link: link(draft.id) });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.deepEqual(r.body, { message: 'Le lien vous a été envoyé par e-mail.', to: OF.email });
    const mail = (await server.store.outbox()).map((e) => e.notification).find((n) => n.kind === 'lien-reprise');
    assert.ok(mail, 'mail kept for the sender');
    assert.equal(mail.address, OF.email);
    assert.equal(mail.to, 'prestataire');
    assert.equal(mail.dossier, draft.id);
    assert.ok(mail.text.includes(link(draft.id)), mail.text);
    assert.match(mail.text, new RegExp(`brouillon n° ${draft.id}`));
  });

  it('refuses a draft the viewer cannot see, and sends nothing', async () => {
    const before = (await server.store.outbox()).length;
    const other = await server.as(ADH).post(`/brouillons/${draft.id}/lien`, { link: link(draft.id) });
    assert.ok(other.status === 403 || other.status === 404, `${other.status}`);
    assert.equal(typeof other.body.message, 'string');
    const unknown = await server.as(OF).post('/brouillons/99999/lien', { link: link('99999') });
    assert.equal(unknown.status, 404);
    assert.equal((await server.as(undefined).post(`/brouillons/${draft.id}/lien`, { link: link(draft.id) })).status, 401);
    assert.equal((await server.store.outbox()).length, before);
  });

  it('refuses a link that is not a web address, and a user without e-mail, in French', async () => {
    for (const bad of [undefined, '', 'javascript:alert(1)', 'pas un lien']) {
      const r = await server.as(OF).post(`/brouillons/${draft.id}/lien`, { link: bad });
      assert.equal(r.status, 400, String(bad));
      assert.equal(r.body.message, 'Le lien de reprise est invalide.');
    }
    const own = await server.as(ADH).post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const r = await server.as(ADH).post(`/brouillons/${own.body.record.id}/lien`, { link: link(own.body.record.id) });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /Aucune adresse e-mail n’est connue pour votre compte/);
  });
});
