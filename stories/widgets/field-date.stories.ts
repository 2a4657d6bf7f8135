/** <akto-field-date>: a date typed as JJ/MM/AAAA or picked in the calendar, in each state. */
import type { Meta } from '@storybook/web-components-vite';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-date',
  args: { label: 'Date de naissance', example: '1990-01-01', required: true },
  filled: '1990-01-15',
  error: 'Saisissez une valeur de date valide au format JJ/MM/AAAA.',
  warning: "Le salarié doit être âgé d'au moins 16 ans pour conclure un tel contrat",
  controls: inputs,
  inert: {
    // The calendar button goes with the input: read-only and disabled alike.
    readonly: (c) => (c as HTMLInputElement).readOnly === true,
    disabled: (c) => (c as HTMLInputElement).disabled === true,
  },
};

export default {
  title: 'Widgets/Date',
  component: 'akto-field-date',
  ...widgetMeta(spec),
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
