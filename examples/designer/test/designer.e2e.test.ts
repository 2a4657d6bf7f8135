/**
 * The designer page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), served
 * by scripts/serve.mjs under the CSP its README states: open the built-in CPRO, edit a rule's message and
 * see it in the wizard, break a rule's sample and see it fail, point a rule at an unknown field and see
 * the `check` problem, break the JSON and keep the preview, download the edited folder.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { type Browser, type Page } from 'playwright-core';
import { scaffoldFiles } from '../../../packages/engine/src/check/index.js';
// @ts-expect-error -- plain ESM script of the repository, no type declarations
import { launchChromium } from '../../../scripts/chromium.mjs';
import { serve } from '../../../scripts/serve.mjs';

const RULE = 'cpro.salarie.age-min';
const OLD_MESSAGE = "Le salarié doit être âgé d'au moins 16 ans pour conclure un tel contrat";
const NEW_MESSAGE = 'Le salarié a moins de seize ans (message du concepteur)';
let server: Server;
let browser: Browser;
let page: Page;
const errors: string[] = [];

before(async () => {
  server = await serve(0);
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text());
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/examples/designer/`);
  await page.waitForFunction(() => document.querySelector('akto-definition-designer')?.shadowRoot?.querySelector('akto-dossier-wizard:not([hidden])')?.shadowRoot?.querySelector('[role="tablist"]'));
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Replaces the first `from` after `after` in the file shown, as typing over it would (one edit in the editor). */
async function edit(from: string, to: string, after = '') {
  await page.evaluate(
    ({ from, to, after }) => {
      const editor = document.querySelector('akto-definition-designer')?.shadowRoot?.querySelector('akto-json-editor') as unknown as { view: { state: { doc: { toString(): string } }; dispatch(tr: object): void } };
      const text = editor.view.state.doc.toString();
      const at = text.indexOf(from, text.indexOf(after));
      if (at < 0) throw new Error(`« ${from} » introuvable`);
      editor.view.dispatch({ changes: { from: at, to: at + from.length, insert: to }, userEvent: 'input.type' });
    },
    { from, to, after },
  );
}

const designer = () => page.locator('akto-definition-designer');
const sample = (kind: string, index: number) => designer().locator(`section[data-rule="${RULE}"] li[data-kind="${kind}"][data-index="${index}"]`);

/** The message the wizard shows under a field (its error, else its warning). */
const fieldMessage = (pointer: string) =>
  page.evaluate((pointer) => {
    const wizard = document.querySelector('akto-definition-designer')?.shadowRoot?.querySelector('akto-dossier-wizard:not([hidden])');
    const field = wizard?.shadowRoot?.querySelector(`[name="${pointer}"]`) as { error?: string; warning?: string } | null;
    return field ? field.error || field.warning || '' : null;
  }, pointer);

async function until(what: string, check: () => Promise<boolean>) {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`toujours pas : ${what}`);
    await page.waitForTimeout(100);
  }
}

