/**
 * Dispositifs: one page per dispositif of schemas/ showing the whole wizard, added at load time by
 * .storybook/catalog.ts (a new dispositif gets its page without anyone writing it). The documentation
 * page lists the wizard's attributes, properties, events, parts and CSS properties (custom-elements.json).
 */
import type { Meta } from '@storybook/web-components-vite';
import { dispositifStory } from '../support/dispositif-stories.js';

export default {
  title: 'Dispositifs',
  component: 'akto-dossier-wizard',
} satisfies Meta;

// The stories: `export const …` appended here at load time (.storybook/catalog.ts).
