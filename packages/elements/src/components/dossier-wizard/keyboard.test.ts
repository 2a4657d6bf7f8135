// An employer files a complete CPRO with the keyboard only: Tab through each tab, arrows in the tab list and
// the radio groups, Space on checkboxes, dates typed, choices made in the lists and the autocompletes, then
// « Transmettre ». Given up front: the établissement chosen before the wizard (« Nouvelle demande » fills
// its read-only fields) and the files of the Documents tab (choosing a file opens the system's dialog,
// which no page test can drive).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getAt, MemoryStore } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';

type Field = HTMLElement & { name: string; value: unknown; readonly: boolean; updateComplete: Promise<unknown>; options?: { code: string; label: string }[]; choices?: { value: unknown; label: string }[] };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil(cond: () => boolean, timeout = 3000) {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > timeout) return false;
    await pause(10);
  }
  return true;
}

/** The focused element, through the shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
/** The field element (akto-field-*) the focused control belongs to. */
function hostField(a: Element | null): Field | null {
  const root = a?.getRootNode();
  return root instanceof ShadowRoot && root.host.tagName.startsWith('AKTO-FIELD-') ? (root.host as Field) : null;
}
const press = (key: string) => sendKeys({ press: key });
async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await press('Tab');
  await sendKeys({ up: 'Shift' });
}
const isoToFr = (iso: string) => iso.split('-').reverse().join('/');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fills the focused field with the keyboard, as its kind asks. */
async function fill(field: Field, target: unknown) {
  const tag = field.tagName.toLowerCase();
  if (tag === 'akto-field-checkbox') {
    if (target === true) await press('Space');
  } else if (tag === 'akto-field-radio') {
    // From the radio that has focus (the group remembers the last one), arrows move and check.
    const index = (field.choices ?? []).findIndex((c) => c.value === target);
    const from = [...(field.shadowRoot?.querySelectorAll('input') ?? [])].indexOf(deepActive() as HTMLInputElement);
    if (index === from) await press('Space');
    for (let i = from; i < index; i++) await press('ArrowDown');
    for (let i = from; i > index; i--) await press('ArrowUp');
  } else if (tag === 'akto-field-select') {
    await press('Home');
    await field.updateComplete;
    const label = field.options?.find((o) => o.code === String(target))?.label ?? String(target);
    const options = [...(field.shadowRoot?.querySelectorAll('[role="option"]') ?? [])];
    const code = String(target);
    const index = options.findIndex((o) => {
      const text = o.textContent?.trim() ?? '';
      return text === label || text.startsWith(`${code} `);
    });
    expect(index, `${field.name}: option « ${label} »`).to.be.greaterThan(-1);
    for (let i = 0; i < index; i++) await press('ArrowDown');
    await press('Enter');
  } else if (tag === 'akto-field-autocomplete') {
    await sendKeys({ type: String(target).slice(0, 6) });
    const listed = await waitUntil(() => !!field.shadowRoot?.querySelector('[role="option"]'), 1500);
    if (listed) {
      await press('ArrowDown');
      await press('Enter');
    } else await sendKeys({ type: String(target).slice(6) });
  } else if (tag === 'akto-field-date') {
    await sendKeys({ type: isoToFr(String(target)) });
  } else {
    await sendKeys({ type: String(target) });
  }
  await field.updateComplete;
  expect(field.value, field.name).to.deep.equal(target);
}

