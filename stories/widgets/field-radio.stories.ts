/** <akto-field-radio>: Oui / Non, in each state. */
import type { Meta } from '@storybook/web-components-vite';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-radio',
  args: { label: 'Le salarié est-il inscrit à France Travail ?', required: true },
  filled: true,
  error: 'Saisie obligatoire',
  warning: 'Au-delà de 25 ans, le contrat est réservé aux demandeurs d’emploi : vérifiez l’éligibilité du salarié.',
  controls: inputs,
  // A read-only radio group cannot be changed: its radios are disabled.
  inert: { readonly: (c) => (c as HTMLInputElement).disabled, disabled: (c) => (c as HTMLInputElement).disabled },
};

export default {
  title: 'Widgets/Oui-Non',
  component: 'akto-field-radio',
  ...widgetMeta(spec),
  argTypes: { value: { control: 'inline-radio', options: [true, false, undefined] } },
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
