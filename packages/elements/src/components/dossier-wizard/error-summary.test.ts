import { expect, fixture, html } from '@open-wc/testing';
import { MemoryStore } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { waitUntil } from '../../../test/wait.js';

const json = async <T>(url: string) => (await (await fetch(url)).json()) as T;

async function wizard(dispositif: string, data?: unknown): Promise<AktoDossierWizard> {
  const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard dispositif=${dispositif} role="adherent" entity-id="40101593800038" today="2026-01-15"
    .store=${new MemoryStore()} .data=${data}></akto-dossier-wizard>`);
  await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
  return el;
}


type Field = HTMLElement & { error: string; warning: string; updateComplete: Promise<unknown> };
const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...(el.shadowRoot?.querySelectorAll(sel) ?? [])] as HTMLElement[];
const field = (el: Element, pointer: string) => $(el, `[name="${pointer}"]`) as Field | null;
const button = (el: Element, text: string) => $$(el, 'button').find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
const summary = (el: Element) => $(el, '[part="summary"]');
const links = (el: Element, list = 'errors') => [...(summary(el)?.querySelectorAll<HTMLAnchorElement>(`ul.${list} a`) ?? [])];
/** The focused element, through the shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function type(el: AktoDossierWizard, pointer: string, value: string) {
  const input = field(el, pointer)?.shadowRoot?.querySelector('input, textarea') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('error summary', () => {
  it('a refused « Suivant »: « Il y a N erreurs à corriger », focused, each message as under its field; a link focuses the field', async () => {
    const el = await wizard('proa');
    button(el, 'Suivant').click();
    await el.updateComplete;
    expect($(el, '[role="tab"][aria-selected="true"]')?.id).to.equal('tab-employeur');
    expect(summary(el), 'no summary when the step is allowed').to.equal(null);
    button(el, 'Suivant').click();
    await waitUntil(() => !!summary(el));
    expect($(el, '[role="tab"][aria-selected="true"]')?.id, 'the step is refused').to.equal('tab-employeur');
    const items = links(el);
    expect(items.length).to.be.greaterThan(1);
    expect(summary(el)?.querySelector('h2')?.textContent).to.equal(`Il y a ${items.length} erreurs à corriger`);
    expect(summary(el)?.getAttribute('aria-labelledby')).to.equal('summary-title');
    expect(el.shadowRoot?.activeElement, 'the summary takes focus to be read').to.equal(summary(el));
    await expect(el).to.be.accessible();
    for (const a of items) {
      const f = field(el, a.dataset.path ?? '');
      expect(f, a.dataset.path).to.not.equal(null);
      expect(a.querySelector('.message')?.textContent).to.equal(f?.error);
    }
    const target = items.find((a) => a.dataset.path === '/employeur/email') as HTMLAnchorElement;
    target.click();
    await waitUntil(() => deepActive()?.tagName === 'INPUT');
    expect(deepActive()).to.equal(field(el, '/employeur/email')?.shadowRoot?.querySelector('input'));
  });

  it('counts one error in the singular, lists alerts apart, and goes once the errors are fixed', async () => {
    const data = await json<Record<string, Record<string, unknown>>>('/schemas/cpro/examples/valid.json');
    const salarie = data.salarie as { email: string; adresse: Record<string, unknown> };
    const alert = "L'email de l'employeur doit être celui de l'entreprise, différent de celui du salarié : l'employeur y reçoit les notifications du dossier.";
    const start = { ...data, employeur: { ...data.employeur, email: salarie.email }, salarie: { ...salarie, adresse: { ...salarie.adresse, codePostal: undefined } } };
    const el = await wizard('cpro', start);
    button(el, 'Transmettre').click();
    await waitUntil(() => !!summary(el));
    expect(summary(el)?.querySelector('h2')?.textContent).to.equal('Il y a 1 erreur à corriger');
    expect(links(el).map((a) => a.querySelector('.message')?.textContent)).to.deep.equal(['Saisie obligatoire']);
    expect(summary(el)?.querySelector('h3')?.textContent).to.equal('1 alerte non bloquante');
    expect(links(el, 'warnings').map((a) => a.querySelector('.message')?.textContent)).to.deep.equal([alert]);
    links(el, 'warnings')[0]?.click();
    await waitUntil(() => $(el, '[role="tab"][aria-selected="true"]')?.id === 'tab-employeur' && deepActive() === field(el, '/employeur/email')?.shadowRoot?.querySelector('input'));
    expect(field(el, '/employeur/email')?.warning).to.equal(alert);
    expect(summary(el), 'the summary stays while errors remain, on any tab').to.not.equal(null);
    links(el)[0]?.click();
    await waitUntil(() => $(el, '[role="tab"][aria-selected="true"]')?.id === 'tab-salarie' && deepActive() === field(el, '/salarie/adresse/codePostal')?.shadowRoot?.querySelector('input'));
    expect(field(el, '/salarie/adresse/codePostal')?.error).to.equal('Saisie obligatoire');
    await type(el, '/salarie/adresse/codePostal', '69003');
    await el.updateComplete;
    expect(summary(el), 'every error fixed: the summary goes').to.equal(null);
  });
});
