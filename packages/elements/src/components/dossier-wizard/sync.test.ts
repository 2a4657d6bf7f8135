import { expect, fixture, html } from '@open-wc/testing';
import { HttpStore, isProvisionalDraftId } from '@akto/engine';
import { IndexedDbOutbox } from '../../../../engine/src/workflow/store/outbox.js';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { fakeNetwork, manualTimer, type FakeNetwork } from '../../../../engine/test/workflow/fake-network.js';
import { waitUntil } from '../../../test/wait.js';

let n = 0;
const PENDING = "Enregistré sur cet appareil, en attente d'envoi";
const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const button = (el: Element, text: string) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
const syncText = (el: Element) => $(el, '[part="sync"]')?.textContent?.trim();
const fieldValue = (el: Element, pointer: string) => ($(el, `[name="${pointer}"]`) as (HTMLElement & { value?: unknown }) | null)?.value;
const emailOnServer = async (net: FakeNetwork, id: string) => ((await net.backend.get(id))?.data as { employeur?: { email?: string } } | undefined)?.employeur?.email;

/**
 * A wizard over an HttpStore whose outbox is in IndexedDB (`outbox`: the same name is the same device, as
 * after a reload) and whose network the test cuts (`net.mode`); `draftId` reopens a draft.
 */
async function setUp(o: { net?: FakeNetwork; outbox?: string; draftId?: string } = {}) {
  const net = o.net ?? fakeNetwork();
  const timer = manualTimer();
  const outbox = o.outbox ?? `akto-wizard-outbox-${Date.now()}-${n++}`;
  const store = new HttpStore({ baseUrl: '/api', fetch: net.fetch, outbox: new IndexedDbOutbox(outbox), timer });
  const el = await fixture<AktoDossierWizard>(
    html`<akto-dossier-wizard dispositif="cpro" role="adherent" entity-id="40101593800038" today="2026-01-15" tab="employeur" draft-id=${o.draftId ?? ''} .store=${store}></akto-dossier-wizard>`,
  );
  await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
  return { net, timer, store, el, outbox };
}

