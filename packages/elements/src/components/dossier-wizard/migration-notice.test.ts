import { expect, fixture, html } from '@open-wc/testing';
import { DossierService, MemoryStore } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { waitUntil } from '../../../test/wait.js';


describe('<akto-dossier-wizard> opening a draft saved under an older definition version', () => {
  it('says what the upgrade did and what it could not carry over, keeps the original until saved', async () => {
    const employer = { role: 'adherent' as const, entityId: '40101593800038' };
    const store = new MemoryStore();
    const { record } = await new DossierService(store).create({ dispositif: 'cpro', creator: employer, adherent: employer });
    const employeur = { raisonSociale: 'Boulangerie <b>Martin</b>' };
    await store.save({ ...record, definition: { id: 'cpro', version: '0.9.0', hash: 'sha256-ancienne' }, data: { ...record.data, employeur, ancienChamp: '<img src=x onerror="window.__ran=1">' } });

    const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard role="adherent" entity-id="40101593800038" draft-id=${record.id} .store=${store}></akto-dossier-wizard>`);
    await waitUntil(() => !!el.shadowRoot?.querySelector('[part="migration"]'));
    const notice = el.shadowRoot?.querySelector('[part="migration"]') as HTMLElement;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.querySelector('p')?.textContent).to.match(/^Ce brouillon a été enregistré avec la version 0\.9\.0 du dispositif, et aucune migration ne mène à la version \d+\.\d+\.\d+ : il est ouvert tel quel\. Une valeur n’a pas pu être reprise ; le brouillon d’origine est conservé\.$/);
    expect([...notice.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      `Le champ /ancienChamp n'existe pas dans la version ${notice.textContent?.match(/version (\d+\.\d+\.\d+) :/)?.[1]} : sa valeur « <img src=x onerror="window.__ran=1"> » n'a pas été reprise.`,
    ]);
    expect(notice.querySelector('img'), 'shown as text, never as markup').to.equal(null);
    expect((window as { __ran?: number }).__ran).to.equal(undefined);
    expect((await store.get(record.id))?.data.ancienChamp, 'the stored draft is untouched until saved').to.contain('<img');

    await el.save();
    await waitUntil(() => !el.shadowRoot?.querySelector('[part="migration"]'));
    const saved = await store.get(record.id);
    expect(saved?.data.ancienChamp).to.equal(undefined);
    expect(saved?.definition?.version).to.not.equal('0.9.0');
    expect(saved?.previousVersion?.data.ancienChamp, 'nothing is lost: the original is kept with the record').to.contain('<img');
    expect((saved?.data.employeur as { raisonSociale?: string }).raisonSociale).to.equal('Boulangerie <b>Martin</b>');
  });
});
