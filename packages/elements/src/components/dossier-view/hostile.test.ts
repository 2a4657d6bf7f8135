// Untrusted text stored in dossiers (names, training titles, company names) shown by the lists and the
// dossier view, and typed into the list's search, in Chromium: shown as the very text, never as markup,
// and no payload ever runs (each would set a global).
import { expect, fixture, html } from '@open-wc/testing';
import { DossierService, MemoryStore, type Party, type Viewer } from '@akto/engine';
import '../../index.js';
import { waitUntil } from '../../../test/wait.js';

const PROBE = '__akto_ran';
const INTITULE = `<img src=x onerror="window.${PROBE}=1">Bac pro`;
const NOM = `"><svg onload="window.${PROBE}=1">`;
const ENTREPRISE = `<script>window.${PROBE}=1</script>‮HUMANDO`;
const ADH: Party = { role: 'adherent', entityId: '40101593800038', name: 'HUMANDO' };
const viewer: Viewer = { role: 'adherent', entityId: ADH.entityId };


/** Every element under `root` (its shadow root included), through nested shadow roots. */
function deep(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const scopes: (Element | ShadowRoot)[] = root instanceof Element && root.shadowRoot ? [root, root.shadowRoot] : [root];
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) out.push(...deep(el.shadowRoot));
    }
  }
  return out;
}
/** The text a user reads: every text node, through shadow roots. */
const deepText = (root: Element): string => [root, ...deep(root)].map((e) => [...(e.shadowRoot?.childNodes ?? []), ...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')).join(' ');

async function dossiers() {
  const service = new DossierService(new MemoryStore(), { now: () => new Date('2026-01-15T10:00:00Z') });
  const data = (await (await fetch('/schemas/cpro/examples/valid.json')).json()) as Record<string, Record<string, unknown>>;
  data.formation!.intitule = INTITULE;
  data.salarie!.nomNaissance = NOM;
  data.employeur!.raisonSociale = ENTREPRISE;
  const { record: draft } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
  await service.save(draft.id, data, viewer, { revision: draft.revision });
  const { record: other } = await service.create({ dispositif: 'cpro', creator: ADH, adherent: ADH });
  const saved = await service.save(other.id, data, viewer, { revision: other.revision });
  const sent = await service.transmit(saved.id, viewer);
  return { service, sent: sent.record };
}

function expectInert(el: Element) {
  expect(deep(el).filter((e) => ['IMG', 'SCRIPT'].includes(e.tagName) || e.hasAttribute('onload') || e.hasAttribute('onerror')), 'no payload became markup').to.deep.equal([]);
  expect((window as unknown as Record<string, unknown>)[PROBE], 'no payload ran').to.equal(undefined);
}

describe('untrusted text in the lists and the dossier view', () => {
  it('the drafts list shows the stored text as text, and its search takes any text', async () => {
    const { service } = await dossiers();
    const el = await fixture(html`<akto-dossier-list kind="brouillons" search-delay="0" .service=${service} .viewer=${viewer}></akto-dossier-list>`);
    await waitUntil(() => deepText(el).includes('Bac pro'));
    expect(deepText(el)).to.contain(INTITULE);
    expectInert(el);
    const search = deep(el).find((e) => e instanceof HTMLInputElement && (e.type === 'search' || e.type === 'text')) as HTMLInputElement | undefined;
    expect(search, 'a quick search box').to.not.equal(undefined);
    search!.value = NOM;
    search!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 100));
    expectInert(el);
  });

  it('the dossier view shows the transmitted dossier’s text as text', async () => {
    const { service, sent } = await dossiers();
    const el = await fixture(html`<akto-dossier-view .service=${service} .viewer=${viewer} dossier-id=${sent.id}></akto-dossier-view>`);
    await waitUntil(() => deepText(el).includes('Bac pro'));
    expect(deepText(el)).to.contain(INTITULE);
    expectInert(el);
  });
});