async function type(el: AktoDossierWizard, pointer: string, value: string) {
  const input = $(el, `[name="${pointer}"]`)?.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Types the e-mail and presses Enregistrer; once saved (dossier-save), waits for the sync line to say `expected`. */
async function saveEmail(el: AktoDossierWizard, email: string, expected = 'Enregistré') {
  await type(el, '/employeur/email', email);
  const saved = new Promise((resolve) => el.addEventListener('dossier-save', resolve, { once: true }));
  button(el, 'Enregistrer').click();
  await saved;
  await waitUntil(() => syncText(el) === expected);
}

/** A saved draft that another tab then changes on the server; this wizard's next save meets the conflict. */
async function conflicting(o: Parameters<typeof setUp>[0] = {}) {
  const s = await setUp(o);
  await saveEmail(s.el, 'commun@exemple.fr');
  const id = s.el.draftId;
  const theirs = (await s.net.backend.get(id))!;
  await s.net.backend.save({ ...theirs, data: { ...theirs.data, employeur: { email: 'leur@exemple.fr' } } });
  await type(s.el, '/employeur/email', 'la-mienne@exemple.fr');
  button(s.el, 'Enregistrer').click();
  await waitUntil(() => !!$(s.el, '[part="conflict"]'));
  return { ...s, id };
}

describe('<akto-dossier-wizard> saves that survive the network', () => {
  it('network cut mid-save: « Enregistré sur cet appareil, en attente d\'envoi », then « Enregistré » once back; the server has the last input', async () => {
    const { net, timer, store, el } = await setUp();
    await saveEmail(el, 'premier@exemple.fr');
    const id = el.draftId;
    net.mode = 'down';
    await saveEmail(el, 'hors-ligne@exemple.fr', PENDING);
    expect(await emailOnServer(net, id)).to.equal('premier@exemple.fr');
    net.mode = 503;
    timer.fire();
    await new Promise((r) => setTimeout(r, 50));
    expect(syncText(el)).to.equal(PENDING);
    net.mode = 'up';
    timer.fire();
    await waitUntil(() => syncText(el) === 'Enregistré');
    expect(await emailOnServer(net, id)).to.equal('hors-ligne@exemple.fr');
    store.dispose();
  });

  it('a new draft saved offline is kept on this device under a provisional number, survives a reload, and takes the server\'s number once back', async () => {
    const net = fakeNetwork();
    net.mode = 'down';
    const first = await setUp({ net });
    await saveEmail(first.el, 'brouillon-neuf@exemple.fr', PENDING);
    const provisional = first.el.draftId;
    expect(isProvisionalDraftId(provisional), provisional).to.equal(true);
    await saveEmail(first.el, 'hors-ligne@exemple.fr', PENDING);
    expect((await net.backend.list()).total, 'nothing reached the server').to.equal(0);
    // The page reloads, still offline: the draft opens from this device.
    first.store.dispose();
    first.el.remove();
    const { el, store, timer } = await setUp({ net, outbox: first.outbox, draftId: provisional });
    await waitUntil(() => fieldValue(el, '/employeur/email') === 'hors-ligne@exemple.fr');
    const saves: string[] = [];
    el.addEventListener('dossier-save', (e) => saves.push((e as CustomEvent<{ record: { id: string } }>).detail.record.id));
    net.mode = 'up';
    timer.fire();
    await waitUntil(() => syncText(el) === 'Enregistré' && /^\d+$/.test(el.draftId));
    const id = el.draftId;
    expect(el.getAttribute('draft-id'), 'the attribute follows the number').to.equal(id);
    expect(saves, 'the host hears of the number (its URL can follow)').to.deep.equal([id]);
    expect(await emailOnServer(net, id), 'nothing lost').to.equal('hors-ligne@exemple.fr');
    expect((await net.backend.list()).total, 'one draft').to.equal(1);
    await saveEmail(el, 'suite@exemple.fr');
    expect(el.draftId).to.equal(id);
    expect(await emailOnServer(net, id), 'the next save goes on under the number, no false conflict').to.equal('suite@exemple.fr');
    store.dispose();
  });

  it('a stale revision (409) opens a clear choice; « Garder la mienne comme copie » keeps both versions', async () => {
    const { net, store, el, id } = await conflicting();
    expect($(el, '[part="conflict"]')?.getAttribute('role')).to.equal('alert');
    expect(button(el, 'Recharger leur version')).to.exist;
    expect(await emailOnServer(net, id), 'nothing overwritten').to.equal('leur@exemple.fr');
    expect(fieldValue(el, '/employeur/email'), 'nothing applied without a choice').to.equal('la-mienne@exemple.fr');
    await expect(el).to.be.accessible();
    button(el, 'Garder la mienne comme copie').click();
    await waitUntil(() => !$(el, '[part="conflict"]'));
    expect(el.draftId).to.not.equal(id);
    expect(await emailOnServer(net, el.draftId)).to.equal('la-mienne@exemple.fr');
    expect(await emailOnServer(net, id)).to.equal('leur@exemple.fr');
    expect($(el, '[part="status"]')?.textContent).to.contain('nouveau brouillon');
    store.dispose();
  });

  it('« Recharger leur version » shows the version the server holds', async () => {
    const { store, el, id } = await conflicting();
    button(el, 'Recharger leur version').click();
    await waitUntil(() => !$(el, '[part="conflict"]') && fieldValue(el, '/employeur/email') === 'leur@exemple.fr');
    expect(el.draftId).to.equal(id);
    store.dispose();
  });

  it('the page reloads while the choice is open: the reopened wizard shows the input and the choice again, and keeps it as a copy', async () => {
    const first = await conflicting();
    first.store.dispose();
    first.el.remove();
    const { net, store, el } = await setUp({ net: first.net, outbox: first.outbox, draftId: first.id });
    await waitUntil(() => !!$(el, '[part="conflict"]'));
    expect(fieldValue(el, '/employeur/email'), 'the unsaved input is still there').to.equal('la-mienne@exemple.fr');
    expect(await emailOnServer(net, first.id), 'nothing overwritten').to.equal('leur@exemple.fr');
    button(el, 'Garder la mienne comme copie').click();
    await waitUntil(() => !$(el, '[part="conflict"]') && el.draftId !== first.id);
    expect(await emailOnServer(net, el.draftId)).to.equal('la-mienne@exemple.fr');
    expect(await emailOnServer(net, first.id)).to.equal('leur@exemple.fr');
    store.dispose();
  });
});
