/** <akto-field-textarea>: free text with its character count, in each state. */
import type { Meta } from '@storybook/web-components-vite';
import { inputs, widgetMeta, widgetStates, type WidgetArgs, type WidgetSpec } from '../support/widget-states.js';

const spec: WidgetSpec = {
  tag: 'akto-field-textarea',
  args: { label: 'Commentaire', hint: 'Précisions utiles à l’instruction du dossier', maxlength: 256 },
  filled: 'Le salarié suivra la formation en alternance, deux jours par semaine.',
  error: 'Saisie obligatoire',
  warning: 'Ce commentaire sera transmis à AKTO tel quel.',
  controls: inputs,
};

export default {
  title: 'Widgets/Zone de texte',
  component: 'akto-field-textarea',
  ...widgetMeta(spec),
} satisfies Meta<WidgetArgs>;

const states = widgetStates(spec);
export const Empty = { ...states.Empty, name: 'Vide' };
export const Filled = { ...states.Filled, name: 'Rempli' };
export const WithError = { ...states.Error, name: 'Erreur' };
export const WithWarning = { ...states.Warning, name: 'Alerte' };
export const ReadOnly = { ...states.ReadOnly, name: 'Lecture seule' };
export const Disabled = { ...states.Disabled, name: 'Désactivé' };
