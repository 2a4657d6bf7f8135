import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierRecord, ValidationIssue } from '@akto/engine';
import { ADH, Client, GEST, OF, OTHER_ADH, example, testServer, type Answer, type TestServer } from './helpers.js';

type Presented = { record: DossierRecord; actions: { modifier: boolean; dupliquer: boolean; supprimer: boolean; label: string } };
type Refusal = { message: string; errors?: ValidationIssue[]; tabs?: Record<string, { valid: boolean }>; changed?: string[] };

const ids = (errors: ValidationIssue[] | undefined) => (errors ?? []).map((e) => `${e.rule}@${e.path}`);

async function created(client: Client, body: unknown): Promise<DossierRecord> {
  const r = await client.post<Presented>('/brouillons', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.record;
}

async function saved(client: Client, id: string, data: unknown, revision: number): Promise<DossierRecord> {
  const r = await client.put<Presented>(`/brouillons/${id}`, { data, revision });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.record;
}

describe('workflow over HTTP and PostgreSQL', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  it('refuses a request without a signed-in viewer (401, French)', async () => {
    const r = await server.as(undefined).get('/brouillons');
    assert.equal(r.status, 401);
    assert.match(r.body.message, /n’êtes pas identifié/);
    const bad = await server.as({ role: 'pirate' as never, entityId: 'x' }).get('/brouillons');
    assert.equal(bad.status, 401, 'an unknown role is no viewer');
  });

  it('a provider creates and hands over; the employer resumes and transmits; a dossier number is assigned', async () => {
    const of = server.as(OF);
    const adh = server.as(ADH);
    const draft = await created(of, { dispositif: 'cpro', adherent: { entityId: ADH.entityId, name: ADH.name }, creator: { name: OF.name, email: OF.email } });
    assert.match(draft.id, /^\d{5}$/, 'draft numbered at creation');
    assert.equal(draft.state, 'saisiePrestataire');
    assert.equal((await adh.get('/brouillons')).body.total, 0, 'a draft is seen only by its creator');

    // The provider sends everything, employer-only fields included: the server keeps them out.
    const full = example('cpro', 'valid.json');
    const pre = await saved(of, draft.id, { ...example('cpro', 'prestataire.json'), contrat: full.contrat, formation: full.formation }, draft.revision);
    assert.equal((pre.data.contrat as Record<string, unknown>).salaireBrut, undefined, 'employer-only field not taken from a provider');
    assert.equal((await server.store.get(draft.id))?.data.contrat && ((await server.store.get(draft.id))!.data.contrat as Record<string, unknown>).salaireBrut, undefined, 'nor stored');

    const handed = await of.post<Presented>(`/brouillons/${draft.id}/transmettre`, { revision: pre.revision });
    assert.equal(handed.status, 200, JSON.stringify(handed.body));
    assert.equal(handed.body.record.state, 'aValiderEmployeur');
    assert.equal(handed.body.actions.label, "A valider par l'employeur");
    assert.equal(handed.body.record.numero, undefined, 'no dossier number before AKTO has it');
    assert.ok((await server.store.outbox()).some((n) => n.notification.kind === 'a-valider' && n.notification.to === 'adherent'), 'notification kept for the host to deliver');

    const again = await of.put(`/brouillons/${draft.id}`, { data: pre.data, revision: handed.body.record.revision });
    assert.equal(again.status, 403);
    assert.equal(again.body.message, "Action impossible : le brouillon est à l'état « A valider par l'employeur ».");
    const ofResume = await of.post(`/brouillons/${draft.id}/actions/reprendre`);
    assert.equal(ofResume.status, 403, 'only the employer resumes');

    const list = await adh.get<{ items: (DossierRecord & { actions: Presented['actions'] })[]; total: number }>('/brouillons?kind=brouillons');
    assert.deepEqual(list.body.items.map((r) => r.id), [draft.id], 'the employer now sees it');
    assert.equal(list.body.items[0]!.actions.label, "A reprendre par l'adhérent");

    const resumed = await adh.post<Presented>(`/brouillons/${draft.id}/actions/reprendre`);
    assert.equal(resumed.status, 200);
    assert.equal(resumed.body.record.state, 'reprisePreSaisie');
    const completed = await saved(adh, draft.id, full, resumed.body.record.revision);
    assert.equal((completed.data.contrat as Record<string, unknown>).salaireBrut, 1500, 'the employer fills its own fields');

    const sent = await adh.post<Presented>(`/brouillons/${draft.id}/transmettre`, { revision: completed.revision });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.record.state, 'transmis');
    assert.equal(sent.body.record.numero, '2512CP000001', 'dossier numbered yymm + CP + sequence');
    assert.equal(sent.body.record.transmittedAt, '2025-12-03T10:00:00.000Z');
    assert.equal((await adh.get('/brouillons?kind=dossiers')).body.total, 1);
    assert.equal((await adh.get('/brouillons?kind=brouillons')).body.total, 0);
    const seenByOf = await of.get<Presented & { label: string }>(`/brouillons/${draft.id}`);
    assert.equal(seenByOf.status, 200);
    assert.equal(seenByOf.body.label, 'Transmis');
    assert.equal((seenByOf.body.record.data.contrat as Record<string, unknown>).salaireBrut, undefined, 'the provider never reads employer-only fields');

    const late = await adh.put(`/brouillons/${draft.id}`, { data: full, revision: sent.body.record.revision });
    assert.equal(late.status, 403);
    assert.match(late.body.message, /Action impossible/);
    // The back office takes it on.
    assert.equal((await adh.post(`/brouillons/${draft.id}/actions/gestion.analyser`)).status, 403, 'back-office actions are the gestionnaire’s');
    for (const step of ['gestion.analyser', 'gestion.accorder', 'gestion.cloturer']) {
      const r = await server.as(GEST).post<Presented>(`/brouillons/${draft.id}/actions/${step}`);
      assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
    }
    assert.equal((await adh.get(`/brouillons/${draft.id}`)).body.label, 'Clôturé');
    assert.equal((await adh.post(`/brouillons/${draft.id}/actions/transmission.reussie`)).status, 400, 'system events are not reachable');
  });

  it('a save carrying a stale revision is refused with 409 and loses nothing', async () => {
    const adh = server.as(ADH);
    const draft = await created(adh, { dispositif: 'cpro' });
    const tabA = await saved(adh, draft.id, { ...draft.data, employeur: { email: 'a@exemple.fr' } }, draft.revision);
    const tabB = await adh.put(`/brouillons/${draft.id}`, { data: { ...draft.data, employeur: { email: 'b@exemple.fr' } }, revision: draft.revision });
    assert.equal(tabB.status, 409);
    assert.match(tabB.body.message, /enregistré ailleurs entre-temps/);
    assert.equal(tabB.body.actual, tabA.revision);
    const read = await adh.get<Presented>(`/brouillons/${draft.id}`);
    assert.equal((read.body.record.data.employeur as Record<string, unknown>).email, 'a@exemple.fr', 'what was acknowledged is kept');
    const staleTransmit = await adh.post(`/brouillons/${draft.id}/transmettre`, { revision: draft.revision });
    assert.equal(staleTransmit.status, 409, 'transmitting what one no longer sees is refused too');
    const concurrent = await Promise.all([1, 2, 3].map((n) => adh.put(`/brouillons/${draft.id}`, { data: { ...draft.data, employeur: { email: `${n}@exemple.fr` } }, revision: tabA.revision })));
    assert.deepEqual(concurrent.map((r) => r.status).sort(), [200, 409, 409], 'exactly one concurrent save wins');
  });

  it('malformed requests get a French 400, never a crash', async () => {
    const adh = server.as(ADH);
    const draft = await created(adh, { dispositif: 'cpro' });
    for (const body of ['{ pas du json', { data: 'x', revision: 1 }, { data: {}, revision: -1 }, { data: {} }, [1, 2]]) {
      const r = await adh.put(`/brouillons/${draft.id}`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.message, /Requête illisible|Brouillon mal formé/);
    }
    assert.equal((await adh.post('/brouillons', {})).body.message, 'Choisissez un dispositif.');
    assert.deepEqual(await adh.post('/brouillons', { dispositif: 'cpro', sousDispositif: 'proa' }), { status: 400, body: { message: 'Ce sous-dispositif n’est pas ouvert pour ce dispositif.' } });
    const unknown = await adh.post('/brouillons', { dispositif: 'inexistant' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /Dispositif inconnu/);
    assert.equal((await server.as(OF).post('/brouillons', { dispositif: 'car', adherent: { entityId: ADH.entityId } })).status, 403, 'CAR is not open to providers');
    assert.equal((await server.as(OF).post('/brouillons', { dispositif: 'cpro' })).body.message, 'Choisissez l’employeur (adhérent) de la demande : SIRET de l’établissement à 14 chiffres.');
    assert.equal((await adh.post('/brouillons', { dispositif: 'cpro', adherent: { entityId: OTHER_ADH.entityId } })).status, 403, 'an employer creates only for itself');
    assert.equal((await adh.post(`/brouillons/${draft.id}/actions/pirater`)).body.message, 'Action inconnue : « pirater ».');
    assert.equal((await adh.post(`/brouillons/${draft.id}/dupliquer`, {})).body.message, 'Choisissez les onglets à dupliquer.');
    assert.equal((await adh.get('/inconnu')).status, 404);
  });

  it('duplicates a draft with the chosen tabs and deletes it', async () => {
    const adh = server.as(ADH);
    const draft = await created(adh, { dispositif: 'cpro' });
    const full = await saved(adh, draft.id, example('cpro', 'valid.json'), draft.revision);
    const copy = await adh.post<Presented>(`/brouillons/${draft.id}/dupliquer`, { tabs: ['employeur'] });
    assert.equal(copy.status, 201);
    assert.notEqual(copy.body.record.id, draft.id);
    assert.equal((copy.body.record.data.employeur as Record<string, unknown>).siret, (full.data.employeur as Record<string, unknown>).siret, 'Employeur copied');
    assert.equal(copy.body.record.data.salarie, undefined);
    const gone = await adh.delete<Presented>(`/brouillons/${copy.body.record.id}`);
    assert.equal(gone.status, 200);
    assert.equal(gone.body.record.state, 'supprime');
    assert.equal((await adh.get(`/brouillons/${copy.body.record.id}`)).status, 404, 'a deleted draft is gone');
  });
});

