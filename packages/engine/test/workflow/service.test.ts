import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { listDispositifs } from '../../src/registry/index.js';
import { DossierService, WorkflowError } from '../../src/workflow/service.js';
import { MemoryStore } from '../../src/workflow/store/memory-store.js';
import { StaleRevisionError } from '../../src/workflow/store/types.js';
import type { Notification } from '../../src/workflow/machines.js';
import type { Party, Viewer } from '../../src/workflow/records.js';
import { parseResumeLink, resumeLink } from '../../src/workflow/resume-link.js';
import { readJson, SCHEMAS } from '../helpers.js';

const OF: Party = { role: 'prestataire', entityId: '48816678600019', name: 'LEGOUD CONSEIL FORMATION', email: 'of@exemple.fr' };
const ADH: Party = { role: 'adherent', entityId: '40101593800038', name: 'HUMANDO' };
const GEST: Viewer = { role: 'gestionnaire', entityId: 'akto' };
const as = (p: Party): Viewer => ({ role: p.role, entityId: p.entityId });

function service() {
  const notes: Notification[] = [];
  const svc = new DossierService(new MemoryStore(), { now: () => new Date('2025-12-03T10:00:00Z'), onNotification: (n) => notes.push(n) });
  return { svc, notes };
}

const example = (id: string, name: string) => readJson<Record<string, unknown>>(`${SCHEMAS}/${id}/examples/${name}`);

