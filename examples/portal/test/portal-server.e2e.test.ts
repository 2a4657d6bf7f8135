/**
 * The portal signed in to the example server, in headless Chromium: the employer signs in through the
 * server's real demo page (/auth/), creates a CPRO draft, types a field and saves; after a reload the draft
 * is in the list from the server (and not in this browser's IndexedDB); « Télécharger les CERFA de la
 * liste » shows the job's progress up to N / N and links to the PDF. The employer deposits a document on a sent
 * dossier; the back-office agent finds sent dossiers, no drafts; providers with and without mandat de gestion
 * create requests (« saisie complète » refused without one). The example server runs in-process on a
 * free port over a temporary PGlite data folder; the portal reaches it through CORS (`?api=`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server.js';
// @ts-expect-error -- plain ESM script of the repository, no type declarations
import { launchChromium } from '../../../scripts/chromium.mjs';
import { serve } from '../../../scripts/serve.mjs';

const SHOTS = 'tmp/screenshots';
let statics: Server;
let api: RunningServer;
let browser: Browser;
let dir = '';
let portal = '';

before(async () => {
  statics = await serve(0);
  const origin = `http://127.0.0.1:${(statics.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'akto-portal-server-'));
  api = await startServer({ dataDir: join(dir, 'pgdata'), demoKeyDir: dir, port: 0, portalOrigins: [origin] });
  portal = `${origin}/examples/portal/?api=${encodeURIComponent(api.url)}`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  statics?.close();
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('demo portal signed in to the example server', () => {
  it('employer: sign in, create and save a CPRO on the server, find it after a reload, CERFA of the list with its progress', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(portal);
    await page.getByText('Démonstration hors ligne : données enregistrées dans ce navigateur').waitFor();

    // Sign in through the server's demo page; it sends the browser back with the token in the hash.
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Employeur (adhérent) HUMANDO' }).click();
    await page.getByText('Données enregistrées sur le serveur').waitFor();
    await page.getByText('HUMANDO (Adhérent)').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    assert.doesNotMatch(page.url(), /access_token/, 'the token is removed from the address');
    assert.equal(await page.locator('#profil').isVisible(), false, 'the token’s user replaces the profile selector');
    assert.equal(await page.locator('#bell').isVisible(), false, 'the server sends the notifications: no local bell');
    await page.screenshot({ path: `${SHOTS}/accueil-connecte.png`, fullPage: true });

    // A new CPRO, created by the server; a field typed and saved.
    await page.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await page.getByRole('radio', { name: 'Permanent' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/#\/brouillon\/\d+/);
    const id = /#\/brouillon\/(\d+)/.exec(page.url())?.[1] as string;
    await page.getByRole('tab', { name: /Salarié/ }).click();
    await page.getByLabel('Nom de naissance', { exact: false }).first().fill('DURANDEAU');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Votre saisie a bien été enregistrée.').waitFor();
    const stored = await api.store.get(id);
    assert.ok(stored, 'the draft is on the server');
    assert.match(JSON.stringify(stored.data), /DURANDEAU/, 'with the typed field');

    // After a reload, still signed in: the list comes from the server, and this browser keeps nothing.
    await page.reload();
    await page.goto(`${portal}#/brouillons`);
    await page.getByText('Données enregistrées sur le serveur').waitFor();
    await page.getByPlaceholder('N°, formation, entreprise, stagiaire').fill('durandeau');
    await page.getByRole('button', { name: `Consulter le brouillon ${id}` }).first().waitFor();
    const local = await page.evaluate(async (id) => {
      const { IndexedDbStore } = await import('/packages/elements/bundle/akto-elements.js');
      return (await new IndexedDbStore('akto-portail-demo').get(id)) ?? null;
    }, id);
    assert.equal(local, null, 'the draft is not in IndexedDB');

    // The CERFA of the list, made by a server job: progress up to N / N, then a link to each PDF.
    await page.getByPlaceholder('N°, formation, entreprise, stagiaire').fill('');
    const total = (await api.host.service.list({ kind: 'brouillons', pageSize: 200 }, { role: 'adherent', entityId: '40101593800038' })).total;
    await page.getByRole('button', { name: 'Télécharger les CERFA de la liste' }).click();
    await page.getByText(`${total} / ${total}`, { exact: true }).waitFor();
    assert.equal(await page.locator('.cerfa-job progress').getAttribute('max'), String(total));
    assert.equal(await page.locator('.cerfa-job progress').evaluate((p: HTMLProgressElement) => p.value), total);
    const link = page.getByRole('link', { name: /^CERFA du dossier n° / }).first();
    const download = page.waitForEvent('download');
    await link.click();
    const pdf = await download;
    assert.match(pdf.suggestedFilename(), /^cerfa-\d+\.pdf$/);
    assert.match((await link.getAttribute('href')) ?? '', /^blob:/, 'the PDF was fetched with the token');
    await page.screenshot({ path: `${SHOTS}/cerfa-liste.png`, fullPage: true });

    // Signing out goes back to the offline demo.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Démonstration hors ligne : données enregistrées dans ce navigateur').waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('employer deposits a document on a sent dossier; the back-office agent finds the dossier among the sent ones, never the drafts', async () => {
    // Seeded through the server's own workflow: a complete CPRO transmitted by the employer, and a draft.
    const employer = { role: 'adherent' as const, entityId: '40101593800038', name: 'HUMANDO' };
    const service = api.host.service;
    const created = (await service.create({ dispositif: 'cpro', creator: employer, adherent: employer })).record;
    const valid = JSON.parse(readFileSync(new URL('../../../schemas/cpro/examples/valid.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    await service.save(created.id, valid, employer, { revision: created.revision });
    const sent = (await service.transmit(created.id, employer)).record;
    const draft = (await service.create({ dispositif: 'cpro', creator: employer, adherent: employer })).record;

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(portal);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Employeur (adhérent) HUMANDO' }).click();
    await page.getByText('HUMANDO (Adhérent)').waitFor();
    await page.goto(`${portal}#/dossier/${sent.id}`);
    await page.getByRole('heading', { name: `Contrat de professionnalisation N° ${sent.numero}` }).waitFor();
    await page.getByRole('button', { name: 'Déposer un document' }).click();
    await page.getByLabel('Type de document').selectOption({ label: 'Avenant' });
    await page.getByLabel('Fichier').setInputFiles({ name: 'avenant.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByText('Le document « avenant.pdf » (Avenant) a bien été déposé.').waitFor();
    const files = ((await api.store.get(sent.id))?.data.documents as { fichiers?: { type: string; nom: string }[] } | undefined)?.fichiers ?? [];
    assert.ok(files.some((f) => f.type === 'avenant' && f.nom === 'avenant.pdf'), 'the document is kept by the server');
    await page.getByRole('cell', { name: 'avenant.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    // The agent signs in: the sent dossier is among the dossiers; the employer's draft is nowhere.
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Gestionnaire AKTO (back-office)' }).click();
    await page.getByText('Agent AKTO (Gestionnaire AKTO)').waitFor();
    await page.goto(`${portal}#/dossiers`);
    const search = page.getByPlaceholder('N°, formation, entreprise, stagiaire');
    await search.fill(sent.numero ?? '');
    await page.getByRole('row').filter({ hasText: sent.numero ?? '' }).first().waitFor();
    await page.goto(`${portal}#/brouillons`);
    await page.getByText('Données enregistrées sur le serveur').waitFor();
    await search.fill(draft.id);
    await page.getByText('Aucun brouillon ne correspond à votre recherche.').waitFor();
    assert.equal(await page.getByRole('button', { name: `Consulter le brouillon ${draft.id}` }).count(), 0, 'drafts are not the agent’s');
    await page.screenshot({ path: `${SHOTS}/gestionnaire-brouillons.png`, fullPage: true });
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('providers: without a mandat de gestion the server refuses « saisie complète » and takes a pre-entry; with one, the whole request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const create = async (user: string, choice: RegExp) => {
      await page.goto(portal);
      await page.getByRole('link', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: user }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
      await page.getByRole('radio', { name: 'Permanent' }).check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /Contrat de professionnalisation/ }).check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByText("Disposez-vous d'un mandat de gestion de l'entreprise ?").waitFor();
      await page.getByRole('radio', { name: choice }).check();
      await page.getByRole('button', { name: 'Continuer' }).click();
    };
    const full = /Saisie complète pour le compte de l'entreprise/;
    const pre = /Pré-saisie soumise à la validation de l'entreprise/;

    await create('Organisme de formation LEGOUD CONSEIL FORMATION (sans mandat de gestion)', full);
    await page.getByText('Vous ne détenez pas de mandat de gestion pour cet employeur : transmettez la demande à l’adhérent.').waitFor();
    assert.doesNotMatch(page.url(), /#\/brouillon\//, 'no draft was opened');
    await page.getByRole('radio', { name: pre }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/#\/brouillon\/\d+/);
    const preEntry = await api.store.get(/#\/brouillon\/(\d+)/.exec(page.url())?.[1] as string);
    assert.deepEqual([preEntry?.creator.entityId, preEntry?.adherent.entityId, preEntry?.mandatGestion], ['48816678600019', '40101593800038', false]);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    await create('Organisme de formation BUREAU VERITAS EXPLOITATION (mandat de gestion de HUMANDO)', full);
    await page.waitForURL(/#\/brouillon\/\d+/);
    const underMandat = await api.store.get(/#\/brouillon\/(\d+)/.exec(page.url())?.[1] as string);
    assert.deepEqual([underMandat?.creator.entityId, underMandat?.adherent.entityId, underMandat?.mandatGestion], ['73282932000074', '40101593800038', true]);
    assert.deepEqual(errors, [], 'no error in the page');
    await context.close();
  });

  it('a token the server refuses: back to the sign-in, with a French message', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(portal);
    // A well-formed token the server did not sign (claims readable, signature wrong).
    const claims = Buffer.from(JSON.stringify({ akto_role: 'adherent', siret: '40101593800038', name: 'HUMANDO', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    await page.evaluate((t) => sessionStorage.setItem('akto-portail-jeton', t), `eyJhbGciOiJFUzI1NiJ9.${claims}.c2lnbmF0dXJl`);
    await page.goto(`${portal}#/brouillons`);
    await page.reload();
    await page.getByText('Vous n’êtes pas identifié : reconnectez-vous à votre espace.').waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('akto-portail-jeton')), null, 'the token is cleared');
    await context.close();
  });
});
