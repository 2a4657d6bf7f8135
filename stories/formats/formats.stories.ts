/**
 * Formats: one story per format of the engine (packages/engine/src/formats/messages.ts), added at load
 * time by .storybook/catalog.ts. See support/format-stories.ts for what each one checks.
 */
import type { Meta } from '@storybook/web-components-vite';
import { formatStory } from '../support/format-stories.js';

export default {
  title: 'Formats',
  tags: ['!autodocs'],
  // The stories take no args: what they check comes from the definitions.
  parameters: { controls: { disable: true }, actions: { disable: true } },
} satisfies Meta;

// The stories: `export const …` appended here at load time (.storybook/catalog.ts).
