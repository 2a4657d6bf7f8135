// A host page without a bundler registers an externally built dispositif once, through the published
// `akto-elements.js` bundle (the elements' own registry), and it appears like a built-in one: in the
// new-request chooser, and in the lists with its drafts.
import { expect, fixture, html } from '@open-wc/testing';
import { DossierService, MemoryStore, listDispositifs, registerDispositif, unregisterDispositif } from '../../../packages/elements/bundle/akto-elements.js';
import { waitUntil } from '../../../packages/elements/test/wait.js';

const ADH = { role: 'adherent' as const, entityId: '81234567600009' };
const BISTROT = {
  siren: '812345676',
  raisonSociale: 'LE BISTROT DU VIEUX-PORT',
  etablissements: [{ siret: '81234567600009', raisonSociale: 'LE BISTROT DU VIEUX-PORT', ville: 'MARSEILLE', naf: '5610A', idcc: '1979', adresse: { voie: '12 QUAI DU PORT', codePostal: '13002', commune: 'MARSEILLE' } }],
};
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a dispositif registered by the host page, through the bundle', () => {
  after(() => unregisterDispositif('vae'));

  it('is offered by the new-request chooser and listed with its drafts', async () => {
    const service = new DossierService(new MemoryStore());
    const chooser = await fixture(html`<akto-new-request .service=${service} .viewer=${ADH} .accounts=${[BISTROT]} profile="adherent"></akto-new-request>`);
    await waitUntil(() => text(chooser.shadowRoot?.querySelector('.question')) === 'Quel dispositif ?');
    const cards = () => [...(chooser.shadowRoot?.querySelectorAll('[part~="choice"] .choice-title') ?? [])].map(text);
    expect(cards()).to.not.include("Validation des acquis de l'expérience");

    await registerDispositif('/examples/external/dist/vae/vae.js'); // once, by the host
    expect(listDispositifs().map((d: { id: string }) => d.id)).to.include('vae');
    await waitUntil(() => cards().includes("Validation des acquis de l'expérience"));

    const { record } = await service.create({ dispositif: 'vae', creator: ADH, adherent: ADH });
    await service.save(record.id, { dispositif: 'vae', parcours: { certification: 'Titre professionnel Cuisinier' } }, ADH, { revision: record.revision });
    const list = await fixture(html`<akto-dossier-list kind="brouillons" .service=${service} .viewer=${ADH}></akto-dossier-list>`);
    await waitUntil(() => (list.shadowRoot?.textContent ?? '').includes('Titre professionnel Cuisinier'));
    expect(list.shadowRoot?.textContent).to.contain(record.id);
  });
});
