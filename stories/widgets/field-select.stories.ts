/** <akto-field-select>: a code list drawn as a select-only combobox, in each state. */
import type { Meta } from '@storybook/web-components-vite';
import situations from '../../schemas/common/lists/situation-avant-contrat.json';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-select',
  args: { label: situations.label, required: true, options: situations.entries },
  filled: situations.entries[1]?.code,
  error: 'Saisie obligatoire',
  warning: 'Au-delà de 25 ans, vérifiez l’éligibilité du salarié.',
  controls: inputs,
};

export default {
  title: 'Widgets/Liste',
  component: 'akto-field-select',
  ...widgetMeta(spec),
  argTypes: { options: { control: 'object' }, value: { control: 'text' } },
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
