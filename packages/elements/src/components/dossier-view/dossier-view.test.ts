import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { DossierService, getAt, MemoryStore, type DossierRecord, type Viewer } from '@akto/engine';
import './dossier-view.js';
import type { AktoDossierView } from './dossier-view.js';
import { conformityOf, formatDay, formatMoney, initials } from './dossier-view-model.js';
import { waitUntil } from '../../../test/wait.js';

const json = async <T>(url: string) => (await (await fetch(url)).json()) as T;

/** A dossier created from the dispositif's valid example, then transmitted (state « Transmis »). */
async function sent(dispositif: string, change?: (data: Record<string, unknown>) => void) {
  const data = await json<Record<string, unknown>>(`/schemas/${dispositif}/examples/valid.json`);
  change?.(data);
  const store = new MemoryStore();
  const service = new DossierService(store, { now: () => new Date(2025, 6, 30, 9, 0, 0) });
  const siret = getAt(data, '/employeur/siret') as string;
  const viewer: Viewer = { role: 'adherent', entityId: siret };
  const { record } = await service.create({ dispositif, creator: viewer, adherent: { ...viewer, name: 'HUMANDO' }, data });
  const out = await service.transmit(record.id, viewer);
  return { store, service, viewer, record: out.record };
}

/** Sets fields the back office would set on a stored record. */
async function patch(store: MemoryStore, id: string, change: (r: DossierRecord & Record<string, unknown>) => void) {
  const r = (await store.get(id)) as DossierRecord & Record<string, unknown>;
  change(r);
  await store.save(r);
}


async function view(service: DossierService, viewer: Viewer, id: string, upload?: (f: File, t: string) => Promise<string>) {
  const el = await fixture<AktoDossierView>(html`<akto-dossier-view .service=${service} .viewer=${viewer} .upload=${upload} dossier-id=${id}></akto-dossier-view>`);
  await waitUntil(() => !!el.shadowRoot?.querySelector('[part="card"], .failure'));
  return el;
}

