import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MemoryStore, type DossierRecord } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import type { WizardProviders } from './wizard-types.js';
import { waitUntil } from '../../../test/wait.js';

async function wizard(providers: WizardProviders): Promise<AktoDossierWizard> {
  const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard
    dispositif="cpro"
    role="adherent"
    entity-id="40101593800038"
    today="2026-01-15"
    .store=${new MemoryStore()}
    .providers=${providers}
  ></akto-dossier-wizard>`);
  await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
  return el;
}


const status = (el: Element) => el.shadowRoot?.querySelector('[part="status"]') as HTMLElement;
const mailButton = (el: Element) => [...status(el).querySelectorAll('button')].find((b) => b.textContent === 'Envoyez-moi le lien par e-mail');

async function save(el: AktoDossierWizard): Promise<DossierRecord> {
  const saved = oneEvent(el, 'dossier-save');
  void el.save();
  const { detail } = await saved;
  await el.updateComplete;
  return (detail as { record: DossierRecord }).record;
}

describe('<akto-dossier-wizard> « Envoyez-moi le lien par e-mail »', () => {
  it('offers no mail button when the host has no mailer', async () => {
    const el = await wizard({});
    await save(el);
    await new Promise((r) => setTimeout(r, 100)); // time for the button's module to load, were it asked for
    expect(status(el).textContent).to.contain('Pour reprendre, veuillez cliquer ou ajouter le lien suivant à vos favoris');
    expect(mailButton(el)).to.equal(undefined);
  });

  it('after a save, sends the record and its resume link to the host mailer and confirms', async () => {
    const calls: { id: string; link: string }[] = [];
    const el = await wizard({ sendResumeLink: async (record, link) => void calls.push({ id: record.id, link }) });
    expect(mailButton(el), 'nothing to send before a save').to.equal(undefined);
    const record = await save(el);
    const link = (status(el).querySelector('a') as HTMLAnchorElement).getAttribute('href');
    await waitUntil(() => !!mailButton(el)); // its module loads on demand
    mailButton(el)?.click();
    await waitUntil(() => status(el).textContent?.includes('Le lien vous a été envoyé par e-mail.') ?? false);
    expect(calls).to.deep.equal([{ id: record.id, link }]);
    await expect(el).to.be.accessible();
  });

  it('says in French when the mail could not be sent', async () => {
    const el = await wizard({ sendResumeLink: () => Promise.reject(new Error('Service de messagerie indisponible.')) });
    await save(el);
    await waitUntil(() => !!mailButton(el));
    mailButton(el)?.click();
    await waitUntil(() => status(el).querySelector('.mail.failure') !== null);
    expect(status(el).textContent).to.contain("Le lien n'a pas pu être envoyé par e-mail : Service de messagerie indisponible.");
  });
});