describe('transmission re-validates the whole dossier with the engine', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  const valid = () => example('cpro', 'valid.json');
  const salarie = () => valid().salarie as Record<string, unknown>;
  const { nomNaissance: _removed, ...withoutName } = salarie();
  const documents = () => valid().documents as Record<string, unknown>;
  const fichiers = () => documents().fichiers as Record<string, unknown>[];
  const cases: { name: string; data: () => Record<string, unknown>; expect: string; message: RegExp }[] = [
    {
      name: 'a NIR whose key was changed',
      data: () => ({ ...valid(), salarie: { ...salarie(), nir: '203036912345698' } }),
      expect: 'format.nir@/salarie/nir',
      message: /clé de 2 chiffres/,
    },
    { name: 'a required field removed', data: () => ({ ...valid(), salarie: withoutName }), expect: 'required@/salarie/nomNaissance', message: /^Saisie obligatoire$/ },
    {
      name: 'a business rule violated',
      data: () => ({ ...valid(), contrat: { ...(valid().contrat as object), dateConclusion: '2025-10-01' } }),
      expect: 'cpro.contrat.date-conclusion@/contrat/dateConclusion',
      message: /antérieure ou égale à sa date de début/,
    },
    { name: 'an unknown key injected', data: () => ({ ...valid(), pirate: '<img src=x onerror=alert(1)>' }), expect: 'schema.additionalProperties@/pirate', message: /Donnée non prévue/ },
    // issue 13.2: the documents tab's limits are the engine's, so the server enforces them too
    {
      name: 'six files of one document type',
      data: () => ({ ...valid(), documents: { ...documents(), fichiers: [...fichiers(), ...Array.from({ length: 6 }, () => ({ ...fichiers()[0] }))] } }),
      expect: 'schema.contains@/documents/fichiers',
      message: /^5 fichiers maximum par type de document\.$/,
    },
    {
      name: 'a file over 20 Mo',
      data: () => ({ ...valid(), documents: { ...documents(), fichiers: [{ ...fichiers()[0], taille: 20 * 1024 * 1024 + 1 }, ...fichiers().slice(1)] } }),
      expect: 'schema.maximum@/documents/fichiers',
      message: /^Poids : 20Mo maximum\.$/,
    },
    {
      name: 'a file of a refused format',
      data: () => ({ ...valid(), documents: { ...documents(), fichiers: [{ ...fichiers()[0], format: 'exe' }, ...fichiers().slice(1)] } }),
      expect: 'schema.enum@/documents/fichiers',
      message: /^Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx\.$/,
    },
    {
      name: 'a value of the wrong type',
      data: () => ({ ...valid(), contrat: { ...(valid().contrat as object), salaireBrut: 'beaucoup' } }),
      expect: 'schema.type@/contrat/salaireBrut',
      message: /./,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} (400, "Saisie Invalide", the error and its tab); nothing is stored as transmitted`, async () => {
      const adh = server.as(ADH);
      const draft = await created(adh, { dispositif: 'cpro' });
      const stored = await saved(adh, draft.id, c.data(), draft.revision); // a draft may be wrong: it is only checked when sent
      const r: Answer<Refusal> = await adh.post(`/brouillons/${draft.id}/transmettre`, { revision: stored.revision });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.message, 'Saisie Invalide');
      const issue = r.body.errors?.find((e) => `${e.rule}@${e.path}` === c.expect);
      assert.ok(issue, `${c.expect} in ${ids(r.body.errors).join(', ')}`);
      assert.match(issue.message, c.message);
      if (issue.tab) assert.equal(r.body.tabs?.[issue.tab]?.valid, false, 'the tab at fault is marked');
      const after = await server.store.get(draft.id);
      assert.equal(after?.state, 'saisieAdherent');
      assert.equal(after?.revision, stored.revision, 'nothing written');
      assert.equal(after?.numero, undefined);
      assert.equal(after?.transmittedAt, undefined);
      assert.equal((await adh.get('/brouillons?kind=dossiers')).body.total, 0);
    });
  }

  it('transmits a valid dossier once; the next dossier number follows', async () => {
    const adh = server.as(ADH);
    const draft = await created(adh, { dispositif: 'cpro' });
    await saved(adh, draft.id, valid(), draft.revision);
    const sent = await adh.post<Presented>(`/brouillons/${draft.id}/transmettre`);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.record.numero, '2512CP000001', 'the refused transmissions consumed no number');
    const twice = await adh.post(`/brouillons/${draft.id}/transmettre`);
    assert.equal(twice.status, 403);
    assert.equal((await server.store.get(draft.id))?.numero, '2512CP000001');
  });

  it('a provider with a mandat de gestion enters the employer\'s fields too (guide 004, « saisie complète ») and transmits straight to AKTO', async () => {
    const of = server.as({ ...OF, mandats: [ADH.entityId] }); // its token lists the employer's mandat
    const draft = await created(of, { dispositif: 'cpro', adherent: { entityId: ADH.entityId }, mandatGestion: true });
    await saved(of, draft.id, valid(), draft.revision);
    const read = await of.get<Presented>(`/brouillons/${draft.id}`);
    assert.equal((read.body.record.data as { tutorat?: { attestationEmployeur?: unknown } }).tutorat?.attestationEmployeur, true, 'and reads it back');
    const sent = await of.post<Presented>(`/brouillons/${draft.id}/transmettre`);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const after = await server.store.get(draft.id);
    assert.equal(after?.state, 'transmis');
    assert.match(String(after?.numero), /^2512CP\d{6}$/);
    assert.equal(after?.data && (after.data as { tutorat?: { attestationEmployeur?: unknown } }).tutorat?.attestationEmployeur, true, 'the employer-only field was taken');
  });
});

describe('viewer isolation', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  it('another entity gets 403 on a draft, 404 on what does not exist, and an empty list', async () => {
    const adh = server.as(ADH);
    const other = server.as(OTHER_ADH);
    const draft = await created(adh, { dispositif: 'cpro' });
    await saved(adh, draft.id, example('cpro', 'valid.json'), draft.revision);
    const read = await other.get(`/brouillons/${draft.id}`);
    assert.equal(read.status, 403);
    assert.equal(read.body.message, `Le brouillon n° ${draft.id} n'est visible que par l'entité qui l'a créé.`);
    assert.equal(JSON.stringify(read.body).includes('STICH'), false, 'nothing of the dossier leaks');
    assert.equal((await other.put(`/brouillons/${draft.id}`, { data: {}, revision: 2 })).status, 403);
    assert.equal((await other.post(`/brouillons/${draft.id}/transmettre`, { revision: 1 })).status, 403, 'revision not revealed either');
    assert.equal((await other.post(`/brouillons/${draft.id}/actions/supprimer`)).status, 403);
    assert.equal((await other.post(`/brouillons/${draft.id}/dupliquer`, { tabs: ['employeur'] })).status, 403);
    assert.equal((await other.get('/brouillons/99999')).status, 404);
    const list = await other.get('/brouillons?text=stich');
    assert.deepEqual([list.status, list.body.total, list.body.items], [200, 0, []]);
    assert.equal((await other.get(`/dossiers/${draft.id}`)).status, 403, 'the raw store is guarded too');
    assert.equal((await other.get('/dossiers')).body.total, 0);
    assert.equal((await server.as(OF).get('/brouillons')).body.total, 0, 'a provider not on the request sees nothing');
    assert.equal((await adh.get('/brouillons?text=stich')).body.total, 1, 'while its creator finds it');
  });
});

