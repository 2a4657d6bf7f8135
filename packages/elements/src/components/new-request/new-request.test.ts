import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createEngine, DossierService, getAt, listDispositifs, MemoryStore, type Viewer } from '@akto/engine';
import './new-request.js';
import type { Account, AktoNewRequest } from './new-request.js';
import { cardLabel, cleanAccounts, matchesAccount, stepsFor } from './new-request-model.js';
import { waitUntil } from '../../../test/wait.js';

const HUMANDO: Account = {
  siren: '401015938',
  raisonSociale: 'HUMANDO',
  travailTemporaire: true,
  etablissements: [
    {
      siret: '40101593800038',
      raisonSociale: 'HUMANDO VILLEURBANNE',
      ville: 'VILLEURBANNE',
      naf: '7820Z',
      idcc: '1413',
      conventionCollective: 'Convention collective nationale du personnel permanent des entreprises de travail temporaire',
      adresse: { voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE' },
      email: 'agence.villeurbanne@exemple.fr',
    },
    { siret: '40101593800046', raisonSociale: 'HUMANDO LYON 7', ville: 'LYON', naf: '7820Z', idcc: '1413', adresse: { voie: '10 AVENUE JEAN JAURES', codePostal: '69007', commune: 'LYON' } },
  ],
};

const BISTROT: Account = {
  siren: '812345676',
  raisonSociale: 'LE BISTROT DU VIEUX-PORT',
  etablissements: [
    {
      siret: '81234567600009',
      raisonSociale: 'LE BISTROT DU VIEUX-PORT',
      ville: 'MARSEILLE',
      naf: '5610A',
      idcc: '1979',
      conventionCollective: 'Convention collective nationale des hôtels, cafés, restaurants (HCR)',
      adresse: { voie: '12 QUAI DU PORT', codePostal: '13002', commune: 'MARSEILLE' },
    },
  ],
};

const ADHERENT: Viewer = { role: 'adherent', entityId: '40101593800038' };

async function chooser(accounts: unknown, opts: { profile?: 'adherent' | 'prestataire'; viewer?: Viewer; service?: DossierService } = {}) {
  const service = opts.service ?? new DossierService(new MemoryStore());
  const el = await fixture<AktoNewRequest>(html`<akto-new-request
    .service=${service}
    .viewer=${opts.viewer ?? ADHERENT}
    .accounts=${accounts as Account[]}
    profile=${opts.profile ?? 'adherent'}
  ></akto-new-request>`);
  return { el, service };
}


const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...(el.shadowRoot?.querySelectorAll(sel) ?? [])] as HTMLElement[];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const question = (el: Element) => text($(el, '.question'));
const choices = (el: Element) => $$(el, '[part~="choice"] .choice-title').map(text);

async function pick(el: AktoNewRequest, title: string) {
  const label = $$(el, '[part~="choice"]').find((l) => text(l.querySelector('.choice-title')) === title);
  if (!label) throw new Error(`no choice « ${title} » among ${choices(el).join(', ')}`);
  (label.querySelector('input') as HTMLInputElement).click();
  await el.updateComplete;
}

async function next(el: AktoNewRequest) {
  ($(el, '[data-action="continue"]') as HTMLButtonElement).click();
  await el.updateComplete;
  await el.updateComplete;
}