for (const { id, roles } of listDispositifs()) {
  describe(`${id}: the flows of the guides, end to end`, () => {
    if (roles.includes('prestataire') && existsSync(`${SCHEMAS}/${id}/examples/prestataire.json`)) {
      it('a provider pre-fills and hands over; the employer resumes, completes and transmits', async () => {
        const { svc, notes } = service();
        const { record } = await svc.create({ dispositif: id, creator: OF, adherent: ADH });
        assert.match(record.id, /^\d{5}$/, 'draft numbered at creation');
        assert.equal(record.state, 'saisiePrestataire');
        assert.equal((await svc.list({ kind: 'brouillons' }, as(ADH))).total, 0, 'a draft is seen only by its creator');
        const pre = await example(id, 'prestataire.json');
        const saved = await svc.save(record.id, pre, as(OF), { revision: record.revision, tab: 'employeur' });
        await assert.rejects(svc.save(record.id, pre, as(OF), { revision: record.revision }), StaleRevisionError);
        const handed = await svc.transmit(record.id, as(OF));
        assert.equal(handed.record.state, 'aValiderEmployeur');
        const toEmployer = handed.notifications.find((n) => n.kind === 'a-valider');
        assert.equal(toEmployer?.to, 'adherent');
        assert.ok(toEmployer?.address, 'sent to the e-mail the provider entered');
        assert.equal((await svc.open(record.id, as(OF))).label, "A valider par l'employeur");
        await assert.rejects(svc.save(record.id, pre, as(OF), { revision: saved.revision + 1 }), WorkflowError, 'the provider can no longer modify it');
        const seen = await svc.list({ kind: 'brouillons' }, as(ADH));
        assert.deepEqual(seen.items.map((r) => r.id), [record.id], 'the employer now sees it');
        assert.equal((await svc.open(record.id, as(ADH))).label, "A reprendre par l'adhérent");
        const resumed = await svc.act(record.id, 'brouillon.reprendre', as(ADH));
        assert.equal(resumed.record.state, 'reprisePreSaisie');
        assert.ok(resumed.notifications.some((n) => n.to === 'prestataire' && n.kind === 'reprise'));
        const full = await example(id, 'valid.json');
        const completed = await svc.save(record.id, full, as(ADH), { revision: resumed.record.revision });
        const sent = await svc.transmit(record.id, as(ADH));
        assert.equal(sent.record.state, 'transmis');
        assert.match(String(sent.record.numero), new RegExp(`^2512${(await svc.engine(id)).definition.identity.numberCode}\\d{6}$`), 'dossier numbered like 2512CP000100');
        assert.ok(sent.notifications.some((n) => n.to === 'prestataire' && n.kind === 'transmission' && n.text.includes(String(sent.record.numero))));
        assert.equal((await svc.list({ kind: 'dossiers' }, as(ADH))).total, 1);
        assert.equal((await svc.list({ kind: 'brouillons' }, as(ADH))).total, 0);
        await assert.rejects(svc.save(record.id, full, as(ADH), { revision: completed.revision + 1 }), /Action impossible/);
        assert.ok(notes.length >= 3, 'the host was told of every notification');
      });

      it('under mandat de gestion the provider enters the whole request, the company\'s fields too, and transmits it to AKTO', async () => {
        const { svc, notes } = service();
        const { record } = await svc.create({ dispositif: id, creator: OF, adherent: ADH, mandatGestion: true });
        const full = await example(id, 'valid.json');
        await svc.save(record.id, full, as(OF), { revision: record.revision });
        const opened = await svc.open(record.id, as(OF));
        for (const [key, value] of Object.entries(full)) assert.deepEqual(opened.record.data[key] !== undefined, value !== undefined, `${key} kept and shown`);
        const sent = await svc.transmit(record.id, as(OF));
        assert.equal(sent.record.state, 'transmis', 'straight to AKTO');
        assert.equal(sent.record.mandatGestion, true);
        assert.ok(!notes.some((n) => n.kind === 'a-valider'), 'the employer is not asked to validate');
        assert.ok(notes.length > 0 && notes.every((n) => n.id === record.id), 'each notification names the record a host opens');
      });

      it('without mandat the provider may not transmit to AKTO itself', async () => {
        const { svc } = service();
        const { record } = await svc.create({ dispositif: id, creator: OF, adherent: ADH });
        await svc.save(record.id, await example(id, 'valid.json'), as(OF), { revision: record.revision });
        await assert.rejects(svc.act(record.id, 'brouillon.transmettre', as(OF)), /Sans mandat de gestion, la demande doit être transmise à l'adhérent pour validation\./);
      });

      it('the employer refuses a pre-entry: it leaves the employer\'s view; the provider may delete it', async () => {
        const { svc } = service();
        const { record } = await svc.create({ dispositif: id, creator: OF, adherent: ADH });
        await svc.save(record.id, await example(id, 'prestataire.json'), as(OF), { revision: record.revision });
        await svc.transmit(record.id, as(OF));
        const refused = await svc.act(record.id, 'brouillon.refuser', as(ADH));
        assert.ok(refused.notifications.some((n) => n.to === 'prestataire' && n.kind === 'refus'));
        assert.equal((await svc.list({}, as(ADH))).total, 0);
        await assert.rejects(svc.open(record.id, as(ADH)), WorkflowError);
        assert.equal((await svc.open(record.id, as(OF))).label, "Refusé par l'adhérent");
        await svc.remove(record.id, as(OF));
        assert.equal((await svc.list({}, as(OF))).total, 0, 'a deleted draft is gone from every list');
      });

      it('a provider never sees nor overwrites employer-only fields', async () => {
        const { svc } = service();
        const { record } = await svc.create({ dispositif: id, creator: ADH, adherent: ADH, prestataire: OF });
        const full = await example(id, 'valid.json');
        const saved = await svc.save(record.id, full, as(ADH), { revision: record.revision });
        const engine = await svc.engine(id);
        const hidden = engine.layout.fields.filter((f) => f.roles && !f.roles.includes('prestataire'));
        assert.ok(hidden.length > 0, 'the dispositif has employer-only fields');
        assert.deepEqual(engine.viewFor(saved.data, 'prestataire'), engine.viewFor(engine.viewFor(saved.data, 'prestataire'), 'prestataire'));
        const merged = engine.acceptFrom('prestataire', saved.data, engine.viewFor(saved.data, 'prestataire'));
        assert.deepEqual(merged, saved.data, 'what a provider sends back keeps the employer-only values');
      });
    }

    it('save and resume by link; duplicate with chosen tabs; documents after transmission', async () => {
      const { svc } = service();
      const { record } = await svc.create({ dispositif: id, creator: ADH, adherent: ADH });
      const full = await example(id, 'valid.json');
      const saved = await svc.save(record.id, full, as(ADH), { revision: record.revision, tab: 'employeur' });
      const link = resumeLink('https://portail.example/mon-espace', { id: saved.id, tab: saved.lastTab });
      assert.deepEqual(parseResumeLink(link), { id: saved.id, tab: 'employeur' });
      const engine = await svc.engine(id);
      const tabs = engine.definition.layout.tabs.map((t) => t.id);
      const copy = await svc.duplicate(record.id, as(ADH), { tabs: tabs.filter((t) => t === 'employeur') });
      assert.notEqual(copy.record.id, record.id);
      assert.equal(copy.record.dispositif, id);
      assert.deepEqual((copy.record.data.employeur as Record<string, unknown>).siret, (full.employeur as Record<string, unknown>).siret, 'Employeur copied');
      const others = Object.keys(full).filter((k) => !['dispositif', 'sousDispositif', 'employeur', 'introduction'].includes(k));
      for (const k of others) {
        const v = copy.record.data[k];
        assert.ok(v === undefined || (k === 'financement' && Object.keys(v as object).every((x) => x === 'totalDemande')), `${k} not copied`);
      }
      const all = await svc.duplicate(record.id, as(ADH), { tabs });
      assert.equal((all.record.data.documents as { fichiers?: unknown[] } | undefined)?.fichiers, undefined, 'documents are never copied');
      assert.ok(!engine.layout.fields.some((f) => f.spec.widget === 'checkbox' && JSON.stringify(all.record.data).includes(`"${f.pattern.split('/').pop()}":true`)), 'attestations are never copied');
      await assert.rejects(svc.duplicate(record.id, as(ADH), { tabs, sousDispositif: 'autre-dispositif' }), /dispositif ne peut pas changer/);

      const sent = await svc.transmit(record.id, as(ADH));
      assert.equal(sent.record.state, 'transmis');
      await assert.rejects(svc.duplicate(record.id, as(ADH), { tabs }), /non transmises/);
      const after = engine.definition.documents?.afterTransmission ?? [];
      if (after.length) {
        const added = await svc.addDocument(record.id, as(ADH), { type: after[0]!.code, nom: 'avenant.pdf', taille: 1000, format: 'pdf' });
        assert.ok(((added.record.data.documents as { fichiers: { nom: string }[] }).fichiers).some((f) => f.nom === 'avenant.pdf'));
        // issue 13.2: the limits hold for « Déposer un document » too, with the guide's words
        const big = { type: after[0]!.code, nom: 'gros.pdf', taille: 20 * 1024 * 1024 + 1, format: 'pdf' };
        await assert.rejects(svc.addDocument(record.id, as(ADH), big), (e: unknown) => e instanceof WorkflowError && e.code === 'refused' && e.message === 'Poids : 20Mo maximum.');
        await assert.rejects(svc.addDocument(record.id, as(ADH), { ...big, taille: 1000, format: 'exe' }), /^Error: Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx\.$/);
        for (let i = 0; i < 4; i++) await svc.addDocument(record.id, as(ADH), { type: after[0]!.code, nom: `avenant-${i}.pdf`, taille: 1000, format: 'pdf' });
        await assert.rejects(svc.addDocument(record.id, as(ADH), { type: after[0]!.code, nom: 'sixieme.pdf', taille: 1000, format: 'pdf' }), /5 fichiers maximum par type de document/);
      }
      // Back office moves the dossier through its states.
      for (const step of ['gestion.analyser', 'gestion.accorder', 'gestion.cloturer']) await svc.act(record.id, step, GEST);
      assert.equal((await svc.open(record.id, as(ADH))).label, 'Clôturé');
    });

    it('transmission is refused while a tab is invalid, with the tabs at fault', async () => {
      const { svc } = service();
      const { record } = await svc.create({ dispositif: id, creator: ADH, adherent: ADH });
      await assert.rejects(svc.transmit(record.id, as(ADH)), (e: unknown) => {
        assert.ok(e instanceof WorkflowError);
        assert.equal(e.message, 'Saisie Invalide');
        assert.ok(Object.values(e.result?.tabs ?? {}).some((t) => !t.valid));
        return true;
      });
    });
  });
}

describe('AF with several modules', () => {
  it('each provider sees only the modules it gives', async () => {
    const { svc } = service();
    const full = await example('af', 'valid.json');
    const modules = full.modules as { organisme: { siret: string } }[];
    const other = { ...structuredClone(modules[0]!), organisme: { ...modules[0]!.organisme, siret: '73282932000074' } };
    const data = { ...full, modules: [...modules, other] };
    const { record } = await svc.create({ dispositif: 'af', creator: ADH, adherent: ADH });
    await svc.save(record.id, data, as(ADH), { revision: record.revision });
    await svc.transmit(record.id, as(ADH));
    const mine = modules[0]!.organisme.siret;
    const seenByFirst = await svc.open(record.id, { role: 'prestataire', entityId: mine });
    const seenBySecond = await svc.open(record.id, { role: 'prestataire', entityId: '73282932000074' });
    const sirets = (d: Record<string, unknown>) => (d.modules as { organisme?: { siret?: string } }[]).map((m) => m.organisme?.siret ?? null);
    assert.ok(sirets(seenByFirst.record.data).every((s) => s === mine || s === null));
    assert.deepEqual(sirets(seenBySecond.record.data).filter(Boolean), ['73282932000074']);
    await assert.rejects(svc.open(record.id, { role: 'prestataire', entityId: '35600000049837' }), WorkflowError, 'a provider with no module sees nothing');
  });
});
