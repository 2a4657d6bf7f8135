/**
 * Driving <akto-dossier-wizard> from a story's play function as a user would: open a tab, type into a
 * field (inside the field's shadow root), read the message under it.
 */
import { MemoryStore, type DossierEngine } from '@akto/engine';
import type { AktoDossierWizard } from '@akto/elements';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@akto/elements';

/** The signed-in entity of every story (an employer's SIRET). */
export const ENTITY_ID = '40101593800038';

export interface FieldLike extends HTMLElement {
  name: string;
  value: unknown;
  error: string;
  warning: string;
  readonly: boolean;
  disabled: boolean;
  updateComplete: Promise<unknown>;
}

export interface WizardOptions {
  dispositif: string;
  data?: Record<string, unknown> | undefined;
  /** "Today" for date rules (ISO); the clock when absent. */
  today?: string | undefined;
  /** Tab to open first (as a resume link does). */
  tab?: string | undefined;
}

/** A new wizard on a fresh in-memory store (nothing saved outlives the story). */
export function createWizard(options: WizardOptions): AktoDossierWizard {
  const el = document.createElement('akto-dossier-wizard');
  el.dispositif = options.dispositif;
  el.entityId = ENTITY_ID;
  if (options.today) el.today = options.today;
  if (options.tab) el.tab = options.tab;
  el.store = new MemoryStore();
  if (options.data) el.data = structuredClone(options.data);
  return el;
}

/** Resolves once the wizard shows its tabs (its engine is loaded). */
export async function ready(el: AktoDossierWizard): Promise<AktoDossierWizard> {
  await waitFor(
    () => {
      const failure = el.shadowRoot?.querySelector('.failure-load');
      if (failure) throw new Error(`Le wizard n'a pas chargé : ${failure.textContent}`);
      if (!el.shadowRoot?.querySelector('[role="tablist"]')) throw new Error('Le wizard charge encore.');
    },
    { timeout: 10_000 },
  );
  await el.updateComplete;
  return el;
}

/** Replaces the wizard of `stage` by a new one holding `options.data`, and waits for it. */
export async function remount(stage: HTMLElement, options: WizardOptions): Promise<AktoDossierWizard> {
  const el = createWizard(options);
  stage.replaceChildren(el);
  return ready(el);
}

/** The wizard a story rendered. */
export function wizardIn(root: HTMLElement): AktoDossierWizard {
  const el = root.querySelector('akto-dossier-wizard');
  if (!el) throw new Error('Aucun <akto-dossier-wizard> dans la story.');
  return el;
}

export async function settle(el: AktoDossierWizard): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

function selectedTab(el: AktoDossierWizard): string {
  return el.shadowRoot?.querySelector('[role="tab"][aria-selected="true"]')?.id.replace(/^tab-/, '') ?? '';
}

/**
 * Opens a tab as a user can: by its tab when the dispositif allows it, else step by step with
 * « Suivant » / « Précédent » (dispositifs whose steps follow each other, each one valid before the
 * next). Returns false when the wizard refuses.
 */
export async function navigateTo(el: AktoDossierWizard, tab: string): Promise<boolean> {
  if (selectedTab(el) === tab) return true;
  if (el.goTo(tab)) {
    await settle(el);
    return selectedTab(el) === tab;
  }
  await settle(el);
  const order = [...(el.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.id.replace(/^tab-/, ''));
  if (!order.includes(tab)) return false;
  for (let i = 0; i < order.length; i++) {
    const current = selectedTab(el);
    if (current === tab) return true;
    const label = order.indexOf(tab) > order.indexOf(current) ? 'Suivant' : 'Précédent';
    const button = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('.panel-head .steps button') ?? [])].find((b) => b.textContent?.includes(label));
    if (!button) return false;
    button.click();
    await settle(el);
    if (selectedTab(el) === current) return false;
  }
  return selectedTab(el) === tab;
}

/** Opens a tab (see navigateTo); fails, with the wizard's refusal, when it cannot. */
export async function openTab(el: AktoDossierWizard, tab: string): Promise<void> {
  const ok = await navigateTo(el, tab);
  const status = el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
  expect(ok, `l'onglet « ${tab} » s'ouvre (onglet affiché : « ${selectedTab(el)} »${status ? `, message : « ${status} »` : ''})`).toBe(true);
}

/** The field element of a data pointer on the current tab (`name` = pointer), or null. */
export function fieldAt(el: AktoDossierWizard, pointer: string): FieldLike | null {
  return (el.shadowRoot?.querySelector(`[name="${CSS.escape(pointer)}"]`) as FieldLike | null) ?? null;
}