describe('restart on the same database', () => {
  it('keeps every acknowledged draft, dossier, sequence, preference and notification', async () => {
    let server = await testServer();
    try {
      const adh = server.as(ADH);
      const draft = await created(adh, { dispositif: 'cpro' });
      const kept = await saved(adh, draft.id, example('cpro', 'valid.json'), draft.revision);
      const other = await created(adh, { dispositif: 'cpro' });
      const sent = await adh.post<Presented>(`/brouillons/${other.id}/transmettre`, {});
      assert.equal(sent.status, 400);
      await saved(adh, other.id, example('cpro', 'valid.json'), other.revision);
      const transmitted = await adh.post<Presented>(`/brouillons/${other.id}/transmettre`);
      assert.equal(transmitted.body.record.numero, '2512CP000001');
      assert.equal((await adh.put('/preferences/acces-rapides', { value: [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'] } }] })).status, 204);
      const outbox = (await server.store.outbox()).length;

      server = await server.restart();
      const again = server.as(ADH);
      const read = await again.get<Presented>(`/brouillons/${draft.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.record.revision, kept.revision);
      assert.deepEqual(read.body.record.data, kept.data);
      assert.equal((await again.get<Presented>(`/brouillons/${other.id}`)).body.record.state, 'transmis');
      assert.deepEqual((await again.get('/preferences/acces-rapides')).body, { value: [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'] } }] });
      assert.equal((await server.store.outbox()).length, outbox);
      const next = await created(again, { dispositif: 'cpro' });
      assert.equal(Number(next.id), Number(other.id) + 1, 'draft numbers continue, none given twice');
      await saved(again, next.id, example('cpro', 'valid.json'), next.revision);
      assert.equal((await again.post<Presented>(`/brouillons/${next.id}/transmettre`)).body.record.numero, '2512CP000002', 'dossier numbers continue');
      const stale = await again.put(`/brouillons/${draft.id}`, { data: {}, revision: draft.revision });
      assert.equal(stale.status, 409, 'revisions survive the restart');
    } finally {
      await server.dispose();
    }
  });
});
