// The acid test of issue 12: a fifth dispositif kept outside schemas/ (examples/external/vae, written from
// schemas/README.md alone), built by the CLI (web-test-runner.config.mjs runs `akto-forms build` at start),
// shown by the already-built bundle a host page loads, with one attribute. Nothing here imports the
// sources under packages/: only what a host has (the bundle, the artifact URL, pdf-lib to read the PDF).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import '../../../packages/elements/bundle/akto-dossier-wizard.js';
import { waitUntil } from '../../../packages/elements/test/wait.js';

const ARTIFACT = '/examples/external/dist/vae/vae.js';
type Field = HTMLElement & { error: string; warning: string; updateComplete: Promise<unknown> };
type Wizard = HTMLElement & { goTo(tab: string): void; save(): Promise<unknown>; updateComplete: Promise<unknown> };

const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...(el.shadowRoot?.querySelectorAll(sel) ?? [])] as HTMLElement[];
const field = (el: Element, pointer: string) => $(el, `[name="${pointer}"]`) as Field | null;
const button = (el: Element, text: string) => $$(el, 'button').find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

async function type(el: Wizard, pointer: string, value: string) {
  const f = field(el, pointer);
  if (!f) throw new Error(`no field ${pointer}`);
  const input = f.shadowRoot?.querySelector('input, textarea') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
  await f.updateComplete;
}

describe('a dispositif built outside schemas/, in the published bundle', () => {
  it('renders from definition-src, validates, saves a draft stamped with its version, and fills its CERFA', async function () {
    this.timeout(30000); // the first CERFA of the page loads pdf-lib and its font
    const el = await fixture<Wizard>(html`<akto-dossier-wizard definition-src=${ARTIFACT} role="adherent" entity-id="40101593800038" today="2026-01-15"></akto-dossier-wizard>`);
    await waitUntil(() => !!$(el, '[role="tablist"]'));
    expect($(el, '.title')?.textContent).to.equal("Nouvelle demande de prise en charge d'une VAE");
    expect($$(el, '[role="tab"]').map((t) => t.textContent?.trim().split(/\s/)[0])).to.deep.equal(['Candidat', 'Parcours']);

    // Validates: a format message as the user types, gone once fixed; a rule of the artifact fires.
    await type(el, '/candidat/nomNaissance', 'Durand');
    await type(el, '/candidat/prenoms', 'Léa');
    await type(el, '/candidat/dateNaissance', '12/04/1990');
    await type(el, '/candidat/nir', '123');
    expect(field(el, '/candidat/nir')?.error).to.not.equal('');
    await type(el, '/candidat/nir', '');
    expect(field(el, '/candidat/nir')?.error).to.equal('');
    el.goTo('parcours');
    await el.updateComplete;
    await type(el, '/parcours/certification', 'Titre professionnel Cuisinier');
    await type(el, '/parcours/dateDebut', '01/09/2026');
    await type(el, '/parcours/dateFin', '01/08/2026');
    await type(el, '/parcours/heures', '60');
    await type(el, '/parcours/cout', '1850');
    button(el, 'Transmettre').click();
    await waitUntil(() => !!$(el, '[part="summary"]'));
    expect(field(el, '/parcours/dateFin')?.error).to.equal("La date de fin de l'accompagnement doit être postérieure à sa date de début.");
    expect(field(el, '/parcours/heures')?.warning).to.equal('La durée dépasse les 48 heures du congé pour VAE : vérifiez-la.');
    await type(el, '/parcours/dateFin', '31/03/2027');
    expect(field(el, '/parcours/dateFin')?.error).to.equal('');

    // Saves a draft (the default store: IndexedDB), stamped with the artifact's id, version and hash.
    const manifest = (await (await fetch('/examples/external/dist/vae/manifest.json')).json()) as { version: string; hash: string };
    const saved = oneEvent(el, 'dossier-save');
    void el.save();
    const { detail } = await saved;
    expect(detail.record.dispositif).to.equal('vae');
    expect(detail.record.definition).to.deep.equal({ id: 'vae', version: manifest.version, hash: manifest.hash });
    expect(detail.record.summary.formation).to.equal('Titre professionnel Cuisinier');
    await waitUntil(() => !!$(el, '[part="status"]')?.textContent?.includes('Votre saisie a bien été enregistrée.'));

    // Fills its CERFA (the default document of cerfa.map.json), read back from the PDF.
    button(el, 'Générer le CERFA').click();
    await waitUntil(() => !!$(el, '[part="status"] a[download]'), 10000).catch(() => {
      throw new Error(`no CERFA link; status: ${$(el, '[part="status"]')?.textContent}`);
    });
    const bytes = await (await fetch(($(el, '[part="status"] a[download]') as HTMLAnchorElement).href)).arrayBuffer();
    const values = new Map((await PDFDocument.load(bytes)).getForm().getFields().filter((f) => f instanceof PDFTextField).map((f) => [f.getName(), (f as PDFTextField).getText() ?? '']));
    expect(values.get('Nom de naissance')).to.equal('DURAND');
    expect(values.get('Date de naissance')).to.equal('12/04/1990');
    expect(values.get('Fin')).to.equal('31/03/2027');
    expect(values.get('Coût HT')).to.match(/^1\s?850,00$/);
  });

  it('a definition for another engine line is refused in the element, in French', async () => {
    const code = await (await fetch(ARTIFACT)).text();
    const future = URL.createObjectURL(new Blob([code.replace(/"engine":\s*"\^[\d.]+"/, '"engine":"^9.0.0"')], { type: 'text/javascript' }));
    const el = await fixture<Wizard>(html`<akto-dossier-wizard definition-src=${future} role="adherent" entity-id="40101593800038"></akto-dossier-wizard>`);
    await waitUntil(() => !!$(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')?.textContent).to.match(/demande le moteur \^9\.0\.0, mais ce moteur est en version/);
  });

  it('the documents uploader, left out of the entry, loads when a Documents tab first shows', async () => {
    expect(customElements.get('akto-documents'), 'not loaded with the page').to.equal(undefined);
    const el = await fixture<Wizard>(html`<akto-dossier-wizard dispositif="cpro" role="adherent" entity-id="40101593800038"></akto-dossier-wizard>`);
    await waitUntil(() => !!$(el, '[role="tablist"]'));
    el.goTo('documents');
    await waitUntil(() => !!customElements.get('akto-documents'));
    const docs = $(el, 'akto-documents') as HTMLElement & { updateComplete: Promise<unknown> };
    await docs.updateComplete;
    expect(docs.shadowRoot?.textContent, 'the properties set before it was defined are kept').to.contain('Convention');
  });
});
