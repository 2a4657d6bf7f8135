/**
 * <akto-documents>: the documents to send (counter, one upload per type), in each state. It shows
 * errors (the documents rule), not alerts: there is no warning state.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import documents from '../../schemas/cpro/documents.json';
import { messagePartText } from '../support/wizard.js';
import '@akto/elements';

type Args = { spec: unknown; value: unknown; error: string; readonly: boolean; disabled: boolean; label?: string };
type Documents = HTMLElement & { updateComplete: Promise<unknown>; value: unknown };

const FILES = [
  { type: 'cerfa', nom: 'cerfa-ej-12434.pdf', taille: 245_760, format: 'pdf', depotLe: '2026-01-15' },
  { type: 'convention', nom: 'convention-formation.pdf', taille: 1_048_576, format: 'pdf', depotLe: '2026-01-15' },
];
const ERROR = '3 types de documents obligatoires à transmettre : CERFA, Convention, Programme.';

export default {
  title: 'Widgets/Documents',
  component: 'akto-documents',
  args: { spec: documents, value: [], error: '', readonly: false, disabled: false },
  argTypes: { spec: { control: 'object' }, value: { control: 'object' } },
  render: (args) => {
    const el = document.createElement('akto-documents') as Documents;
    const { spec, value, error, readonly, disabled } = args;
    Object.assign(el, { spec, value, error, readonly, disabled });
    return el;
  },
} satisfies Meta<Args>;

async function documentsIn(canvasElement: HTMLElement): Promise<Documents> {
  const el = canvasElement.querySelector('akto-documents') as Documents;
  await el.updateComplete;
  return el;
}

const buttons = (el: Documents) => [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].filter((b) => !b.classList.contains('message'));

export const Empty: StoryObj<Args> = {
  name: 'Vide',
  play: async ({ canvasElement }) => {
    const el = await documentsIn(canvasElement);
    expect(el.shadowRoot?.querySelectorAll('[part~="type"]').length, 'une ligne par type').toBe(documents.types.filter((t) => !t.removable).length);
    expect(el.shadowRoot?.querySelector('[part~="message"]')).toBeNull();
  },
};

export const Filled: StoryObj<Args> = {
  name: 'Rempli',
  args: { value: FILES },
  play: async ({ canvasElement }) => {
    const el = await documentsIn(canvasElement);
    expect(el.shadowRoot?.querySelectorAll('[part~="file"]').length, 'les fichiers déposés').toBe(FILES.length);
  },
};

export const WithError: StoryObj<Args> = {
  name: 'Erreur',
  args: { value: FILES.slice(0, 1), error: ERROR },
  play: async ({ canvasElement }) => {
    const el = await documentsIn(canvasElement);
    expect(el.shadowRoot?.querySelector('[part~="message"][part~="error"]'), 'message d’erreur').not.toBeNull();
    expect(messagePartText(el)).toBe(ERROR);
  },
};

export const ReadOnly: StoryObj<Args> = {
  name: 'Lecture seule',
  args: { value: FILES, readonly: true },
  play: async ({ canvasElement }) => {
    const el = await documentsIn(canvasElement);
    expect(el.hasAttribute('readonly')).toBe(true);
    expect(el.shadowRoot?.querySelector('input[type="file"]:not([disabled])'), 'rien à charger').toBeNull();
    expect(buttons(el).filter((b) => !b.disabled).map((b) => b.textContent?.trim()), 'aucun bouton actif').toEqual([]);
  },
};

export const Disabled: StoryObj<Args> = {
  name: 'Désactivé',
  args: { value: FILES, disabled: true },
  play: async ({ canvasElement }) => {
    const el = await documentsIn(canvasElement);
    expect(el.hasAttribute('disabled')).toBe(true);
    expect(buttons(el).filter((b) => !b.disabled).map((b) => b.textContent?.trim()), 'aucun bouton actif').toEqual([]);
  },
};
