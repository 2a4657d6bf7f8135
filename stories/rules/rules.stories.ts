/**
 * Règles: one story per rule of every dispositif (schemas/<id>/rules.json, plus the documents rule derived
 * from documents.json), grouped by dispositif in the sidebar. Nobody writes them: the exports are added
 * at load time by .storybook/catalog.ts, one `ruleStory(dispositif, ruleId)` per rule, so a rule added to
 * schemas/ has its story (and its test) at once. See support/rule-stories.ts for what each one checks.
 */
import type { Meta } from '@storybook/web-components-vite';
import { ruleStory } from '../support/rule-stories.js';

export default {
  title: 'Règles',
  tags: ['!autodocs'],
  // The stories take no args: what they check comes from the definitions.
  parameters: { controls: { disable: true }, actions: { disable: true } },
} satisfies Meta;

// The stories: `export const …` appended here at load time (.storybook/catalog.ts).
