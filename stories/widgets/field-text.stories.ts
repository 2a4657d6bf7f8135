/** <akto-field-text>: one-line text, email, telephone, number or money (€ HT), in each state. */
import type { Meta } from '@storybook/web-components-vite';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-text',
  args: { label: 'Code postal', hint: 'Adresse du salarié', example: '69003', required: true, kind: 'text' },
  filled: '69003',
  error: 'Veuillez saisir 5 chiffres.',
  warning: 'Vérifiez le code postal : il ne correspond à aucune commune connue.',
  controls: inputs,
};

export default {
  title: 'Widgets/Texte',
  component: 'akto-field-text',
  ...widgetMeta(spec),
  argTypes: { kind: { control: 'inline-radio', options: ['text', 'email', 'telephone', 'number', 'money'] }, value: { control: 'object' } },
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
