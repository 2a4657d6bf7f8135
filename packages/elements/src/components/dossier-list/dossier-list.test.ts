import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DossierService, MemoryStore, type DossierRecord, type Party, type Viewer } from '@akto/engine';
import './dossier-list.js';
import type { AktoDossierList } from './dossier-list.js';
import { waitUntil } from '../../../test/wait.js';

const ADH: Party = { role: 'adherent', entityId: '40101593800038', name: 'HUMANDO' };
const OF: Party = { role: 'prestataire', entityId: '48816678600019', name: 'LEGOUD CONSEIL FORMATION' };
const as = (p: Party): Viewer => ({ role: p.role, entityId: p.entityId });
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const examples = new Map<string, Promise<Data>>();
async function example(id: string, name = 'valid.json'): Promise<Data> {
  const key = `${id}/${name}`;
  if (!examples.has(key)) examples.set(key, fetch(`/schemas/${id}/examples/${name}`).then((r) => r.json() as Promise<Data>));
  return structuredClone(await (examples.get(key) as Promise<Data>));
}

function newService(): DossierService {
  return new DossierService(new MemoryStore(), { now: () => new Date('2025-12-03T10:00:00Z') });
}

/** A draft made as a user would: created, then saved with an example of schemas/ (patched). */
async function draft(svc: DossierService, id: string, opts: { by?: Party; patch?: (d: Data) => void; mandatGestion?: boolean; empty?: boolean } = {}): Promise<DossierRecord> {
  const by = opts.by ?? ADH;
  const { record } = await svc.create({ dispositif: id, creator: by, adherent: ADH, mandatGestion: opts.mandatGestion });
  if (opts.empty) return record;
  const data = await example(id);
  opts.patch?.(data);
  return svc.save(record.id, data, as(by), { revision: record.revision });
}

