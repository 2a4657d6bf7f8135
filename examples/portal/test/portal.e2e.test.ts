/**
 * The guides' flows played through the demo portal in headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core): a provider creates a CPRO and hands it to the employer; the employer finds
 * it by trainee name, resumes, completes and transmits it; the sent dossier's view; a draft duplicated with
 * chosen tabs; a provider under mandat de gestion transmits straight to AKTO. Screenshots of the portal on desktop and phone widths are written to tmp/screenshots/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
// @ts-expect-error -- plain ESM script of the repository, no type declarations
import { launchChromium } from '../../../scripts/chromium.mjs';
import { serve } from '../../../scripts/serve.mjs';

const SHOTS = 'tmp/screenshots';
let server: Server;
let browser: Browser;
let base = '';

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/examples/portal/`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function profile(page: Page, value: 'adherent' | 'prestataire') {
  await page.selectOption('#profil', value);
}

/** Saves a whole example into a draft, as earlier entry sessions would have (the portal's own service and store). */
async function fillDraft(page: Page, id: string, example: string, role: 'adherent' | 'prestataire') {
  await page.evaluate(
    async ({ id, example, role }) => {
      const { DossierService, IndexedDbStore } = await import('/packages/elements/bundle/akto-elements.js');
      const data = await (await fetch(example)).json();
      const entity = role === 'adherent' ? '40101593800038' : '48816678600019';
      const service = new DossierService(new IndexedDbStore('akto-portail-demo'));
      const record = await service.open(id, { role, entityId: entity });
      await service.save(id, data, { role, entityId: entity }, { revision: record.record.revision });
    },
    { id, example, role },
  );
}

