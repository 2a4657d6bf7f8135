import { expect, fixture, html } from '@open-wc/testing';
import { DossierService, MemoryStore } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { waitUntil } from '../../../test/wait.js';


const OF = { role: 'prestataire' as const, entityId: '48816678600019' };
const ADH = { role: 'adherent' as const, entityId: '40101593800038' };

async function opened(mandatGestion: boolean): Promise<AktoDossierWizard> {
  const store = new MemoryStore();
  const { record } = await new DossierService(store).create({ dispositif: 'cpro', creator: OF, adherent: ADH, prestataire: OF, mandatGestion });
  const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard role="prestataire" entity-id=${OF.entityId} draft-id=${record.id} .store=${store}></akto-dossier-wizard>`);
  await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
  el.goTo('contrat');
  await el.updateComplete;
  return el;
}

describe('<akto-dossier-wizard> for a provider under mandat de gestion', () => {
  it('shows the company’s own fields (salary) to a provider under mandat, and not to one without', async () => {
    const withMandat = await opened(true);
    expect(withMandat.shadowRoot?.querySelector('[name="/contrat/salaireBrut"]'), 'under mandat: the whole entry for the company').to.not.equal(null);
    expect(withMandat.shadowRoot?.querySelector('.profile')?.textContent, 'the header still names the user').to.contain('Organisme de formation');
    const without = await opened(false);
    expect(without.shadowRoot?.querySelector('[name="/contrat/salaireBrut"]'), 'pre-entry: left to the company').to.equal(null);
  });
});