/** The text input or textarea of a field, when the user can type into it. */
export function typeableInput(field: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  const f = field as FieldLike | null;
  if (!f || f.readonly || f.disabled) return null;
  const input = f.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[part~="input"], textarea');
  if (!input || input.readOnly || input.disabled) return null;
  if (input instanceof HTMLInputElement && !['text', 'email', 'tel', 'search', ''].includes(input.type)) return null;
  return input;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a user types for a value: dates as JJ/MM/AAAA in a date field, numbers with a decimal comma. */
export function typedText(field: Element, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.localName === 'akto-field-date' && typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

/**
 * Types `text` over what the field holds, key by key, like a user who selected it all (an empty `text`
 * erases it). user-event's `clear()` cannot focus an input inside a shadow root; typing over a selection can.
 */
export async function typeInto(el: AktoDossierWizard | null, field: FieldLike, text: string): Promise<void> {
  const input = typeableInput(field);
  if (!input) throw new Error(`On ne peut pas saisir dans ${field.localName} ${field.name}.`);
  const all = { initialSelectionStart: 0, initialSelectionEnd: input.value.length };
  if (text) await userEvent.type(input, text, all);
  else if (input.value) await userEvent.type(input, '{Backspace}', all);
  await field.updateComplete;
  if (el) await settle(el);
}

type Choice = { value: unknown };
type Option = { code: string };

/**
 * Sets a value through its field as a user would: typing in a text or date field, clicking Oui / Non,
 * ticking a box, choosing in a list (choosing the selected entry again clears a list). Returns false when
 * the field cannot take that value from a user (read-only, a value no choice gives...), leaving it as is.
 */
export async function setThroughField(el: AktoDossierWizard, field: FieldLike, value: unknown): Promise<boolean> {
  if (field.readonly || field.disabled) return false;
  const root = field.shadowRoot as ShadowRoot;
  switch (field.localName) {
    case 'akto-field-radio': {
      const index = ((field as unknown as { choices: Choice[] }).choices ?? []).findIndex((c) => c.value === value);
      const radio = root.querySelectorAll<HTMLInputElement>('input[type="radio"]')[index];
      if (!radio) return false;
      await userEvent.click(radio);
      break;
    }
    case 'akto-field-checkbox': {
      const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (!box || (value !== true && value !== false)) return false;
      if (box.checked !== value) await userEvent.click(box);
      break;
    }
    case 'akto-field-select': {
      const options = (field as unknown as { options: Option[] }).options ?? [];
      const index = value === undefined ? options.findIndex((o) => o.code === field.value) : options.findIndex((o) => o.code === value);
      const combobox = root.querySelector<HTMLElement>('[role="combobox"]');
      if (index < 0 || !combobox) return value === undefined && field.value === undefined;
      await userEvent.click(combobox);
      await field.updateComplete;
      const option = root.querySelectorAll<HTMLElement>('[role="option"]')[index];
      if (!option) return false;
      await userEvent.click(option);
      break;
    }
    default: {
      if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') return false;
      if (!typeableInput(field)) return false;
      await typeInto(el, field, typedText(field, value));
    }
  }
  await field.updateComplete;
  await settle(el);
  return field.value === value;
}

/** The message a field shows under it (text of its `message` part, without the hidden prefix). */
export function messagePartText(field: Element): string {
  const part = field.shadowRoot?.querySelector('[part~="message"]');
  return part?.querySelector('.text')?.textContent?.replace(/^(Erreur|Alerte) : /, '').trim() ?? '';
}

export interface Expectation {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Where a message shows: under the field of `path`, or (no such field: a repeatable section such as
 * /tuteurs) in the tab's panel itself, outside the fields (their messages live in their shadow roots).
 */
function describeShown(el: AktoDossierWizard, path: string): { field: FieldLike | null; error: string; warning: string; text: string } {
  const field = fieldAt(el, path);
  if (field) return { field, error: field.error ?? '', warning: field.warning ?? '', text: messagePartText(field) };
  const panel = el.shadowRoot?.querySelector('[part="panel"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
  return { field: null, error: '', warning: '', text: panel };
}

export async function expectShown(el: AktoDossierWizard, e: Expectation): Promise<void> {
  await waitFor(() => {
    const shown = describeShown(el, e.path);
    const where = shown.field ? `sous le champ ${e.path}` : `dans la section ${e.path}`;
    if (shown.field) {
      const prop = e.severity === 'error' ? shown.error : shown.warning;
      expect(prop, `${e.severity === 'error' ? 'erreur' : 'alerte'} ${where} (erreur affichée : « ${shown.error} »)`).toBe(e.message);
      expect(shown.text, `texte du message ${where}`).toBe(e.message);
    } else {
      expect(shown.text, `message ${where}`).toContain(e.message);
    }
  });
}

export async function expectCleared(el: AktoDossierWizard, e: Expectation): Promise<void> {
  await waitFor(() => {
    const shown = describeShown(el, e.path);
    expect(shown.error, `plus d'erreur « ${e.message} » en ${e.path}`).not.toBe(e.message);
    expect(shown.warning, `plus d'alerte « ${e.message} » en ${e.path}`).not.toBe(e.message);
    expect(shown.text, `plus de message « ${e.message} » en ${e.path}`).not.toContain(e.message);
  });
}

/** The tab that shows a pointer (a field's tab, or the tab of its section). */
export function tabOf(engine: DossierEngine, pointer: string): string | null {
  return engine.layout.tabOf(pointer);
}