async function list(svc: DossierService, opts: { kind?: 'brouillons' | 'dossiers'; viewer?: Viewer; width?: number; pageSize?: number } = {}): Promise<AktoDossierList> {
  const el = await fixture<AktoDossierList>(html`<akto-dossier-list
    style=${opts.width ? `width:${opts.width}px` : ''}
    kind=${opts.kind ?? 'brouillons'}
    page-size=${opts.pageSize ?? 20}
    search-delay="30"
    .service=${svc}
    .viewer=${opts.viewer ?? as(ADH)}
  ></akto-dossier-list>`);
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const headers = (el: Element) => $$(el, 'thead th').map(text);
const rows = (el: Element) => $$(el, 'tbody tr[part="row"]').map((tr) => [...tr.querySelectorAll('td')].slice(0, 9).map(text));
const rowOf = (el: Element, number: string) => $$(el, 'tbody tr[part="row"]').find((tr) => text(tr.querySelector('td')) === number) as HTMLTableRowElement;
const actionsOf = (tr: Element) => [...tr.querySelectorAll('[part="actions"] button')].map((b) => b.getAttribute('aria-label'));
const count = (el: Element) => text($(el, '.count'));


async function type(el: AktoDossierList, value: string) {
  const input = $<HTMLInputElement>(el, '[part="search"]') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: AktoDossierList, target: Element | null | undefined) {
  if (!target) throw new Error('nothing to click');
  (target as HTMLElement).click();
  await el.updateComplete;
}

function filterButton(el: Element, label: string) {
  return $$(el, '.filter-button').find((b) => text(b).startsWith(`${label} :`)) as HTMLButtonElement;
}

/** Opens a filter of the advanced search and ticks or unticks one of its entries. */
async function pick(el: AktoDossierList, label: string, option: string) {
  const button = filterButton(el, label);
  if (button.getAttribute('aria-expanded') !== 'true') await click(el, button);
  const popup = root(el).getElementById(button.getAttribute('aria-controls') as string) as HTMLElement;
  expect(popup.hidden, `${label} pop-up open`).to.equal(false);
  const entry = [...popup.querySelectorAll('label')].find((l) => text(l) === option);
  await click(el, entry?.querySelector('input'));
}

async function openAdvanced(el: AktoDossierList) {
  const toggle = $$(el, 'button').find((b) => text(b) === 'Recherche Avancée') as HTMLButtonElement;
  if (toggle.getAttribute('aria-expanded') !== 'true') await click(el, toggle);
}

describe('<akto-dossier-list>', () => {
  it('shows the columns of the guide with the values of each draft', async () => {
    const svc = newService();
    const cpro = await draft(svc, 'cpro');
    const af = await draft(svc, 'af', { mandatGestion: true });
    const empty = await draft(svc, 'car', { empty: true });
    const el = await list(svc);
    expect(headers(el).slice(0, 9)).to.deep.equal(['N°', 'Disp.', 'Sous disp.', 'Formation', 'Début', 'Fin', 'Entreprise', 'Stagiaire(s)', 'État']);
    expect(count(el)).to.equal('3 résultats');
    expect(text($(el, 'select'))).to.contain('20 résultats par page');
    expect(rows(el)).to.deep.equal([
      [empty.id, 'FPE', "Contrat d'alternance reconversion (CAR)", "Nouvelle demande de contrat d'alternance reconversion", '-', '-', '', '', 'En cours de saisie adhérent'],
      [af.id, 'AF', 'Plan de développement des compétences', 'Habilitation électrique B0 H0V', '02/03/2026', '03/03/2026', 'HUMANDO', 'Alain BODET + 2', 'En cours de saisie adhérent'],
      [cpro.id, 'CPRO', 'Contrat de Professionnalisation', 'CQP Accompagnement socio-professionnel', '01/09/2025', '31/08/2026', 'HUMANDO', 'Lilo STICH', 'En cours de saisie adhérent'],
    ]);
    const flags = (n: string) => [...rowOf(el, n).querySelectorAll('.flag')].map((f) => f.getAttribute('aria-label'));
    expect(flags(af.id)).to.deep.equal(['Mandat de gestion', 'Subrogation de paiement', 'Alerte']);
    expect(flags(cpro.id)).to.deep.equal(['Subrogation de paiement']);
    expect(flags(empty.id)).to.deep.equal([]);
    expect(rowOf(el, af.id).querySelector('.flag')?.getAttribute('title'), 'tooltip').to.equal('Mandat de gestion');
    expect($$(el, '.legend li').map(text)).to.deep.equal(['Mandat de gestion', 'Subrogation de paiement', 'Alerte']);
  });

  it('shows « Nouvelle demande de … » of the dispositif in the Formation column of a draft with no training yet (guide 001)', async () => {
    const svc = newService();
    const cpro = await draft(svc, 'cpro', { empty: true });
    const af = await draft(svc, 'af', { empty: true });
    const el = await list(svc);
    expect(rowOf(el, cpro.id).querySelector('td.formation')?.textContent?.trim()).to.equal('Nouvelle demande de contrat de professionnalisation');
    expect(rowOf(el, af.id).querySelector('td.formation')?.textContent?.trim()).to.equal("Nouvelle demande d'action formation");
    const narrow = await list(svc, { width: 400 });
    await waitUntil(() => $$(narrow, '.card').length === 2);
    expect($$(narrow, '.card-formation').map(text)).to.have.members(['Nouvelle demande de contrat de professionnalisation', "Nouvelle demande d'action formation"]);
  });

  it('lists sent dossiers by their number, with the Statut column', async () => {
    const svc = newService();
    const car = await draft(svc, 'car');
    await draft(svc, 'cpro');
    const sent = (await svc.transmit(car.id, as(ADH))).record;
    expect(sent.numero).to.match(/^2512TT\d{6}$/);
    const el = await list(svc, { kind: 'dossiers' });
    expect(headers(el)[0]).to.equal('N°');
    expect(headers(el)[8]).to.equal('Statut');
    expect(rows(el)).to.deep.equal([
      [sent.numero, 'FPE', "Contrat d'alternance reconversion (CAR)", 'Titre professionnel Gestionnaire de paie', '02/02/2026', '29/01/2027', 'HUMANDO', 'Karim MARTIN', 'Transmis'],
    ]);
    expect(count(el)).to.equal('1 résultat');
    const consult = rowOf(el, sent.numero as string).querySelector('td button.link') as HTMLElement;
    expect(consult.getAttribute('aria-label')).to.equal(`Consulter le dossier ${sent.numero}`);
    setTimeout(() => consult.click());
    const ev = await oneEvent(el, 'dossier-action');
    expect(ev.detail.action).to.equal('consulter');
    expect(ev.detail.record.numero).to.equal(sent.numero);
  });

  it('shows the first trainee by usage name with « + N », expanding and collapsing on click', async () => {
    const svc = newService();
    const af = await draft(svc, 'af', {
      patch: (d) => {
        const s = d.stagiaires[0];
        d.stagiaires = [
          { ...s, prenoms: 'BLANCHE', nomNaissance: 'DURAND', nomUsage: 'COLLIER' },
          { ...s, prenoms: 'CLARE', nomNaissance: 'COLLIER' },
        ];
      },
    });
    const el = await list(svc);
    const button = rowOf(el, af.id).querySelector('button.trainees') as HTMLButtonElement;
    expect(text(button)).to.equal('BLANCHE COLLIER + 1');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await click(el, button);
    expect(text(button)).to.equal('BLANCHE COLLIER, CLARE COLLIER');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await click(el, button);
    expect(text(button)).to.equal('BLANCHE COLLIER + 1');
  });

  it('quick search, as one types: usage name, birth name, "quoted compound names", number', async () => {
    const svc = newService();
    const martino = await draft(svc, 'cpro', { patch: (d) => Object.assign(d.salarie, { prenoms: 'Julie', nomNaissance: 'DUPONT', nomUsage: 'MARTINO' }) });
    const noblet = await draft(svc, 'car', { patch: (d) => Object.assign(d.salarie, { prenoms: 'Victoria', nomNaissance: 'de NOBLET' }) });
    const denis = await draft(svc, 'proa', { patch: (d) => Object.assign(d.salarie, { prenoms: 'Denis', nomNaissance: 'NOBLET' }) });
    const el = await list(svc);
    expect(count(el)).to.equal('3 résultats');
    const calls: unknown[] = [];
    const original = svc.list.bind(svc);
    svc.list = (q, v) => (calls.push(q), original(q, v));

    await type(el, 'MARTINO');
    expect(rows(el).map((r) => r[0])).to.deep.equal([martino.id]);
    expect(rows(el)[0]?.[7], 'shown by usage name').to.equal('Julie MARTINO');
    await type(el, 'dupont');
    expect(rows(el).map((r) => r[0]), 'found by birth name').to.deep.equal([martino.id]);

    await type(el, 'de noblet');
    expect(rows(el).map((r) => r[0]).sort(), 'unquoted: two words anywhere').to.deep.equal([noblet.id, denis.id].sort());
    await type(el, '"de Noblet"');
    expect(rows(el).map((r) => r[0]), 'quoted compound name').to.deep.equal([noblet.id]);
    await type(el, '« de Noblet »');
    expect(rows(el).map((r) => r[0])).to.deep.equal([noblet.id]);

    await type(el, denis.id);
    expect(rows(el).map((r) => r[0]), 'by number').to.deep.equal([denis.id]);
    await type(el, 'zzz');
    expect(rows(el)).to.deep.equal([]);
    expect(count(el)).to.equal('0 résultat');
    expect(text($(el, '[part="empty"]'))).to.equal('Aucun brouillon ne correspond à votre recherche.');

    calls.length = 0;
    const input = $<HTMLInputElement>(el, '[part="search"]') as HTMLInputElement;
    for (const v of ['H', 'HU', 'HUM']) {
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    expect(calls.length, 'keystrokes in a row make one query').to.equal(1);
    expect(rows(el).map((r) => r[0]).sort(), 'HUMANDO (the Pro-A is another company)').to.deep.equal([martino.id, noblet.id].sort());
  });

  it('finds a dossier by its number', async () => {
    const svc = newService();
    const a = (await svc.transmit((await draft(svc, 'cpro')).id, as(ADH))).record;
    const b = (await svc.transmit((await draft(svc, 'car')).id, as(ADH))).record;
    const el = await list(svc, { kind: 'dossiers' });
    expect(count(el)).to.equal('2 résultats');
    await type(el, b.numero as string);
    expect(rows(el).map((r) => r[0])).to.deep.equal([b.numero]);
    await type(el, (a.numero as string).slice(4, 8));
    expect(rows(el).map((r) => r[0])).to.deep.equal([a.numero]);
  });

  it('advanced search: multi-select lists, period, Oui/Non, all combined', async () => {
    const svc = newService();
    const cpro = await draft(svc, 'cpro'); // subrogation, 2025-09-01 → 2026-08-31
    const af = await draft(svc, 'af', { mandatGestion: true }); // subrogation, 2026-03-02 → 2026-03-03
    const car = await draft(svc, 'car'); // no subrogation, 2026-02-02 → 2027-01-29
    const proa = await draft(svc, 'proa'); // subrogation, 2026-01-05 → 2026-12-18
    const el = await list(svc);
    const ids = () => rows(el).map((r) => r[0]).sort();
    const advanced = $(el, '[part="advanced"]') as HTMLElement;
    expect(advanced.hidden).to.equal(true);
    await openAdvanced(el);
    expect(advanced.hidden).to.equal(false);
    expect($$(el, '.filter-button').map(text)).to.deep.equal(['Dispositif : Sélection', 'Statut : Sélection', 'Période : Sélection', 'Mandat de gestion : Sélection', 'Subrogation : Sélection']);

    await pick(el, 'Dispositif', 'Contrat de professionnalisation');
    expect(ids()).to.deep.equal([cpro.id]);
    await pick(el, 'Dispositif', 'Action de formation');
    expect(ids(), 'several entries of one list').to.deep.equal([cpro.id, af.id].sort());
    expect(text(filterButton(el, 'Dispositif'))).to.equal('Dispositif : Action de formation, Contrat de professionnalisation');

    await pick(el, 'Mandat de gestion', 'Oui');
    expect(ids(), 'lists combine').to.deep.equal([af.id]);
    await pick(el, 'Mandat de gestion', 'Non');
    expect(ids(), 'Oui and Non: both').to.deep.equal([cpro.id, af.id].sort());
    await pick(el, 'Mandat de gestion', 'Oui');
    expect(ids()).to.deep.equal([cpro.id]);

    // Escape closes a pop-up and gives the focus back to its button.
    const button = filterButton(el, 'Mandat de gestion');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    await pick(el, 'Mandat de gestion', 'Non'); // cleared: no Mandat filter
    await pick(el, 'Dispositif', 'Contrat de professionnalisation');
    await pick(el, 'Dispositif', 'Action de formation');
    expect(ids()).to.deep.equal([cpro.id, af.id, car.id, proa.id].sort());

    await pick(el, 'Subrogation', 'Non');
    expect(ids()).to.deep.equal([car.id]);
    await pick(el, 'Subrogation', 'Non');

    await click(el, filterButton(el, 'Période'));
    const [from, to] = $$<HTMLInputElement>(el, '[data-filter="period"] input[type="date"]');
    (from as HTMLInputElement).value = '2026-03-01';
    from?.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    (to as HTMLInputElement).value = '2026-04-30';
    to?.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(ids(), 'training overlapping the period').to.deep.equal([cpro.id, af.id, car.id, proa.id].sort());
    (from as HTMLInputElement).value = '2026-09-01';
    from?.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    (to as HTMLInputElement).value = '2026-12-31';
    to?.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(ids()).to.deep.equal([car.id, proa.id].sort());
    expect(text(filterButton(el, 'Période'))).to.equal('Période : du 01/09/2026 au 31/12/2026');

    await type(el, 'Karim');
    expect(ids(), 'quick search adds up with the advanced search').to.deep.equal([car.id]);

    // Statut: the states of drafts, labelled for the viewer.
    await type(el, '');
    await click(el, filterButton(el, 'Statut'));
    const states = $$(el, '[data-filter="states"] label').map(text);
    expect(states).to.include.members(['En cours de saisie adhérent', "A reprendre par l'adhérent", 'Reprise de la pré-saisie']);
    expect(states).not.to.include('Transmis');
    await pick(el, 'Statut', "A reprendre par l'adhérent");
    expect(ids()).to.deep.equal([]);
    expect(text($(el, '[part="empty"]'))).to.equal('Aucun brouillon ne correspond à votre recherche.');

    // Réinitialiser les filtres: everything cleared, the advanced search closed.
    await click(el, $(el, '[aria-label="Réinitialiser les filtres"]'));
    expect(advanced.hidden).to.equal(true);
    expect(count(el)).to.equal('4 résultats');
    expect($$(el, '.filter-button').map(text)).to.deep.equal(['Dispositif : Sélection', 'Statut : Sélection', 'Période : Sélection', 'Mandat de gestion : Sélection', 'Subrogation : Sélection']);
  });

  it('works from the keyboard: filter pop-ups open, tick, close with Escape or when leaving', async () => {
    const svc = newService();
    const cpro = await draft(svc, 'cpro');
    await draft(svc, 'car');
    const el = await list(svc);
    await openAdvanced(el);
    const button = filterButton(el, 'Dispositif');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' }); // Action de formation
    await sendKeys({ press: 'Tab' }); // CAR
    await sendKeys({ press: 'Tab' }); // Contrat de professionnalisation
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(rows(el).map((r) => r[0])).to.deep.equal([cpro.id]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' }); // past the 4 entries, on to Statut
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded'), 'closed once the focus left it').to.equal('false');
    expect(root(el).activeElement).to.equal(filterButton(el, 'Statut'));
  });

  it('saves filters as « accès rapides » in the preferences, applies and deletes them', async () => {
    const svc = newService();
    await svc.store.setPreference('acces-rapides', ['not a saved search', { nom: 'Dossiers AF', query: { kind: 'dossiers', dispositifs: ['af'] } }]);
    const cpro = await draft(svc, 'cpro');
    await draft(svc, 'car');
    const el = await list(svc);
    expect($(el, '[part="saved"]'), 'none for this list yet').to.equal(null);
    await openAdvanced(el);
    await pick(el, 'Dispositif', 'Contrat de professionnalisation');
    await click(el, $(el, '[aria-label="Sauvegarder les filtres"]'));
    const dialog = $<HTMLDialogElement>(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Sauvegarder les filtres');
    await click(el, [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Enregistrer'));
    expect(text(dialog.querySelector('[role="alert"]'))).to.equal("Donnez un nom à l'accès rapide.");
    const name = dialog.querySelector('input') as HTMLInputElement;
    name.value = 'Liste CPRO';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    await click(el, [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Enregistrer'));
    expect(dialog.open).to.equal(false);
    expect(await svc.store.getPreference('acces-rapides')).to.deep.equal([
      'not a saved search',
      { nom: 'Dossiers AF', query: { kind: 'dossiers', dispositifs: ['af'] } },
      { nom: 'Liste CPRO', query: { kind: 'brouillons', dispositifs: ['cpro'] } },
    ]);
    expect($$(el, '[part="saved"] li').map(text)).to.deep.equal(['Liste CPRO']);
    expect($(el, '[part="saved"]')?.getAttribute('aria-label')).to.equal('Accès rapides');

    await click(el, $(el, '[aria-label="Réinitialiser les filtres"]'));
    expect(count(el)).to.equal('2 résultats');
    await click(el, $$(el, '[part="saved"] button').find((b) => text(b) === 'Liste CPRO'));
    expect(rows(el).map((r) => r[0])).to.deep.equal([cpro.id]);
    expect(($(el, '[part="advanced"]') as HTMLElement).hidden).to.equal(false);
    expect(text(filterButton(el, 'Dispositif'))).to.equal('Dispositif : Contrat de professionnalisation');

    await click(el, $(el, `[aria-label="Supprimer l'accès rapide Liste CPRO"]`));
    expect($(el, '[part="saved"]')).to.equal(null);
    expect(await svc.store.getPreference('acces-rapides'), 'other entries kept').to.deep.equal(['not a saved search', { nom: 'Dossiers AF', query: { kind: 'dossiers', dispositifs: ['af'] } }]);
  });

  it('offers only the actions the workflow allows, and tells the host', async () => {
    const svc = newService();
    const own = await draft(svc, 'cpro');
    const sent = (await svc.transmit((await draft(svc, 'car')).id, as(ADH))).record;
    // A provider pre-fills and hands over to the employer (no mandat de gestion).
    const { record } = await svc.create({ dispositif: 'cpro', creator: OF, adherent: ADH });
    await svc.save(record.id, await example('cpro', 'prestataire.json'), as(OF), { revision: record.revision });
    const handed = (await svc.transmit(record.id, as(OF))).record;
    expect(handed.state).to.equal('aValiderEmployeur');

    const el = await list(svc);
    expect(actionsOf(rowOf(el, own.id))).to.deep.equal([
      `Détail du brouillon ${own.id}`,
      `Consulter le brouillon ${own.id}`,
      `Modifier le brouillon ${own.id}`,
      `Dupliquer le brouillon ${own.id}`,
      `Supprimer le brouillon ${own.id}`,
    ]);
    expect(rows(el).find((r) => r[0] === handed.id)?.[8]).to.equal("A reprendre par l'adhérent");
    expect(actionsOf(rowOf(el, handed.id)), 'the employer must resume it first').to.deep.equal([`Détail du brouillon ${handed.id}`, `Consulter le brouillon ${handed.id}`, `Dupliquer le brouillon ${handed.id}`]);
    expect(rowOf(el, handed.id).querySelector('button.modifier')?.getAttribute('title') ?? null).to.equal(null);
    expect(rowOf(el, own.id).querySelector('button.modifier')?.getAttribute('title'), 'tooltip').to.equal('Modifier');

    const button = rowOf(el, own.id).querySelector('button.modifier') as HTMLElement;
    setTimeout(() => button.click());
    const ev = await oneEvent(el, 'dossier-action');
    expect(ev.detail.action).to.equal('modifier');
    expect(ev.detail.record.id).to.equal(own.id);
    expect(ev.bubbles && ev.composed).to.equal(true);

    el.viewer = as(OF);
    await el.updateComplete;
    expect(rows(el).map((r) => [r[0], r[8]])).to.deep.equal([[handed.id, "A valider par l'employeur"]]);
    expect(actionsOf(rowOf(el, handed.id)), 'a provider does not get Modifier').to.deep.equal([`Détail du brouillon ${handed.id}`, `Consulter le brouillon ${handed.id}`, `Dupliquer le brouillon ${handed.id}`]);

    el.viewer = as(ADH);
    el.kind = 'dossiers';
    await el.updateComplete;
    const n = sent.numero as string;
    expect(actionsOf(rowOf(el, n)), 'a transmitted dossier: no Modifier, no Supprimer').to.deep.equal([`Détail du dossier ${n}`, `Consulter le dossier ${n}`]);
  });

  it('shows the detail of a request under its row', async () => {
    const svc = newService();
    const af = await draft(svc, 'af');
    const el = await list(svc);
    const button = rowOf(el, af.id).querySelector('button.detail') as HTMLButtonElement;
    await click(el, button);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const detail = $(el, '.detail-row') as HTMLElement;
    expect(text(detail)).to.match(/^Stagiaire\(s\) .* Organisme\(s\) /);
    expect([...detail.querySelectorAll('li')].map(text)).to.include.members(['Alain BODET', 'David COTONNEC', 'Myriam MARTIN', ...af.prestataires.map((p) => p.entityId)]);
    expect(af.prestataires.length).to.be.greaterThan(0);
    await click(el, button);
    expect($(el, '.detail-row')).to.equal(null);
  });

  it('deletes a draft after confirmation', async () => {
    const svc = newService();
    const keep = await draft(svc, 'car');
    const gone = await draft(svc, 'cpro');
    const el = await list(svc);
    const del = rowOf(el, gone.id).querySelector('button.supprimer') as HTMLButtonElement;
    await click(el, del);
    const dialog = $<HTMLDialogElement>(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(text(dialog)).to.contain(`Voulez-vous vraiment supprimer le brouillon n° ${gone.id} ?`);
    await click(el, [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Annuler'));
    expect(dialog.open).to.equal(false);
    expect(root(el).activeElement, 'focus back on the button').to.equal(del);
    expect(count(el)).to.equal('2 résultats');

    await click(el, del);
    const confirm = [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Supprimer') as HTMLButtonElement;
    setTimeout(() => confirm.click());
    const ev = await oneEvent(el, 'dossier-action');
    expect(ev.detail.action).to.equal('deleted');
    await el.updateComplete;
    expect(rows(el).map((r) => r[0])).to.deep.equal([keep.id]);
    expect(count(el)).to.equal('1 résultat');
    expect(text($(el, '[part="message"]'))).to.equal(`Le brouillon n° ${gone.id} a été supprimé.`);
    expect((await svc.store.get(gone.id))?.state).to.equal('supprime');
    expect(root(el).activeElement, 'focus on the search once the row is gone').to.equal($(el, '[part="search"]'));
  });

  it('duplicates a draft with the chosen tabs and sub-dispositif', async () => {
    const svc = newService();
    const af = await draft(svc, 'af');
    const el = await list(svc);
    await click(el, rowOf(el, af.id).querySelector('button.dupliquer'));
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Dupliquer une demande');
    expect(text(dialog.querySelector('legend'))).to.equal('Quels sont les onglets à dupliquer ?');
    const boxes = [...dialog.querySelectorAll<HTMLLabelElement>('label.check')];
    expect(boxes.map(text)).to.deep.equal(['Employeur', 'Formation', 'Stagiaires', 'Financement']);
    expect(boxes.every((b) => (b.querySelector('input') as HTMLInputElement).checked), 'all ticked').to.equal(true);
    const select = dialog.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Plan de développement des compétences', 'Cléa', 'PIC IAE', 'Abondement CPF', 'Action standard']);
    expect(select.value).to.equal('pdc');

    await click(el, boxes.find((b) => text(b) === 'Stagiaires')?.querySelector('input'));
    select.value = 'clea';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const go = [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Continuer') as HTMLButtonElement;
    setTimeout(() => go.click());
    const ev = await oneEvent(el, 'dossier-action');
    expect(ev.detail.action).to.equal('duplicated');
    const copy = ev.detail.record;
    expect(copy.id).not.to.equal(af.id);
    expect(copy.sousDispositif).to.equal('clea');
    expect(copy.data.employeur?.raisonSociale).to.equal('HUMANDO');
    expect(copy.summary.formation).to.equal('Habilitation électrique B0 H0V');
    expect(copy.summary.stagiaires, 'Stagiaires not copied').to.deep.equal([]);
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(rows(el).map((r) => [r[0], r[2]])).to.deep.equal([
      [copy.id, 'Cléa'],
      [af.id, 'Plan de développement des compétences'],
    ]);
    expect(root(el).activeElement, 'focus back on the duplicated row').to.equal(rowOf(el, af.id).querySelector('button.dupliquer'));
  });

  it('pages through 20 or 50 results', async () => {
    const svc = newService();
    for (let i = 0; i < 25; i++) await draft(svc, i % 2 ? 'cpro' : 'car', { empty: true });
    const el = await list(svc);
    expect(count(el)).to.equal('25 résultats');
    expect(rows(el).length).to.equal(20);
    const nav = $(el, '[part="pagination"]') as HTMLElement;
    expect(nav.getAttribute('aria-label')).to.equal('Pagination');
    expect(text(nav.querySelector('.pages'))).to.equal('Page 1 sur 2 · 25 résultats');
    const prev = nav.querySelector('[aria-label="Page précédente"]') as HTMLButtonElement;
    expect(prev.disabled).to.equal(true);
    expect(nav.querySelector('[aria-current="page"]')?.textContent?.trim()).to.equal('1');
    const first = rows(el)[0]?.[0];
    await click(el, nav.querySelector('[aria-label="Page suivante"]'));
    expect(rows(el).length).to.equal(5);
    expect(rows(el)[0]?.[0]).not.to.equal(first);
    expect(text(nav.querySelector('.pages'))).to.equal('Page 2 sur 2 · 25 résultats');
    await click(el, nav.querySelector('[aria-label="Page 1"]'));
    expect(rows(el)[0]?.[0]).to.equal(first);

    const size = $<HTMLSelectElement>(el, '[part="info"] select') as HTMLSelectElement;
    expect([...size.options].map((o) => o.text)).to.deep.equal(['20 résultats par page', '50 résultats par page']);
    size.value = '50';
    size.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.pageSize).to.equal(50);
    expect(rows(el).length).to.equal(25);
    expect($(el, '[part="pagination"]'), 'no pagination within one page').to.equal(null);
  });

  it('shows cards on a phone width (360 px), as the guide does', async () => {
    const svc = newService();
    const car = await draft(svc, 'car', { patch: (d) => (d.formation.intitule = 'Infirmier test') });
    const sent = (await svc.transmit(car.id, as(ADH))).record;
    const el = await list(svc, { kind: 'dossiers', width: 360 });
    await waitUntil(() => !!$(el, '[part="cards"]'));
    expect($(el, '[part="table"]'), 'no table at this width').to.equal(null);
    const cards = $$(el, '[part="card"]');
    expect(cards.length).to.equal(1);
    expect(getComputedStyle($(el, '[part="cards"]') as HTMLElement).display).to.equal('block');
    const lines = [...(cards[0] as HTMLElement).querySelectorAll('p')].map(text);
    expect(lines).to.deep.equal([
      `FPE: ${sent.numero} Transmis`,
      "FPE - Contrat d'alternance reconversion (CAR)",
      'Infirmier test',
      'HUMANDO',
      'Début: 02/02/2026, Fin: 29/01/2027, Stagiaire(s): Karim MARTIN',
    ]);
    expect(($(el, '[part="card"]') as HTMLElement).getBoundingClientRect().width).to.be.at.most(360);
    expect(el.scrollWidth, 'nothing wider than the phone').to.be.at.most(360);
    await expect(el).to.be.accessible();

    // From 320 px, with the advanced search open: nothing wider than the screen.
    el.style.width = '320px';
    await openAdvanced(el);
    await click(el, filterButton(el, 'Dispositif'));
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.scrollWidth).to.be.at.most(320);
    expect(($(el, '[part="create"]') as HTMLElement).getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).to.be.accessible();

    // Back to a wide screen: the table again.
    el.style.width = '900px';
    await waitUntil(() => !!$(el, '[part="table"]'));
    expect($(el, '[part="cards"]')).to.equal(null);
    expect(rows(el).map((r) => r[0])).to.deep.equal([sent.numero]);
  });

  it('is accessible: table, advanced search open, saved searches, pagination', async () => {
    const svc = newService();
    await svc.store.setPreference('acces-rapides', [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'] } }]);
    for (let i = 0; i < 21; i++) await draft(svc, 'cpro', { empty: true });
    await draft(svc, 'af', { mandatGestion: true });
    const el = await list(svc);
    await openAdvanced(el);
    await click(el, filterButton(el, 'Dispositif'));
    await expect(el).to.be.accessible();
    await click(el, $$(el, 'tbody button.trainees')[0]);
    await expect(el).to.be.accessible();
  });

  it('is accessible with its dialogs open', async () => {
    const svc = newService();
    const cpro = await draft(svc, 'cpro');
    const el = await list(svc);
    await click(el, rowOf(el, cpro.id).querySelector('button.dupliquer'));
    await el.updateComplete;
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(true);
    expect($$(el, 'dialog label.check').map(text)).to.deep.equal(['Employeur', 'Salarié', 'Contrat', 'Formation', 'Financement']);
    await expect(el).to.be.accessible();
    await click(el, $$(el, 'dialog button').find((b) => text(b) === 'Annuler'));
    await click(el, rowOf(el, cpro.id).querySelector('button.supprimer'));
    await expect(el).to.be.accessible();
  });

  it('emits dossier-create, re-queries when kind or service change, and survives bad records', async () => {
    const svc = newService();
    await draft(svc, 'cpro');
    const el = await list(svc);
    const create = $$(el, 'button').find((b) => text(b) === 'Créer un nouveau dossier') as HTMLButtonElement;
    setTimeout(() => create.click());
    const ev = await oneEvent(el, 'dossier-create');
    expect(ev.detail.kind).to.equal('brouillons');

    el.kind = 'dossiers';
    await el.updateComplete;
    expect(count(el)).to.equal('0 résultat');
    expect(text($(el, '[part="empty"]'))).to.equal("Vous n'avez aucun dossier transmis à AKTO.");

    const other = new MemoryStore();
    const now = new Date().toISOString();
    const bad = {
      id: '99999',
      dispositif: 'inconnu',
      sousDispositif: 'x',
      state: 'bizarre',
      kind: 'brouillon',
      visibleTo: [`adherent:${ADH.entityId}`],
      revision: 0,
      creator: ADH,
      adherent: ADH,
      prestataires: [],
      mandatGestion: false,
      subrogation: false,
      data: {},
      summary: { formation: '<b>pas du HTML</b>', debut: 'demain', stagiaires: [{ nomUsage: 'SEUL' }] },
      createdAt: now,
      updatedAt: now,
    } as DossierRecord;
    await other.save(bad);
    el.kind = 'brouillons';
    el.service = new DossierService(other);
    await el.updateComplete;
    expect(rows(el)).to.deep.equal([['99999', 'INCONNU', 'x', '<b>pas du HTML</b>', 'demain', '-', '', 'SEUL', 'bizarre']]);
    expect($(el, 'tbody b'), 'text, never HTML').to.equal(null);
    expect(actionsOf(rowOf(el, '99999'))).to.deep.equal(['Détail du brouillon 99999', 'Consulter le brouillon 99999']);
  });
});