async function search(el: AktoNewRequest, value: string) {
  const input = $(el, 'input[type="search"]') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<akto-new-request>', () => {
  it('is accessible on the company step and on the dispositif cards', async () => {
    const { el } = await chooser([HUMANDO, BISTROT]);
    await expect(el).to.be.accessible();
    await pick(el, 'LE BISTROT DU VIEUX-PORT');
    await next(el);
    expect(question(el)).to.equal('Quel dispositif ?');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const { el } = await chooser([HUMANDO, BISTROT]);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      await pick(el, 'HUMANDO');
      await next(el);
      await pick(el, 'HUMANDO VILLEURBANNE');
      await next(el);
      await pick(el, 'Intérimaire');
      await next(el);
      expect(question(el)).to.equal('Quel dispositif ?');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      const cards = $$(el, '[part~="card"]');
      expect(cards[0]!.getBoundingClientRect().left, 'cards in one column').to.equal(cards[1]!.getBoundingClientRect().left);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('several SIREN: asks the company first, with a search by SIREN, SIRET or name', async () => {
    const { el } = await chooser([HUMANDO, BISTROT]);
    expect(text($(el, '.title'))).to.equal('Nouvelle demande');
    expect(question(el)).to.equal('Quel établissement ou entreprise réalise cette demande?');
    expect($(el, '.question')?.getAttribute('role')).to.equal('heading');
    expect(el.shadowRoot?.activeElement, 'focus on the step heading').to.equal($(el, '.question'));
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    expect(input.placeholder).to.equal('Siren, siret ou dénomination...');
    expect(text(el.shadowRoot?.querySelector(`label[for="${input.id}"]`))).to.equal('Entreprise ou établissement rattaché');
    expect($(el, '[role="radiogroup"]')?.getAttribute('aria-labelledby')).to.equal($(el, '.question')?.id);
    expect(choices(el)).to.deep.equal(['HUMANDO', 'LE BISTROT DU VIEUX-PORT']);
    expect(text($(el, '[part~="choice"] .choice-detail'))).to.equal('SIREN 401 015 938 · 2 établissements');
    expect($(el, '[data-action="back"]'), 'no Retour on the first step').to.equal(null);

    await search(el, 'bistrot');
    expect(choices(el)).to.deep.equal(['LE BISTROT DU VIEUX-PORT']);
    expect(text($(el, '.count'))).to.equal('1 résultat.');
    await search(el, '401 015 938 00046');
    expect(choices(el)).to.deep.equal(['HUMANDO']);
    await search(el, 'vieux port marseille');
    expect(choices(el)).to.deep.equal(['LE BISTROT DU VIEUX-PORT']);
    await search(el, 'zzz');
    expect(choices(el)).to.deep.equal([]);
    expect(text($(el, '.count'))).to.equal('Aucun résultat.');
    await search(el, '');
    expect(choices(el)).to.have.length(2);
  });

  it('Continuer with nothing chosen says so and keeps the step', async () => {
    const { el } = await chooser([HUMANDO, BISTROT]);
    await next(el);
    expect(question(el)).to.equal('Quel établissement ou entreprise réalise cette demande?');
    expect(text($(el, '[part="error"]'))).to.contain("Sélectionnez l'entreprise ou l'établissement.");
    expect($(el, '[part="error"]')?.getAttribute('role')).to.equal('alert');
    expect($(el, '[role="radiogroup"]')?.getAttribute('aria-invalid')).to.equal('true');
    await pick(el, 'HUMANDO');
    expect(text($(el, '[part="error"]'))).to.equal('');
  });

  it('temporary work: company, establishment, public, then every card open to temps, FPE included', async () => {
    const { el } = await chooser([HUMANDO, BISTROT]);
    await pick(el, 'HUMANDO');
    await next(el);
    expect(question(el)).to.equal('Quel établissement effectuant la demande?');
    expect(el.shadowRoot?.activeElement).to.equal($(el, '.question'));
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    expect(text(el.shadowRoot?.querySelector(`label[for="${input.id}"]`))).to.equal('Etablissement effectuant demande');
    expect(choices(el)).to.deep.equal(['HUMANDO VILLEURBANNE', 'HUMANDO LYON 7']);
    await search(el, 'lyon');
    expect(choices(el)).to.deep.equal(['HUMANDO LYON 7']);
    await search(el, '');
    await pick(el, 'HUMANDO VILLEURBANNE');
    await next(el);
    expect(question(el)).to.equal('Quel est le type de public concerné ?');
    expect(choices(el)).to.deep.equal(['Permanent', 'Intérimaire']);
    await pick(el, 'Intérimaire');
    await next(el);
    expect(question(el)).to.equal('Quel dispositif ?');
    expect(choices(el)).to.have.members(['Action de formation', 'FPE', 'Contrat de professionnalisation', 'Reconversion ou promotion par alternance']);
    // Retour goes back through every step that applied, keeping the choices.
    ($(el, '[data-action="back"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(question(el)).to.equal('Quel est le type de public concerné ?');
    expect(($$(el, 'input[type="radio"]').find((r) => (r as HTMLInputElement).checked) as HTMLInputElement).value).to.equal('interimaire');
    await pick(el, 'Permanent');
    await next(el);
    expect(choices(el), 'the CAR (FPE) is for temps only').to.have.members(['Action de formation', 'Contrat de professionnalisation', 'Reconversion ou promotion par alternance']);
  });

  it('a single SIREN with a single SIRET, not temporary work: straight to the dispositif', async () => {
    const { el } = await chooser([BISTROT]);
    expect(question(el)).to.equal('Quel dispositif ?');
    expect($(el, '[data-action="back"]')).to.equal(null);
    expect(choices(el)).to.have.members(['Action de formation', 'Contrat de professionnalisation', 'Reconversion ou promotion par alternance']);
    expect($$(el, '[part~="card"]')).to.have.length(3);
  });

  it('the host may narrow the dispositifs offered (e.g. by branch)', async () => {
    const { el } = await chooser([BISTROT]);
    el.dispositifs = listDispositifs().filter((d) => d.id === 'cpro' || d.id === 'af');
    await el.updateComplete;
    expect(choices(el)).to.deep.equal(['Action de formation', 'Contrat de professionnalisation']);
  });

  it('a single SIREN with several SIRET starts with the establishment', async () => {
    const { el } = await chooser([HUMANDO]);
    expect(question(el)).to.equal('Quel établissement effectuant la demande?');
    expect($(el, '[data-action="back"]')).to.equal(null);
  });

  it('cards follow the profile: a provider is not offered the CAR (adherents only)', async () => {
    const { el } = await chooser([{ ...HUMANDO, etablissements: [HUMANDO.etablissements[0]!] }], {
      profile: 'prestataire',
      viewer: { role: 'prestataire', entityId: '48816678600019' },
    });
    expect(question(el)).to.equal('Quel est le type de public concerné ?');
    await pick(el, 'Intérimaire');
    await next(el);
    expect(choices(el)).to.have.members(['Action de formation', 'Contrat de professionnalisation', 'Reconversion ou promotion par alternance']);
  });

  it('radio groups work with the keyboard (arrows choose, Enter continues)', async () => {
    const { el } = await chooser([BISTROT]);
    const radios = $$(el, 'input[type="radio"]') as HTMLInputElement[];
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(radios[0]!.checked).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const checked = ($$(el, 'input[type="radio"]') as HTMLInputElement[]).findIndex((r) => r.checked);
    expect(checked).to.equal(1);
    expect(el.shadowRoot?.activeElement).to.equal(radios[1]);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect((radios[0] as HTMLInputElement).value).to.equal('af');
    expect(radios[0]!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(question(el)).to.equal('Quel sous-dispositif ?');
    expect(el.shadowRoot?.activeElement).to.equal($(el, '.question'));
  });

  it('AF: the open sub-dispositifs are asked, then the draft is created with the establishment filled', async () => {
    const { el, service } = await chooser([HUMANDO, BISTROT]);
    await pick(el, 'HUMANDO');
    await next(el);
    await pick(el, 'HUMANDO VILLEURBANNE');
    await next(el);
    await pick(el, 'Permanent');
    await next(el);
    await pick(el, 'Action de formation');
    await next(el);
    expect(question(el)).to.equal('Quel sous-dispositif ?');
    const af = listDispositifs().find((d) => d.id === 'af')!;
    expect(choices(el)).to.deep.equal(af.sousDispositifs.filter((s) => !s.disabled).map((s) => s.label));
    await next(el);
    expect(text($(el, '[part="error"]'))).to.contain('Sélectionnez un sous-dispositif.');
    await pick(el, 'Cléa');
    const created = oneEvent(el, 'request-create');
    await next(el);
    const { detail } = await created;
    const record = detail.record;
    expect(record.dispositif).to.equal('af');
    expect(record.sousDispositif).to.equal('clea');
    expect(record.state).to.equal('saisieAdherent');
    expect(record.creator).to.deep.equal(ADHERENT);
    expect(record.adherent).to.deep.equal({ role: 'adherent', entityId: '40101593800038', name: 'HUMANDO VILLEURBANNE', email: 'agence.villeurbanne@exemple.fr' });
    expect(record.data.employeur).to.deep.include({
      raisonSociale: 'HUMANDO VILLEURBANNE',
      siret: '40101593800038',
      naf: '7820Z',
      idcc: '1413',
      conventionCollective: 'Convention collective nationale du personnel permanent des entreprises de travail temporaire',
      typePublic: 'permanent',
    });
    expect(getAt(record.data, '/employeur/adresse')).to.deep.equal({ voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE' });
    // Every read-only field the layout fills from the establishment holds its value.
    const engine = await createEngine('af');
    const sourced = engine.definition.layout.tabs.flatMap((t) => t.sections.flatMap((s) => s.fields)).filter((f) => f.source === 'etablissement' && f.readOnly);
    expect(sourced.length).to.be.greaterThanOrEqual(5);
    for (const f of sourced) expect(getAt(record.data, f.field), f.field).to.not.equal(undefined);
    const mapped = Object.keys(engine.definition.identity.references?.etablissement ?? {}).filter((p) => !p.endsWith('/complement'));
    for (const p of mapped) expect(getAt(record.data, p), p).to.not.equal(undefined);
    const stored = await service.open(record.id, ADHERENT);
    expect(stored.record.data.employeur).to.deep.include({ siret: '40101593800038' });
  });

  it('FPE: the only open sub-dispositif (CAR) is not asked; disabled ones are never offered', async () => {
    const { el } = await chooser([HUMANDO]);
    await pick(el, 'HUMANDO LYON 7');
    await next(el);
    await pick(el, 'Intérimaire');
    await next(el);
    await pick(el, 'FPE');
    expect(($(el, '[data-action="continue"]') as HTMLElement).dataset.last, 'Continuer creates the draft now').to.equal('true');
    const created = oneEvent(el, 'request-create');
    await next(el);
    const { detail } = await created;
    expect(detail.record.dispositif).to.equal('car');
    expect(detail.record.sousDispositif).to.equal('car');
    expect(detail.record.data.employeur).to.deep.include({ siret: '40101593800046', typePublic: 'interimaire', naf: '7820Z' });
    expect(detail.record.adherent).to.deep.equal({ role: 'adherent', entityId: '40101593800046', name: 'HUMANDO LYON 7' });
  });

  it('a provider says whether it enters under a mandat de gestion; the draft carries the choice', async () => {
    const PROVIDER: Viewer = { role: 'prestataire', entityId: '48816678600019' };
    const { el, service } = await chooser([BISTROT], { profile: 'prestataire', viewer: PROVIDER });
    await pick(el, 'Contrat de professionnalisation');
    expect(($(el, '[data-action="continue"]') as HTMLElement).dataset.last, 'one more step for a provider').to.equal('false');
    await next(el);
    expect(question(el)).to.equal("Disposez-vous d'un mandat de gestion de l'entreprise ?");
    expect(choices(el)).to.deep.equal([
      "Saisie complète pour le compte de l'entreprise (dans le cadre du mandat de gestion)",
      "Pré-saisie soumise à la validation de l'entreprise",
    ]);
    await next(el);
    expect(text($(el, '[part="error"]'))).to.contain('Indiquez si la saisie est faite sous mandat de gestion.');
    await pick(el, "Saisie complète pour le compte de l'entreprise (dans le cadre du mandat de gestion)");
    let created = oneEvent(el, 'request-create');
    await next(el);
    const withMandat = (await created).detail.record;
    expect(withMandat.mandatGestion).to.equal(true);
    expect(withMandat.creator).to.deep.equal(PROVIDER);
    expect((await service.open(withMandat.id, PROVIDER)).record.mandatGestion, 'stored with the draft').to.equal(true);

    el.restart();
    await el.updateComplete;
    await pick(el, 'Contrat de professionnalisation');
    await next(el);
    await pick(el, "Pré-saisie soumise à la validation de l'entreprise");
    created = oneEvent(el, 'request-create');
    await next(el);
    expect((await created).detail.record.mandatGestion).to.equal(false);
  });

  it('an employer is never asked about the mandat de gestion', async () => {
    const { el } = await chooser([BISTROT]);
    await pick(el, 'Contrat de professionnalisation');
    expect(($(el, '[data-action="continue"]') as HTMLElement).dataset.last).to.equal('true');
    const created = oneEvent(el, 'request-create');
    await next(el);
    expect((await created).detail.record.mandatGestion).to.equal(false);
  });

  it('changing the company forgets the establishment and the public', async () => {
    const { el } = await chooser([HUMANDO, BISTROT]);
    await pick(el, 'HUMANDO');
    await next(el);
    await pick(el, 'HUMANDO LYON 7');
    ($(el, '[data-action="back"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await pick(el, 'LE BISTROT DU VIEUX-PORT');
    await next(el);
    expect(question(el), 'single SIRET, not temporary work').to.equal('Quel dispositif ?');
    ($(el, '[data-action="back"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(question(el)).to.equal('Quel établissement ou entreprise réalise cette demande?');
  });

  it('Fermer and Escape emit request-cancel; nothing is created', async () => {
    const { el, service } = await chooser([HUMANDO, BISTROT]);
    let cancelled = oneEvent(el, 'request-cancel');
    ($(el, '[part="close"]') as HTMLButtonElement).click();
    await cancelled;
    expect(text($(el, '[part="close"] .visually-hidden'))).to.equal('Fermer');
    cancelled = oneEvent(el, 'request-cancel');
    ($(el, 'input[type="radio"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Escape' });
    await cancelled;
    // Escape in a filled search empties it first.
    let count = 0;
    el.addEventListener('request-cancel', () => count++);
    await search(el, 'bistrot');
    ($(el, 'input[type="search"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(count).to.equal(0);
    expect(choices(el)).to.have.length(2);
    expect((await service.list({}, ADHERENT)).total).to.equal(0);
  });

  it('shows why a creation failed and lets the user retry', async () => {
    const service = new DossierService(new MemoryStore());
    const { el } = await chooser([BISTROT], { service });
    const original = service.create.bind(service);
    let fail = true;
    service.create = async (input) => {
      if (fail) throw new Error('Service indisponible.');
      return original(input);
    };
    await pick(el, 'Contrat de professionnalisation');
    await next(el);
    await waitUntil(() => text($(el, '[part="error"]')) !== '');
    expect(text($(el, '[part="error"]'))).to.contain("La demande n'a pas pu être créée. Service indisponible.");
    fail = false;
    const created = oneEvent(el, 'request-create');
    await next(el);
    expect((await created).detail.record.dispositif).to.equal('cpro');
  });

  it('never throws on bad rattachements', async () => {
    const { el } = await chooser([null, 'x', 42, { siren: '1' }, { etablissements: [{ siret: 123 }, { nom: 'sans siret' }] }, { siren: '999', etablissements: 'no' }]);
    expect(el.cleanedAccounts).to.deep.equal([{ siren: '123', raisonSociale: '123', travailTemporaire: false, etablissements: [{ siret: '123', raisonSociale: '123' }] }]);
    expect(question(el), 'a single SIRET left').to.equal('Quel dispositif ?');
    el.dispositifs = 'x' as never;
    await el.updateComplete;
    expect(text($(el, '.empty'))).to.equal("Aucun dispositif n'est ouvert pour ce type de public et ce profil.");
    el.dispositifs = [null, { id: 'cpro', label: 'Contrat de professionnalisation', publics: ['permanent'], roles: ['adherent'], sousDispositifs: 'no' }] as never;
    await el.updateComplete;
    expect(choices(el)).to.deep.equal(['Contrat de professionnalisation']);
    const { el: empty } = await chooser(undefined);
    expect(text($(empty, '.empty'))).to.contain("Aucune entreprise ni aucun établissement n'est rattaché");
    await expect(empty).to.be.accessible();
  });
});

describe('new-request model', () => {
  it('applies the skip rules of guide 003', () => {
    const all = listDispositifs();
    const accounts = cleanAccounts([HUMANDO, BISTROT]);
    expect(stepsFor(accounts, all, {})).to.deep.equal(['entreprise', 'etablissement', 'public', 'dispositif', 'sousDispositif']);
    expect(stepsFor(accounts, all, { siren: '812345676', dispositif: 'cpro' })).to.deep.equal(['entreprise', 'dispositif']);
    expect(stepsFor(cleanAccounts([BISTROT]), all, { dispositif: 'af' })).to.deep.equal(['dispositif', 'sousDispositif']);
    expect(stepsFor(cleanAccounts([HUMANDO]), all, { dispositif: 'car' })).to.deep.equal(['etablissement', 'public', 'dispositif']);
    expect(stepsFor(cleanAccounts([BISTROT]), all, { dispositif: 'cpro' }, 'prestataire')).to.deep.equal(['dispositif', 'mandat']);
  });

  it('names the cards as the guide does', () => {
    const names = Object.fromEntries(listDispositifs().map((d) => [d.id, cardLabel(d)]));
    expect(names).to.deep.equal({
      af: 'Action de formation',
      car: 'FPE',
      cpro: 'Contrat de professionnalisation',
      proa: 'Reconversion ou promotion par alternance',
    });
  });

  it('searches SIREN, SIRET (with spaces) and names without accents', () => {
    const [humando] = cleanAccounts([HUMANDO]);
    expect(matchesAccount(humando!, '401015938')).to.equal(true);
    expect(matchesAccount(humando!, '401 015 938 00038')).to.equal(true);
    expect(matchesAccount(humando!, 'humandó villeurbanne')).to.equal(true);
    expect(matchesAccount(humando!, '999')).to.equal(false);
  });
});