describe('<akto-dossier-wizard> with the keyboard only', () => {
  it('an employer files a complete CPRO: Tab, arrows, Space, Enter, typed dates, lists and autocompletes, then « Transmettre »', async function () {
    this.timeout(180000);
    const target = (await (await fetch('/schemas/cpro/examples/valid.json')).json()) as Record<string, unknown>;
    const organisme = getAt(target, '/formation/organisme') as Record<string, unknown>;
    const search = {
      organisme: async () => [{ value: String(organisme.raisonSociale), label: String(organisme.raisonSociale), detail: String(organisme.siret), record: organisme }],
      rncp: async () => [{ value: 'RNCP37039', label: 'RNCP37039 - CQP Accompagnement socio-professionnel' }],
      tuteur: async () => [],
    };
    const store = new MemoryStore();
    const employeur = target.employeur as Record<string, unknown>;
    const start = {
      employeur: Object.fromEntries(['raisonSociale', 'siret', 'naf', 'idcc', 'conventionCollective', 'typePublic'].map((k) => [k, employeur[k]])),
      documents: { fichiers: getAt(target, '/documents/fichiers') },
    };
    const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard dispositif="cpro" role="adherent" entity-id="40101593800038" today="2025-08-25"
      .store=${store} .providers=${{ search }} .data=${start}></akto-dossier-wizard>`);
    await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
    const selectedTab = () => el.shadowRoot?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    const tabs = [...(el.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.id);
    const added = new Set<string>();
    const visited: string[] = [];
    const filled: string[] = [];

    // Into the page: the first Tab reaches the selected tab.
    await press('Tab');
    expect(deepActive()?.id).to.equal('tab-introduction');

    for (let t = 0; t < tabs.length; t++) {
      visited.push(selectedTab()?.id ?? '');
      // Forward through the tab, filling each field the dossier has a value for; back to the tab list after
      // « Ajouter » (a new item's fields come before the button).
      let again = true;
      while (again) {
        again = false;
        for (let steps = 0; steps < 300; steps++) {
          await press('Tab');
          await el.updateComplete;
          const active = deepActive();
          if (active?.textContent?.trim() === 'Générer le CERFA') break;
          const field = hostField(active);
          if (field && !field.readonly) {
            const want = getAt(target, field.name);
            if (want !== undefined && !same(field.value, want)) {
              await fill(field, want);
              filled.push(field.name);
            }
            continue;
          }
          const text = active?.textContent?.trim() ?? '';
          if (active?.tagName === 'BUTTON' && text.startsWith('Ajouter') && !added.has(text)) {
            added.add(text);
            await press('Enter');
            await el.updateComplete;
            again = true;
            break;
          }
        }
        if (again) while (deepActive() !== selectedTab()) await shiftTab();
      }
      if (t === tabs.length - 1) break;
      // To the next tab: back to the tab list, ArrowRight, Enter.
      while (deepActive()?.getAttribute('role') !== 'tab') await shiftTab();
      await press('ArrowRight');
      await press('Enter');
      await el.updateComplete;
      await waitUntil(() => selectedTab()?.id === tabs[t + 1]);
      expect(selectedTab()?.id).to.equal(tabs[t + 1]);
      // The wizard puts focus on the tab (or on the first field in error).
      if (deepActive()?.getAttribute('role') !== 'tab') while (deepActive() !== selectedTab()) await shiftTab();
    }
    expect(visited).to.deep.equal(tabs);

    // « Générer le CERFA » has focus: Tab, Tab reaches « Transmettre ».
    await press('Tab');
    await press('Tab');
    expect(deepActive()?.textContent?.trim()).to.equal('Transmettre');
    await press('Enter');
    const status = () => el.shadowRoot?.querySelector('[part="status"]')?.textContent ?? '';
    await waitUntil(() => /transmise à AKTO|Saisie Invalide/.test(status()), 8000);
    const summary = el.shadowRoot?.querySelector('[part="summary"]')?.textContent?.replace(/\s+/g, ' ');
    expect(summary ?? '', 'no error left').to.equal('');
    expect(status()).to.contain('Votre demande a bien été transmise à AKTO');
    const { items } = await store.list({});
    expect(items[0]?.kind).to.equal('dossier');
    expect(filled.length, 'fields filled with the keyboard').to.be.greaterThan(60);
    for (const pointer of filled) expect(getAt(items[0]?.data, pointer), pointer).to.deep.equal(getAt(target, pointer));
  });
});
