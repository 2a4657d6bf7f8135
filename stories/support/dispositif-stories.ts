/**
 * One page per dispositif: the whole wizard, empty (a new request) or opened on one of the dispositif's
 * example dossiers (schemas/<id>/examples), for each profile. The play function opens every tab.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { MemoryStore } from '@akto/engine';
import { examplesOf } from './examples.js';
import { ENTITY_ID, ready, settle, wizardIn } from './wizard.js';

const NEW = '(nouvelle demande)';

interface Args {
  exemple: string;
  profil: 'adherent' | 'prestataire' | 'gestionnaire';
  today: string;
  readonly: boolean;
  validate: boolean;
}

export function dispositifStory(dispositif: string, meta: { id: string; title: string; name: string }): StoryObj<Args> {
  const files = examplesOf(dispositif);
  return {
    name: meta.name,
    tags: ['dispositif'],
    parameters: { __id: meta.id, layout: 'fullscreen' },
    args: { exemple: NEW, profil: 'adherent', today: '', readonly: false, validate: false },
    argTypes: {
      exemple: { control: 'select', options: [NEW, ...Object.keys(files).sort()], description: 'Dossier ouvert (schemas/<id>/examples)' },
      profil: { control: 'inline-radio', options: ['adherent', 'prestataire', 'gestionnaire'] },
      today: { control: 'text', description: '« Aujourd’hui » pour les règles de dates (AAAA-MM-JJ), sinon l’horloge' },
      readonly: { control: 'boolean' },
      validate: { control: 'boolean', description: 'Afficher tous les messages (comme Transmettre)' },
    },
    render: (args) => {
      const el = document.createElement('akto-dossier-wizard');
      el.dispositif = dispositif;
      el.profile = args.profil;
      el.entityId = ENTITY_ID;
      el.readonly = args.readonly;
      if (args.today) el.today = args.today;
      el.store = new MemoryStore();
      const data = files[args.exemple];
      if (data) el.data = structuredClone(data);
      if (args.validate) void ready(el).then(() => el.validate());
      return el;
    },
    play: async ({ canvasElement, step }) => {
      const el = await ready(wizardIn(canvasElement));
      const tabs = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
      expect(tabs.length, 'des onglets').toBeGreaterThan(1);
      for (const tab of tabs) {
        const id = tab.id.replace(/^tab-/, '');
        await step(`Onglet ${tab.textContent?.replace(/\s+/g, ' ').trim()}`, async () => {
          el.goTo(id);
          await settle(el);
          const panel = el.shadowRoot?.querySelector('[part="panel"]');
          expect(panel, 'le panneau de l’onglet').toBeTruthy();
        });
      }
      el.goTo(tabs[0]?.id.replace(/^tab-/, '') ?? '');
      await settle(el);
    },
  };
}
