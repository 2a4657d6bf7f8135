/**
 * One story per format of the engine (FORMAT_MESSAGES: date, email, nir, siret...). The play function
 * types a value that breaks the format into a field that carries it, checks the format's exact message
 * under the field, types a valid value and checks the message is gone.
 *
 * The field is a real one of a dispositif's wizard when some dispositif lets the user type it. A format
 * that only read-only fields use (filled from a reference: SIRET, NAF, IDCC...) or that no field uses yet
 * is shown on a lone <akto-field-text> checked by the engine in designer mode (the same ajv formats,
 * compiled at run time for a one-field dossier).
 *
 * The valid value comes from the dispositif's examples/valid.json, else the field's schema `examples`,
 * else PASSING below; the invalid one from FAILING (a near miss), else "abc".
 */
import { createEngine, DossierEngine, FORMAT_MESSAGES, getAt, listDispositifs, type FieldEntry } from '@akto/engine';
import { compileDispositif } from '@akto/engine/designer';
import { fieldTag } from '@akto/elements';
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { validExample } from './examples.js';
import { card, stage } from './layout.js';
import { createWizard, fieldAt, messagePartText, openTab, ready, typedText, typeInto, wizardIn, type FieldLike } from './wizard.js';

/** Near misses a user could type (each checked to fail by the engine). */
export const FAILING: Record<string, string> = {
  date: '31/02/2024',
  email: 'contact@exemple',
  nir: '253072B07300471',
  siret: '40101593800039',
  siren: '401015939',
  'code-postal': '6900',
  telephone: '06 20 50 12',
  rncp: 'RNCP 12050',
  idcc: '141',
  naf: '78.20',
  nda: '1175555557',
  uai: '0751234',
};

/** Valid values for formats no example gives. */
export const PASSING: Record<string, string> = {
  siren: '401015938',
  uai: '0751234A',
};

const TYPEABLE = new Set(['akto-field-text', 'akto-field-date', 'akto-field-autocomplete']);

interface Use {
  dispositif: string;
  entry: FieldEntry;
}

interface Target {
  /** A field of a wizard the user can type into, or none (a lone field checked in designer mode). */
  field?: Use;
  uses: Use[];
  failing: string;
  passing: string | undefined;
}

async function findTarget(format: string): Promise<Target> {
  const uses: Use[] = [];
  for (const d of listDispositifs()) {
    const engine = await createEngine(d.id);
    for (const entry of engine.layout.fields) if (entry.schema?.format === format) uses.push({ dispositif: d.id, entry });
  }
  const typeable = (u: Use) => !u.entry.repeat && !u.entry.spec.readOnly && !u.entry.spec.computed && !u.entry.spec.visibleWhen && !u.entry.spec.roles && TYPEABLE.has(fieldTag(u.entry, u.entry.schema));
  const field = uses.find((u) => typeable(u) && !u.entry.spec.autocomplete) ?? uses.find(typeable);
  const source = field ?? uses[0];
  const fromExample = source ? getAt(validExample(source.dispositif), source.entry.pattern.replace(/\/\*\//g, '/0/')) : undefined;
  const fromSchema = source?.entry.schema?.examples?.[0];
  const passing = [fromExample, fromSchema, PASSING[format]].find((v): v is string => typeof v === 'string');
  return { field, uses, failing: FAILING[format] ?? 'abc', passing };
}

/** A one-field dossier whose field has this format, compiled at run time (designer mode). */
function loneFieldEngine(format: string, title: string): DossierEngine {
  return new DossierEngine(
    compileDispositif({
      identity: {
        id: `format-${format}`,
        code: 'FORMAT',
        label: `Format ${format}`,
        numberCode: 'FO',
        sousDispositifs: [],
        publics: [],
        roles: ['adherent'],
        introduction: { text: [], links: [] },
      },
      schema: { type: 'object', properties: { valeur: { type: 'string', title, format } } },
      layout: { tabs: [{ id: 'format', title: 'Format', sections: [{ id: 'format', fields: [{ field: '/valeur' }] }] }] },
      rules: { rules: [] },
      lists: [],
      common: {},
      extras: {},
    }),
  );
}

function loneField(format: string, title: string): FieldLike {
  const engine = loneFieldEngine(format, title);
  const field = document.createElement('akto-field-text') as unknown as FieldLike & { label: string };
  field.name = '/valeur';
  field.label = title;
  field.addEventListener('input', () => {
    const result = engine.validate({ valeur: field.value }, { phase: 'saisie' });
    field.error = result.errors.find((i) => i.path === '/valeur')?.message ?? '';
  });
  return field;
}

function describeFormat(format: string, target: Target): HTMLElement {
  const where = target.uses.map((u) => `${u.dispositif} ${u.entry.pattern}${u.entry.spec.readOnly ? ' (lecture seule)' : ''}`).join(', ');
  return card(`Format ${format}`, [
    ['Message', FORMAT_MESSAGES[format] ?? ''],
    ['Champs', where || 'aucun champ des dispositifs pour l’instant'],
    ['Saisi ici', target.field ? `${target.field.dispositif} : ${target.field.entry.schema?.title ?? ''} (${target.field.entry.pattern})` : 'un champ seul, contrôlé par le moteur (mode designer)'],
    ['Valeur refusée', target.failing],
    ['Valeur acceptée', target.passing ?? '(aucune : ajoutez un exemple au schéma)'],
  ]);
}

export function formatStory(format: string, meta: { id: string; title: string }): StoryObj {
  return {
    name: format,
    tags: ['format', '!autodocs'],
    parameters: { __id: meta.id, layout: 'fullscreen' },
    loaders: [async () => ({ target: await findTarget(format) })],
    render: (_args, { loaded }) => {
      const target = loaded.target as Target;
      const title = target.uses[0]?.entry.schema?.title ?? format.toUpperCase();
      const element = target.field ? createWizard({ dispositif: target.field.dispositif, data: validExample(target.field.dispositif) }) : loneField(format, title);
      return stage(describeFormat(format, target), element);
    },
    play: async (context: StoryContext) => {
      const { canvasElement, step } = context;
      const target = context.loaded.target as Target;
      const message = FORMAT_MESSAGES[format];
      expect(message, `message du format ${format}`).toBeTruthy();
      expect(target.passing, `une valeur valide pour le format ${format} (examples/valid.json, exemple du schéma ou PASSING)`).toBeTruthy();
      let field: FieldLike;
      let wizard = null;
      if (target.field) {
        wizard = await ready(wizardIn(canvasElement));
        await openTab(wizard, target.field.entry.tab.id);
        field = fieldAt(wizard, target.field.entry.pattern) as FieldLike;
        expect(field, `champ ${target.field.entry.pattern} affiché`).toBeTruthy();
      } else {
        field = canvasElement.querySelector('akto-field-text') as unknown as FieldLike;
        await field.updateComplete;
      }
      await step(`Saisie de « ${target.failing} » : le message apparaît`, async () => {
        await typeInto(wizard, field, target.failing);
        await waitFor(() => {
          expect(field.error, `erreur sous le champ`).toBe(message);
          expect(messagePartText(field)).toBe(message);
        });
      });
      await step(`Saisie de « ${target.passing} » : le message disparaît`, async () => {
        await typeInto(wizard, field, typedText(field, target.passing));
        await waitFor(() => {
          expect(field.error, `plus d'erreur sous le champ`).toBe('');
          expect(messagePartText(field)).not.toContain(message as string);
        });
      });
    },
  };
}
