import { expect, fixture, html } from '@open-wc/testing';
import { HttpStore } from '@akto/engine';
import { IndexedDbOutbox } from '../../../../engine/src/workflow/store/outbox.js';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { fakeNetwork, manualTimer } from '../../../../engine/test/workflow/fake-network.js';
import { waitUntil } from '../../../test/wait.js';

let n = 0;
const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const button = (el: Element, text: string) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
const syncText = (el: Element) => $(el, '[part="sync"]')?.textContent?.trim();

async function setUp() {
  const net = fakeNetwork();
  const timer = manualTimer();
  const store = new HttpStore({ baseUrl: '/api', fetch: net.fetch, outbox: new IndexedDbOutbox(`akto-wizard-outbox-${Date.now()}-${n++}`), timer });
  const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard dispositif="cpro" role="adherent" entity-id="40101593800038" today="2026-01-15" tab="employeur" .store=${store}></akto-dossier-wizard>`);
  await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
  return { net, timer, store, el };
}

async function type(el: AktoDossierWizard, pointer: string, value: string) {
  const input = $(el, `[name="${pointer}"]`)?.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<akto-dossier-wizard> saves that survive the network', () => {
  it('network cut mid-save: « Enregistré sur cet appareil, en attente d\'envoi », then « Enregistré » once back; the server has the last input', async () => {
    const { net, timer, store, el } = await setUp();
    await type(el, '/employeur/email', 'premier@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => syncText(el) === 'Enregistré');
    const id = el.draftId;
    net.mode = 'down';
    await type(el, '/employeur/email', 'hors-ligne@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => syncText(el) === "Enregistré sur cet appareil, en attente d'envoi");
    expect(((await net.backend.get(id))?.data as { employeur?: { email?: string } }).employeur?.email).to.equal('premier@exemple.fr');
    net.mode = 503;
    timer.fire();
    await new Promise((r) => setTimeout(r, 50));
    expect(syncText(el)).to.equal("Enregistré sur cet appareil, en attente d'envoi");
    net.mode = 'up';
    timer.fire();
    await waitUntil(() => syncText(el) === 'Enregistré');
    expect(((await net.backend.get(id))?.data as { employeur?: { email?: string } }).employeur?.email).to.equal('hors-ligne@exemple.fr');
    store.dispose();
  });

  it('a stale revision (409) opens a clear choice; « Garder la mienne comme copie » keeps both versions', async () => {
    const { net, store, el } = await setUp();
    await type(el, '/employeur/email', 'commun@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => syncText(el) === 'Enregistré');
    const id = el.draftId;
    const theirs = (await net.backend.get(id))!;
    await net.backend.save({ ...theirs, data: { ...theirs.data, employeur: { email: 'leur@exemple.fr' } } });
    await type(el, '/employeur/email', 'la-mienne@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => !!$(el, '[part="conflict"]'));
    expect($(el, '[part="conflict"]')?.getAttribute('role')).to.equal('alert');
    expect(button(el, 'Recharger leur version')).to.exist;
    expect(((await net.backend.get(id))?.data as { employeur: { email: string } }).employeur.email, 'nothing overwritten').to.equal('leur@exemple.fr');
    expect(($(el, '[name="/employeur/email"]') as HTMLElement & { value: unknown }).value, 'nothing applied without a choice').to.equal('la-mienne@exemple.fr');
    await expect(el).to.be.accessible();
    button(el, 'Garder la mienne comme copie').click();
    await waitUntil(() => !$(el, '[part="conflict"]'));
    expect(el.draftId).to.not.equal(id);
    expect(((await net.backend.get(el.draftId))?.data as { employeur: { email: string } }).employeur.email).to.equal('la-mienne@exemple.fr');
    expect(((await net.backend.get(id))?.data as { employeur: { email: string } }).employeur.email).to.equal('leur@exemple.fr');
    expect($(el, '[part="status"]')?.textContent).to.contain('nouveau brouillon');
    store.dispose();
  });

  it('« Recharger leur version » shows the version the server holds', async () => {
    const { net, store, el } = await setUp();
    await type(el, '/employeur/email', 'commun@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => syncText(el) === 'Enregistré');
    const id = el.draftId;
    const theirs = (await net.backend.get(id))!;
    await net.backend.save({ ...theirs, data: { ...theirs.data, employeur: { email: 'leur@exemple.fr' } } });
    await type(el, '/employeur/email', 'la-mienne@exemple.fr');
    button(el, 'Enregistrer').click();
    await waitUntil(() => !!$(el, '[part="conflict"]'));
    button(el, 'Recharger leur version').click();
    await waitUntil(() => !$(el, '[part="conflict"]') && ($(el, '[name="/employeur/email"]') as HTMLElement & { value?: unknown } | null)?.value === 'leur@exemple.fr');
    expect(el.draftId).to.equal(id);
    store.dispose();
  });
});