describe('live designer page', () => {
  it('shows a rule sample in the wizard, then the edited message of the rule as it is typed', async () => {
    await designer().getByRole('tab', { name: 'Exemples des règles' }).click();
    await sample('fail', 0).getByRole('button', { name: 'Afficher dans l’assistant' }).click();
    await until('le message de la règle sous la date de naissance', async () => (await fieldMessage('/salarie/dateNaissance')) === OLD_MESSAGE);
    await edit(OLD_MESSAGE, NEW_MESSAGE);
    await until('le nouveau message sous la date de naissance', async () => (await fieldMessage('/salarie/dateNaissance')) === NEW_MESSAGE);
    assert.equal(await designer().getByRole('tab', { name: 'Assistant' }).getAttribute('aria-selected'), 'true');
  });

  it('marks a sample that no longer fires its rule as failing, and check says so', async () => {
    await edit('"2010-05-01"', '"1990-05-01"', NEW_MESSAGE);
    await designer().getByRole('tab', { name: /Exemples des règles/ }).click();
    await until('l’exemple en échec n°1 en défaut', async () => (await sample('fail', 0).getAttribute('class'))?.includes('fail') ?? false);
    assert.match(await sample('fail', 0).innerText(), /ne déclenche pas la règle : corrigez l’exemple ou la règle/);
    assert.match(await designer().locator('.samples .summary').innerText(), /1 exemple\(s\) en défaut sur \d+\./);
    await designer().getByRole('tab', { name: /Vérification/ }).click();
    assert.match(await designer().locator('.check[role="tabpanel"]').innerText(), new RegExp(`rules.json#/rules/0/samples/fail/0 : l'exemple en échec n°1 ne déclenche pas la règle ${RULE}`));
  });

  it('shows the check problem of a rule placed under an unknown field, in the list and in the editor', async () => {
    await edit('"/salarie/dateNaissance"', '"/salarie/dateInconnue"', `"id": "${RULE}"`);
    await until('le problème du champ inconnu', async () => (await designer().locator('.check[role="tabpanel"]').innerText()).includes('/salarie/dateInconnue, qui n\'existe pas dans dossier.schema.json'));
    await until('le problème souligné dans l’éditeur', async () => (await designer().locator('akto-json-editor .cm-lintRange-error').count()) > 0);
    // A click on the problem opens its file with what its pointer designates selected.
    await designer().getByRole('button', { name: /^layout\.json/ }).click();
    await designer().locator('.check[role="tabpanel"]').getByRole('button', { name: /dateInconnue/ }).click();
    const selected = () =>
      page.evaluate(() => {
        const editor = document.querySelector('akto-definition-designer')?.shadowRoot?.querySelector('akto-json-editor') as unknown as { path: string; view: { state: { sliceDoc(a: number, b: number): string; selection: { main: { from: number; to: number } } } } };
        const { from, to } = editor.view.state.selection.main;
        return `${editor.path} ${editor.view.state.sliceDoc(from, to)}`;
      });
    await until('le fichier du problème ouvert, la valeur sélectionnée', async () => (await selected()).startsWith('rules.json') && (await selected()).includes('dateInconnue'));
  });

  it('keeps the last good preview while a file is not valid JSON', async () => {
    await edit(`"id": "${RULE}",`, `"id": "${RULE}",,`);
    await until('le message JSON mal formé', async () => (await designer().locator('.stale').count()) > 0);
    assert.match(await designer().locator('.stale').innerText(), /JSON mal formé dans rules\.json/);
    assert.ok((await designer().locator('.check[role="tabpanel"] li').count()) > 0, 'la vérification précédente reste affichée');
    await edit(`"id": "${RULE}",,`, `"id": "${RULE}",`);
    await until('le message JSON mal formé disparu', async () => (await designer().locator('.stale').count()) === 0);
  });

  it('fills the CERFA from the dossier shown in the wizard', async () => {
    await designer().getByRole('tab', { name: 'CERFA' }).click();
    const table = designer().locator('table.cerfa-values');
    await until('les champs du CERFA', async () => (await table.count()) > 0);
    assert.match(await table.locator('caption').innerText(), /^\d+ champ\(s\) rempli\(s\) sur \d+$/);
    assert.match(await table.innerText(), /HUMANDO/);
    assert.equal(await designer().locator('iframe[title="CERFA prérempli"]').count(), 1);
  });

  it('downloads the edited folder as a zip', async () => {
    const download = page.waitForEvent('download');
    await designer().getByRole('button', { name: 'Télécharger le dossier (.zip)' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'cpro.zip');
    const zip = unzipSync(new Uint8Array(await readFile(await file.path())));
    assert.ok(zip['cpro/dispositif.json'] && zip['cpro/examples/valid.json'], 'every file of the folder');
    const rules = JSON.parse(strFromU8(zip['cpro/rules.json'] as Uint8Array)) as { rules: { id: string; message: string; at: string[] }[] };
    const rule = rules.rules.find((r) => r.id === RULE);
    assert.deepEqual([rule?.message, rule?.at], [NEW_MESSAGE, ['/salarie/dateInconnue']]);
  });

  it('opens a folder picked from disk (a new dispositif) and shows it', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'akto-designer-')), 'essai');
    for (const [path, data] of Object.entries(scaffoldFiles('essai'))) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), JSON.stringify(data, null, 2));
    }
    await designer().locator('input[type="file"]').setInputFiles(dir);
    await until('le dossier essai ouvert', async () => (await designer().locator('.folder').innerText()).includes('essai'));
    await designer().getByRole('tab', { name: /Vérification/ }).click();
    await until('la vérification du dossier essai', async () => (await designer().locator('.check[role="tabpanel"]').innerText()).includes('Aucun problème : la définition est conforme.'));
    await designer().getByRole('tab', { name: 'Assistant' }).click();
    await until('l’assistant du dossier essai', () =>
      page.evaluate(() => !!document.querySelector('akto-definition-designer')?.shadowRoot?.querySelector('akto-dossier-wizard:not([hidden])')?.shadowRoot?.textContent?.includes('Nouveau dispositif (essai)')),
    );
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it('completes a file from its meta-schema (rules.json: its top-level properties)', async () => {
    await designer().getByRole('button', { name: /^rules\.json/ }).click();
    await designer().locator('akto-json-editor .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"');
    await page.keyboard.press('Control+Space');
    const options = designer().locator('akto-json-editor .cm-tooltip-autocomplete li');
    await until('les propositions du méta-schéma', async () => (await options.count()) > 0);
    const labels = await options.allInnerTexts();
    assert.ok(['asyncChecks', 'computed'].every((p) => labels.some((l) => l.includes(p))), labels.join(' | '));
    await page.keyboard.press('Escape');
  });

  it('raised no error in the page', () => {
    assert.deepEqual(errors, []);
  });
});
