/**
 * <akto-field-autocomplete>: a text field with the host's suggestions (établissement, organisme, RNCP...),
 * in each state, plus a search: type, see the suggestions, choose one.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const ETABLISSEMENTS = [
  { value: '40101593800038', label: 'AKTO LYON', detail: '40101593800038 · 69003 Lyon', record: { siret: '40101593800038', naf: '7820Z', idcc: '1413' } },
  { value: '48816678600019', label: 'AKTO PARIS', detail: '48816678600019 · 75012 Paris', record: { siret: '48816678600019', naf: '7820Z', idcc: '1413' } },
  { value: '35600000000048', label: 'LA POSTE', detail: '35600000000048 · 75015 Paris', record: { siret: '35600000000048', naf: '5310Z', idcc: '5516' } },
];

/** A host search over a few établissements, answering after 150 ms like a remote service. */
async function search(query: string) {
  await new Promise((r) => setTimeout(r, 150));
  const q = query.toLowerCase();
  return ETABLISSEMENTS.filter((e) => e.label.toLowerCase().includes(q) || e.value.includes(q) || e.detail.toLowerCase().includes(q));
}

const spec: WidgetSpec = {
  tag: 'akto-field-autocomplete',
  args: { label: 'Établissement', hint: 'Raison sociale, SIRET ou ville', required: true, search, createLabel: 'Nouvel établissement' },
  filled: 'AKTO LYON',
  error: 'Saisie obligatoire',
  warning: 'Établissement fermé : vérifiez le SIRET.',
  controls: inputs,
};

export default {
  title: 'Widgets/Recherche',
  component: 'akto-field-autocomplete',
  ...widgetMeta(spec),
  argTypes: { search: { control: false }, value: { control: 'text' } },
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };

export const Search: StoryObj<WidgetArgs> = {
  name: 'Recherche et choix',
  args: { value: undefined },
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('akto-field-autocomplete') as HTMLElement & { value: unknown; updateComplete: Promise<unknown> };
    await field.updateComplete;
    const selected = new Promise<CustomEvent>((resolve) => field.addEventListener('autocomplete-select', (e) => resolve(e as CustomEvent), { once: true }));
    const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
    await userEvent.type(input, 'paris');
    const option = await waitFor(() => {
      const o = [...(field.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])].find((el) => el.textContent?.includes('AKTO PARIS'));
      expect(o, 'suggestion « AKTO PARIS »').toBeTruthy();
      return o as HTMLElement;
    });
    await userEvent.click(option);
    const { detail } = await selected;
    expect(detail.option.record.siret).toBe('48816678600019');
    expect(field.value).toBe('48816678600019');
  },
};