const draftId = async (page: Page) => {
  await page.waitForURL(/#\/brouillon\/\d+/);
  return /#\/brouillon\/(\d+)/.exec(page.url())?.[1] as string;
};

describe('demo portal, end to end', () => {
  it('provider → employer → AKTO: create, hand over, find, resume, complete, transmit, view; duplicate', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByRole('heading', { name: 'Accueil' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/accueil-desktop.png`, fullPage: true });

    // 1. The training provider starts a CPRO for HUMANDO.
    await profile(page, 'prestataire');
    await page.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: "Pré-saisie soumise à la validation de l'entreprise" }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    const id = await draftId(page);
    await page.getByRole('tab', { name: /Employeur/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/assistant-desktop.png`, fullPage: true });
    await fillDraft(page, id, '/schemas/cpro/examples/prestataire.json', 'prestataire');
    await page.goto(`${base}#brouillon=${id}&onglet=salarie`); // the resume link
    await page.getByRole('tab', { name: /Salarié/, selected: true }).waitFor();
    const nom = page.getByLabel('Nom de naissance', { exact: false }).first();
    await nom.fill('STICH');
    // Leaving with an unsaved change asks first; « Annuler » stays on the draft.
    await page.getByRole('link', { name: 'Brouillons' }).click();
    await page.getByText('Voulez-vous enregistrer pour plus tard ?').waitFor();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('tab', { name: /Salarié/, selected: true }).waitFor();
    assert.match(page.url(), new RegExp(`brouillon=${id}`));
    await page.getByRole('button', { name: "Transmettre la demande à l'adhérent" }).click();
    await page.getByText("L'employeur vient de recevoir un mail").waitFor();

    // 2. The employer is notified, finds the draft by the trainee's name and resumes it.
    await profile(page, 'adherent');
    assert.notEqual(await page.locator('#unread').textContent(), '0', 'the bell counts the new notification');
    await page.goto(`${base}#/brouillons`);
    await page.getByPlaceholder('N°, formation, entreprise, stagiaire').fill('stich');
    await page.getByRole('button', { name: `Consulter le brouillon ${id}` }).first().click();
    // The list's row and state filter also show the state until the wizard replaces the list.
    await page.locator('akto-dossier-wizard').getByText("A reprendre par l'adhérent").waitFor();
    await page.getByRole('button', { name: 'Reprendre', exact: true }).click();
    await page.getByText('Reprise de la pré-saisie').waitFor();

    // 3. The employer completes what only it may fill, and transmits.
    await page.getByRole('tab', { name: /Contrat/ }).click();
    await page.getByLabel('Salaire mensuel brut', { exact: false }).fill('1500');
    await page.getByRole('tab', { name: /Formation/ }).click();
    await page.getByRole('radiogroup', { name: /Paiement direct par l'OPCO/ }).getByRole('radio', { name: 'Oui' }).check();
    await page.getByRole('tab', { name: /Salarié/ }).click();
    await page.getByRole('checkbox', { name: /atteste que le\(s\) tuteur\(s\)/ }).check();
    await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
    await page.getByText('Votre demande a bien été transmise à AKTO').waitFor();
    const numero = /Le numéro (\d{4}CP\d{6})/.exec((await page.locator('akto-dossier-wizard').textContent()) ?? '')?.[1]
      ?? /(\d{4}CP\d{6})/.exec(await page.content())?.[1];

    // 4. The sent dossier in the Dossiers list, and its view; the back office moves it on.
    await page.goto(`${base}#/dossiers`);
    await page.getByRole('button', { name: /Consulter le dossier \d{4}CP\d{6}/ }).first().click();
    await page.getByText(/N° \d{4}CP\d{6}/).first().waitFor();
    if (numero) await page.getByText(numero).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/dossier-desktop.png`, fullPage: true });
    await page.getByRole('button', { name: 'Simuler le back-office AKTO : étape suivante' }).click();
    await page.getByText("Nouvel état : En cours d'analyse.").waitFor();

    // 5. Duplicate a draft, keeping only some tabs.
    await page.goto(`${base}#/nouveau`);
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    const second = await draftId(page);
    await fillDraft(page, second, '/schemas/cpro/examples/valid.json', 'adherent');
    await page.goto(`${base}#/brouillons`);
    await page.getByRole('button', { name: `Dupliquer le brouillon ${second}` }).click();
    await page.getByRole('checkbox', { name: 'Salarié' }).uncheck();
    await page.getByRole('checkbox', { name: 'Contrat' }).uncheck();
    await page.getByRole('dialog').getByRole('button', { name: 'Continuer' }).click();
    const copy = await draftId(page);
    assert.notEqual(copy, second);
    const copied = await page.evaluate(async (copyId) => {
      const { IndexedDbStore } = await import('/packages/elements/bundle/akto-elements.js');
      return (await new IndexedDbStore('akto-portail-demo').get(copyId))?.data;
    }, copy);
    assert.equal((copied as { employeur?: { siret?: string } }).employeur?.siret, '40101593800038', 'Employeur copied');
    assert.equal((copied as { salarie?: unknown }).salarie, undefined, 'Salarié not copied');
    assert.equal((copied as { contrat?: unknown }).contrat, undefined, 'Contrat not copied');
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('provider under mandat de gestion: creates the dossier, finds it by the legend, transmits it straight to AKTO', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await profile(page, 'prestataire');
    await page.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByText("Disposez-vous d'un mandat de gestion de l'entreprise ?").waitFor();
    await page.getByRole('radio', { name: /Saisie complète pour le compte de l'entreprise \(dans le cadre du mandat de gestion\)/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    const id = await draftId(page);
    await page.getByRole('tab', { name: /Employeur/ }).waitFor();
    // Under mandat the provider enters the whole request, the company's fields too (guide 004, « saisie complète »).
    await fillDraft(page, id, '/schemas/cpro/examples/valid.json', 'prestataire');

    // The Brouillons list marks it with the legend's « Mandat de gestion » icon.
    await page.goto(`${base}#/brouillons`);
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: `Consulter le brouillon ${id}` }) });
    await row.getByRole('img', { name: 'Mandat de gestion' }).waitFor();
    // The advanced search's « Mandat de gestion » filter: « Oui » keeps it, « Non » leaves it out.
    await page.getByRole('button', { name: 'Recherche Avancée' }).click();
    await page.getByRole('button', { name: /Mandat de gestion :/ }).click();
    await page.getByRole('checkbox', { name: 'Oui' }).check();
    await row.waitFor();
    await page.getByRole('checkbox', { name: 'Oui' }).uncheck();
    await page.getByRole('checkbox', { name: 'Non' }).check();
    await row.waitFor({ state: 'detached' });

    // Under mandat the provider transmits to AKTO itself: no hand-over to the employer.
    await page.goto(`${base}#brouillon=${id}&onglet=salarie`);
    await page.getByRole('tab', { name: /Salarié/, selected: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: "Transmettre la demande à l'adhérent" }).count(), 0);
    await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
    await page.getByText('Votre demande a bien été transmise à AKTO').waitFor();
    const stored = await page.evaluate(async (draft) => {
      const { IndexedDbStore } = await import('/packages/elements/bundle/akto-elements.js');
      const r = await new IndexedDbStore('akto-portail-demo').get(draft);
      return { state: r?.state, mandatGestion: r?.mandatGestion };
    }, id);
    assert.deepEqual(stored, { state: 'transmis', mandatGestion: true });

    // It is among the dossiers, « Transmis », with the icon; the employer was never asked to validate it.
    await page.goto(`${base}#/dossiers`);
    const sent = page.getByRole('row').filter({ has: page.getByRole('img', { name: 'Mandat de gestion' }) }).filter({ hasText: 'Transmis' });
    await sent.first().waitFor();
    const notes = await page.evaluate(() => JSON.parse(localStorage.getItem('akto-portail-notifications') ?? '[]') as { to: string; kind: string; dossier: string }[]);
    assert.equal(notes.filter((n) => n.dossier === id && n.kind === 'a-valider').length, 0, 'no « à valider » notification to the employer');
    // The provider's notification « … transmise à AKTO » opens the sent dossier's view.
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByRole('link', { name: new RegExp(`La demande .* a été transmise à AKTO`) }).first().click();
    await page.waitForURL(new RegExp(`#/dossier/${id}$`));
    await page.getByText(/N° \d{4}CP\d{6}/).first().waitFor();
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('home page counts link to the filtered drafts; a notification opens its draft', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    // The provider pre-fills a CPRO and hands it over to the employer.
    await profile(page, 'prestataire');
    await page.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: "Pré-saisie soumise à la validation de l'entreprise" }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    const handed = await draftId(page);
    await fillDraft(page, handed, '/schemas/cpro/examples/prestataire.json', 'prestataire');
    await page.goto(`${base}#brouillon=${handed}&onglet=salarie`);
    await page.getByRole('button', { name: "Transmettre la demande à l'adhérent" }).click();
    await page.getByText("L'employeur vient de recevoir un mail").waitFor();

    // The employer starts one of its own.
    await profile(page, 'adherent');
    await page.goto(`${base}#/nouveau`);
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    const own = await draftId(page);

    // Home: « 1 demande(s) à valider », « 1 dossiers à compléter », each a link to the list filtered on it.
    await page.goto(`${base}#/accueil`);
    const dashboard = page.getByRole('region', { name: 'Tableau de bord' });
    await dashboard.getByRole('link', { name: '1 demande(s) à valider' }).click();
    await page.getByText('Accès rapide « Demandes à valider » appliqué.').waitFor();
    await page.getByRole('button', { name: `Consulter le brouillon ${handed}` }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: `Consulter le brouillon ${own}` }).count(), 0);
    await page.goto(`${base}#/accueil`);
    await dashboard.getByRole('link', { name: '1 dossiers à compléter' }).click();
    await page.getByText('Accès rapide « Dossiers à compléter » appliqué.').waitFor();
    await page.getByRole('button', { name: `Consulter le brouillon ${own}` }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: `Consulter le brouillon ${handed}` }).count(), 0);

    // The bell: the notification about the handed-over draft opens it, and is then read.
    const unread = Number(await page.locator('#unread').textContent());
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByRole('link', { name: new RegExp(`vous a transmis la demande n° ${handed}`) }).click();
    await page.waitForURL(new RegExp(`#/brouillon/${handed}$`));
    await page.locator('akto-dossier-wizard').waitFor();
    assert.equal(Number(await page.locator('#unread').textContent()), unread - 1, 'that notification is now read');
    assert.equal(await page.locator('#notifications').isHidden(), true, 'the panel closes');
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('phone width: the portal and the wizard fit 375 px', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${base}#/brouillons`);
    await page.getByRole('heading', { name: 'Brouillons' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/brouillons-phone.png`, fullPage: true });
    await page.goto(`${base}#/accueil`);
    await page.getByRole('heading', { name: 'Accueil' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/accueil-phone.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scroll (${overflow}px)`);
    await context.close();
  });
});
