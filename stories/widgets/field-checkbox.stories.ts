/** <akto-field-checkbox>: a box to tick (attestations), in each state. */
import type { Meta } from '@storybook/web-components-vite';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-checkbox',
  args: { label: "J'atteste l'exactitude des informations saisies", required: true },
  filled: true,
  error: "L'option doit être sélectionnée",
  warning: 'Cette attestation engage l’employeur.',
  controls: inputs,
  // A read-only checkbox cannot be changed: it is disabled.
  inert: { readonly: (c) => (c as HTMLInputElement).disabled, disabled: (c) => (c as HTMLInputElement).disabled },
};

export default {
  title: 'Widgets/Case à cocher',
  component: 'akto-field-checkbox',
  ...widgetMeta(spec),
  argTypes: { value: { control: 'boolean' } },
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