const $ = (el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...(el.shadowRoot?.querySelectorAll(sel) ?? [])] as HTMLElement[];
/** Visible text, spaces (and Intl's no-break spaces) collapsed. */
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const section = (el: Element, name: string) => $(el, `[part~="${name}"]`)!;
const amounts = (el: Element) =>
  Object.fromEntries($$(el, '[part="amounts"] > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
const button = (root: Element, label: string) => [...root.querySelectorAll('button')].find((b) => text(b).startsWith(label)) as HTMLButtonElement | undefined;

function pdfFile(name: string, content = '%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n'): File {
  return new File([content], name, { type: 'application/pdf' });
}

async function chooseFile(el: AktoDossierView, file: File) {
  const input = $(el, '[part="deposit"] input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function chooseType(el: AktoDossierView, code: string) {
  const select = $(el, '[part="deposit"] select') as HTMLSelectElement;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<akto-dossier-view>', () => {
  it('is accessible, with every list unfolded, the financing detail and the deposit form open', async () => {
    const { service, viewer, record } = await sent('af');
    const el = await view(service, viewer, record.id);
    await expect(el).to.be.accessible();
    for (const b of $$(el, '[part="toggle"]')) b.click();
    button(section(el, 'documents'), 'Déposer un document')!.click();
    await el.updateComplete;
    expect($(el, '[part="deposit"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen: tables turn into cards, nothing overflows', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const { service, viewer, record } = await sent('af');
      const el = await view(service, viewer, record.id);
      for (const b of $$(el, '[part="toggle"]')) b.click();
      button(section(el, 'documents'), 'Déposer un document')!.click();
      await el.updateComplete;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const right = el.getBoundingClientRect().right;
      const wide = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => !n.closest('thead') && n.getBoundingClientRect().right > right + 0.5).map((n) => `${n.tagName}.${n.className}#${n.getAttribute('part') ?? ''}:${Math.round(n.getBoundingClientRect().right)}`);
      expect(wide, 'elements wider than the screen').to.deep.equal([]);
      expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(el.clientWidth);
      for (const region of $$(el, '.scroll')) expect(region.scrollWidth, 'tables need no scrolling').to.be.at.most(region.clientWidth);
      expect(getComputedStyle($(el, 'table.cards tr')!).display).to.equal('block');
      expect(getComputedStyle($(el, 'table.cards td')!, '::before').content).to.equal('"Demandé"');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows the card: dispositif and number, sub-dispositif, creation date, state', async () => {
    const { service, viewer, record } = await sent('af');
    expect(record.numero).to.equal('2507AF000001');
    const el = await view(service, viewer, record.id);
    const card = $(el, '[part="card"]')!;
    expect(text(card.querySelector('[role="heading"]'))).to.equal('Action de formation N° 2507AF000001');
    expect(card.querySelector('[role="heading"]')?.getAttribute('aria-level')).to.equal('2');
    expect(text(card.querySelector('.card-sub'))).to.equal('Plan de développement des compétences');
    expect([...card.querySelectorAll('.card-date')].map(text)).to.deep.equal(['Créé le 30/07/2025', 'Transmis le 30/07/2025', 'Origine du dossier : Mon espace']);
    expect(text($(el, '[part~="badge"]'))).to.equal('État : Transmis');
  });

  it('« Origine du dossier » as the back office records it; no « Transmis le » on a draft', async () => {
    const { store, service, viewer, record } = await sent('af');
    await patch(store, record.id, (r) => (r.origine = 'Logiciel de gestion (API)'));
    const el = await view(service, viewer, record.id);
    expect(text($(el, '[part="card"]'))).to.contain('Origine du dossier : Logiciel de gestion (API)');
    const { record: draft } = await service.create({ dispositif: 'af', creator: viewer, adherent: viewer, data: {} });
    el.dossierId = draft.id;
    await waitUntil(() => text($(el, '[part="card"] [role="heading"]')).endsWith(draft.id));
    expect([...$(el, '[part="card"]')!.querySelectorAll('.card-date')].map(text)).to.deep.equal(['Créé le 30/07/2025', 'Origine du dossier : Mon espace']);
  });

  it('« Documents associés »: the letters of AKTO (accord, refus, relance), a French empty state, only web links', async () => {
    const { store, service, viewer, record } = await sent('af');
    const el = await view(service, viewer, record.id);
    const tabs = $$(el, '[part="tabs"] [role="tab"]');
    expect(tabs.map(text)).to.deep.equal(['Détails', 'Documents associés']);
    expect(tabs[0]?.getAttribute('aria-selected')).to.equal('true');
    tabs[1]!.click();
    await el.updateComplete;
    expect($(el, '[part~="formation"]'), 'the details are on the other tab').to.equal(null);
    const empty = section(el, 'documents-associes');
    expect(text(empty.querySelector('[role="heading"]'))).to.equal('Documents associés (0)');
    expect(text(empty.querySelector('.empty'))).to.match(/^Aucun document associé à ce dossier/);

    await patch(store, record.id, (r) => {
      r.documentsAssocies = [
        { type: 'accord', nom: 'Accord-2507AF000001.pdf', date: '2025-08-04', url: '/courriers/accord.pdf' },
        { type: 'relance', nom: 'Relance.pdf', date: '2025-09-01T10:00:00Z', url: 'javascript:alert(1)' },
        { type: 'refus', nom: '<b>Refus</b>.pdf', date: '2025-09-15' },
      ];
    });
    await el.refresh();
    await el.updateComplete;
    const list = section(el, 'documents-associes');
    expect($(el, '[part="tabs"] [aria-selected="true"]')?.textContent?.trim(), 'the tab stays open after a refresh').to.equal('Documents associés');
    expect(text(list.querySelector('[role="heading"]'))).to.equal('Documents associés (3)');
    const rows = [...list.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(rows).to.deep.equal([
      ["Courrier d'accord de prise en charge", 'Accord-2507AF000001.pdf', '04/08/2025'],
      ['Courrier de relance', 'Relance.pdf', '01/09/2025'],
      ['Courrier de refus', '<b>Refus</b>.pdf', '15/09/2025'],
    ]);
    const links = [...list.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['Accord-2507AF000001.pdf']);
    expect(links[0]?.getAttribute('href')).to.equal(new URL('/courriers/accord.pdf', location.href).href);
    expect(list.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
    tabs[0]!.click();
    await el.updateComplete;
    expect($(el, '[part~="formation"]')).to.not.equal(null);
  });

  it('AF: modules with organisme, hours and dates; « Déployer la liste » beyond two', async () => {
    const { service, viewer, record } = await sent('af', (data) => {
      const modules = data.modules as Record<string, unknown>[];
      modules.push({ ...modules[0], intitule: 'Sauveteur secouriste du travail', dateDebut: '2026-04-07', dateFin: '2026-04-08', dureeHeures: 7.5 });
    });
    const el = await view(service, viewer, record.id);
    const formation = section(el, 'formation');
    expect(text(formation.querySelector('[role="heading"]'))).to.equal('Modules (3)');
    let items = [...formation.querySelectorAll('li')].map(text);
    expect(items).to.deep.equal([
      'Habilitation électrique B0 H0V LEGOUD CONSEIL FORMATION 14h Du 02/03/2026 au 03/03/2026',
      'Gestes et postures : prévention des troubles musculosquelettiques FORMAPRO PRÉVENTION 21h Du 16/03/2026 au 20/03/2026',
    ]);
    const toggle = formation.querySelector('[part="toggle"]') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Déployer la liste : Modules');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot?.getElementById(toggle.getAttribute('aria-controls')!)?.tagName).to.equal('UL');
    toggle.click();
    await el.updateComplete;
    items = [...formation.querySelectorAll('li')].map(text);
    expect(items).to.have.length(3);
    expect(items[2]).to.equal('Sauveteur secouriste du travail LEGOUD CONSEIL FORMATION 7,5h Du 07/04/2026 au 08/04/2026');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Replier la liste : Modules');
    toggle.click();
    await el.updateComplete;
    expect(formation.querySelectorAll('li')).to.have.length(2);
  });

  it('trainees: two shown with their initials, then « Déployer la liste » / « Replier la liste »', async () => {
    const { service, viewer, record } = await sent('af');
    const el = await view(service, viewer, record.id);
    const stagiaires = section(el, 'stagiaires');
    expect(text(stagiaires.querySelector('[role="heading"]'))).to.equal('Stagiaires (3)');
    expect(text(stagiaires.querySelector('.entreprise'))).to.equal('HUMANDO :');
    const names = () => [...stagiaires.querySelectorAll('li')].map((li) => [text(li.querySelector('.avatar')), text(li.querySelector('.trainee-name'))]);
    expect(names()).to.deep.equal([
      ['AB', 'Alain BODET'],
      ['DC', 'David COTONNEC'],
    ]);
    expect(stagiaires.querySelector('.avatar')?.getAttribute('aria-hidden')).to.equal('true');
    const toggle = stagiaires.querySelector('[part="toggle"]') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Déployer la liste : Stagiaires');
    toggle.click();
    await el.updateComplete;
    expect(names()[2]).to.deep.equal(['MM', 'Myriam MARTIN']);
    expect(text(toggle)).to.equal('Replier la liste : Stagiaires');
    toggle.click();
    await el.updateComplete;
    expect(names()).to.have.length(2);
  });

  it('AF financing: Demandé is the computed total, Accordé/Réglé 0 until the back office says; detail by nature and module', async () => {
    const { service, viewer, record } = await sent('af');
    const el = await view(service, viewer, record.id);
    const fin = section(el, 'financements');
    expect(text(fin.querySelector('[role="heading"]'))).to.equal('Financements (5)');
    expect(text(fin.querySelector('.subrogation'))).to.equal('avec subrogation');
    expect(amounts(el)).to.deep.equal({ 'Demandé *': '5 050,50 €', Accordé: '0,00 €', Réglé: '0,00 €', Solde: '0,00 €' });
    expect(text(fin.querySelector('.note'))).to.equal("* N'inclus que les coûts demandés exprimés en monétaire.");
    const toggle = button(fin, 'Voir le détail')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part="detail"]')?.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(text(toggle)).to.equal('Masquer le détail du financement');
    const groups = $$(el, '[part="detail"] .cost-group');
    expect(groups.map((g) => text(g.querySelector('.group-title')))).to.deep.equal(['Module du 02/03/2026 au 03/03/2026', 'Module du 16/03/2026 au 20/03/2026']);
    expect(text(groups[0]!.querySelector('.group-sub'))).to.equal('LEGOUD CONSEIL FORMATION / Habilitation électrique B0 H0V');
    const headers = [...groups[0]!.querySelectorAll('thead th')].map(text);
    expect(headers).to.deep.equal(['Nature', 'Demandé', 'Accordé (HT)', 'Payé (HT)', 'Solde (HT)']);
    const rows = (g: Element) => [...g.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows(groups[0]!)).to.deep.equal([
      ['Montant CP', '1 400,00 € (HT)', '0,00 €', '0,00 €', '0,00 €'],
      ['Repas', '120,00 € (HT)', '0,00 €', '0,00 €', '0,00 €'],
    ]);
    expect(rows(groups[1]!).map((r) => r[0])).to.deep.equal(['Montant CP', 'Transport', 'Rémunération brute chargée']);
    button(fin, 'Masquer le détail')!.click();
    await el.updateComplete;
    expect($(el, '[part="detail"]')?.hidden).to.equal(true);
    expect(text(button(fin, 'Voir le détail'))).to.equal('Voir le détail du financement');
  });

  it('reads Accordé and Réglé from the record’s suiviFinancier, totals and lines', async () => {
    const { store, service, viewer, record } = await sent('af');
    await patch(store, record.id, (r) => {
      r.state = 'accorde';
      r.suiviFinancier = { accorde: 5050.5, regle: 1400, lignes: [{ nature: 'montant-cp', module: 1, accorde: 1400, regle: 1400 }] };
    });
    const el = await view(service, viewer, record.id);
    expect(text($(el, '[part~="badge"]'))).to.equal('État : Accordé');
    expect($(el, '[part~="badge"]')?.classList.contains('ok')).to.equal(true);
    expect(amounts(el)).to.deep.equal({ 'Demandé *': '5 050,50 €', Accordé: '5 050,50 €', Réglé: '1 400,00 €', Solde: '3 650,50 €' });
    button(section(el, 'financements'), 'Voir le détail')!.click();
    await el.updateComplete;
    const first = $(el, '[part="detail"] tbody tr')!;
    expect([...first.children].map(text)).to.deep.equal(['Montant CP', '1 400,00 € (HT)', '1 400,00 €', '1 400,00 €', '0,00 €']);
  });

  it('CPRO: one formation, the salarié, and the cost lines of the common financement', async () => {
    const { service, viewer, record } = await sent('cpro');
    const el = await view(service, viewer, record.id);
    expect(text($(el, '[part="card"] [role="heading"]'))).to.match(/^Contrat de professionnalisation N° 2507CP\d{6}$/);
    const formation = section(el, 'formation');
    expect(text(formation.querySelector('[role="heading"]'))).to.equal('Formation');
    expect(text(formation.querySelector('li'))).to.equal('CQP Accompagnement socio-professionnel LEGOUD CONSEIL FORMATION 400h Du 08/09/2025 au 30/06/2026');
    expect(formation.querySelector('[part="toggle"]')).to.equal(null);
    expect(text(section(el, 'stagiaires').querySelector('[role="heading"]'))).to.equal('Stagiaires (1)');
    expect(text(section(el, 'stagiaires').querySelector('.trainee-name'))).to.equal('Lilo STICH');
    expect(text(section(el, 'financements').querySelector('[role="heading"]'))).to.equal('Financements (3)');
    expect(amounts(el)['Demandé *']).to.equal('6 350,00 €');
    button(section(el, 'financements'), 'Voir le détail')!.click();
    await el.updateComplete;
    expect($$(el, '[part="detail"] tbody th').map(text)).to.deep.equal(['Coûts pédagogiques', 'Frais de transport', 'Autres frais']);
  });

  it('documents: conformity from the back office, « En attente » otherwise', async () => {
    const { store, service, viewer, record } = await sent('af');
    await patch(store, record.id, (r) => {
      const files = (r.data.documents as { fichiers: Record<string, unknown>[] }).fichiers;
      files[0]!.conformite = 'conforme';
    });
    const el = await view(service, viewer, record.id);
    const docs = section(el, 'documents');
    expect(text(docs.querySelector('[role="heading"]'))).to.equal('Pièces justificatives (4)');
    expect([...docs.querySelectorAll('thead th')].map(text)).to.deep.equal(['Conformité', 'Nature du document', 'Fichier', 'Déposé le']);
    const rows = [...docs.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 3).map(text));
    expect(rows).to.deep.equal([
      ['CONFORME', 'Convention', 'convention-legoud.pdf'],
      ['En attente', 'Convention', 'convention-formapro.pdf'],
      ['En attente', 'Programme', 'programmes.docx'],
      ['En attente', 'Bilan de positionnement', 'bilan-positionnement.pdf'],
    ]);
  });

  it('« Déposer un document »: the types of the dispositif after transmission (Pro-A)', async () => {
    const { service, viewer, record } = await sent('proa');
    const el = await view(service, viewer, record.id);
    const toggle = button(section(el, 'documents'), 'Déposer un document')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const select = $(el, '[part="deposit"] select') as HTMLSelectElement;
    expect(el.shadowRoot?.activeElement).to.equal(select);
    expect(text(el.shadowRoot?.querySelector(`label[for="${select.id}"]`))).to.equal('Type de document');
    expect([...select.options].map(text)).to.deep.equal(['Choisir le type de document', 'Pièce PRO A', 'Avenant', 'Convention de majoration TH', 'Courrier de rupture']);
    button($(el, '[part="deposit"]')!, 'Annuler')!.click();
    await el.updateComplete;
    expect($(el, '[part="deposit"]')).to.equal(null);
    expect(el.shadowRoot?.activeElement).to.equal(toggle);
  });

  it('deposit: refuses a missing type and a fake PDF, then deposits a real one and refreshes', async () => {
    const { store, service, viewer, record } = await sent('cpro');
    const uploaded: string[] = [];
    const el = await view(service, viewer, record.id, async (file, type) => {
      uploaded.push(`${type}:${file.name}`);
      return `ged://${file.name}`;
    });
    expect(text(section(el, 'documents').querySelector('[role="heading"]'))).to.equal('Pièces justificatives (3)');
    button(section(el, 'documents'), 'Déposer un document')!.click();
    await el.updateComplete;
    const form = () => $(el, '[part="deposit"]')!;
    const messages = () => text(form().querySelector('[role="alert"]')).replace(/^▲/, '');
    await chooseFile(el, pdfFile('courrier.pdf'));
    button(form(), 'Déposer')!.click();
    await waitUntil(() => messages() !== '');
    expect(messages()).to.equal('Erreur : Choisissez un type de document proposé.');
    expect(form().querySelector('select')?.getAttribute('aria-invalid')).to.equal('true');

    await chooseType(el, 'courrier-rupture');
    await chooseFile(el, new File(['Ceci est un texte, pas un PDF.'], 'faux.pdf', { type: 'application/pdf' }));
    button(form(), 'Déposer')!.click();
    await waitUntil(() => messages().includes('faux.pdf'));
    expect(messages()).to.equal('Erreur : Le contenu du fichier « faux.pdf » ne correspond pas à un format accepté.');
    expect(uploaded).to.deep.equal([]);
    expect(((await store.get(record.id))!.data.documents as { fichiers: unknown[] }).fichiers).to.have.length(3);

    await chooseFile(el, pdfFile('courrier.pdf'));
    const added = oneEvent(el, 'document-add');
    button(form(), 'Déposer')!.click();
    const { detail } = await added;
    await el.updateComplete;
    expect(uploaded).to.deep.equal(['courrier-rupture:courrier.pdf']);
    const files = (detail.record.data.documents as { fichiers: Record<string, unknown>[] }).fichiers;
    expect(files.at(-1)).to.deep.include({ type: 'courrier-rupture', nom: 'courrier.pdf', format: 'pdf', ref: 'ged://courrier.pdf' });
    expect($(el, '[part="deposit"]')).to.equal(null);
    const docs = section(el, 'documents');
    expect(text(docs.querySelector('[role="heading"]'))).to.equal('Pièces justificatives (4)');
    const last = [...docs.querySelectorAll('tbody tr')].at(-1)!;
    expect([...last.children].slice(0, 3).map(text)).to.deep.equal(['En attente', 'Courrier de rupture', 'courrier.pdf']);
    expect(text(docs.querySelector('[part="status"]'))).to.equal('Le document « courrier.pdf » (Courrier de rupture) a bien été déposé.');
    expect(el.shadowRoot?.activeElement).to.equal(button(docs, 'Déposer un document'));
  });

  it('no « Déposer un document » where the workflow does not allow it (a refused dossier)', async () => {
    const { store, service, viewer, record } = await sent('car');
    await patch(store, record.id, (r) => (r.state = 'refuse'));
    const el = await view(service, viewer, record.id);
    expect(text($(el, '[part~="badge"]'))).to.equal('État : Refusé');
    expect(button(section(el, 'documents'), 'Déposer un document')).to.equal(undefined);
    expect(text($(el, '[part="card"] [role="heading"]'))).to.match(/^Contrat d'alternance reconversion \(CAR\) N° 2507TT\d{6}$/);
    expect(text(section(el, 'financements').querySelector('[role="heading"]'))).to.equal('Financements (0)');
    expect(amounts(el)['Demandé *']).to.equal('0,00 €');
  });

  it('a provider sees only its own module', async () => {
    const { service, record } = await sent('af');
    const el = await view(service, { role: 'prestataire', entityId: '48816678600019' }, record.id);
    expect(text(section(el, 'formation').querySelector('[role="heading"]'))).to.equal('Modules (1)');
    expect(text(section(el, 'formation').querySelector('li'))).to.contain('LEGOUD CONSEIL FORMATION');
  });

  it('« Retour à la liste » emits view-close; an unknown dossier says so', async () => {
    const { service, viewer } = await sent('cpro');
    const el = await view(service, viewer, '999');
    expect(text($(el, '.failure'))).to.equal('Brouillon ou dossier n° 999 introuvable.');
    expect($(el, '.failure')?.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'view-close');
    expect(text($(el, '[part="back"]'))).to.equal('‹ Retour à la liste');
    $(el, '[part="back"]')!.click();
    await closed;
  });
});

describe('dossier-view model', () => {
  it('formats money, dates and initials in French', () => {
    expect(formatMoney(25371).replace(/[\u00a0\u202f]/g, ' ')).to.equal('25 371,00 €');
    expect(formatMoney('x' as unknown as number).replace(/[\u00a0\u202f]/g, ' ')).to.equal('0,00 €');
    expect(formatDay('2025-07-30')).to.equal('30/07/2025');
    expect(formatDay('n/a')).to.equal('');
    expect(initials({ prenoms: 'Alain', nomNaissance: 'BODET' })).to.equal('AB');
    expect(initials({ prenoms: 'élodie', nomNaissance: 'x', nomUsage: 'martin' })).to.equal('ÉM');
    expect(conformityOf('Conforme')).to.deep.equal({ text: 'CONFORME', conforme: true });
    expect(conformityOf(undefined)).to.deep.equal({ text: 'En attente', conforme: false });
    expect(conformityOf('non_conforme').text).to.equal('NON CONFORME');
  });
});
