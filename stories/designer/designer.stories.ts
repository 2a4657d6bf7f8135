/**
 * Concepteur: the live designer of examples/designer (the same <akto-definition-designer>), on a built-in
 * dispositif or a blank one. The play function edits a rule's message and checks that the rule's failing
 * sample, shown in the wizard, carries it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../../examples/designer/src/index.js';

interface Args {
  dispositif: string;
}

export default {
  title: 'Concepteur',
  component: 'akto-definition-designer',
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  argTypes: { dispositif: { control: 'select', options: ['cpro', 'proa', 'car', 'af', 'nouveau'] } },
  render: ({ dispositif }: Args) => {
    const el = document.createElement('akto-definition-designer');
    el.dispositif = dispositif;
    return el;
  },
} satisfies Meta<Args>;

interface View {
  dispatch(tr: object): void;
  state: { doc: { toString(): string } };
}

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;
const wizardOf = (designer: Element) => shadow(designer)?.querySelector('akto-dossier-wizard:not([hidden])') ?? null;

export const Nouveau: StoryObj<Args> = {
  name: 'Nouveau dispositif',
  args: { dispositif: 'nouveau' },
  play: async ({ canvasElement }) => {
    const designer = canvasElement.querySelector('akto-definition-designer') as HTMLElement;
    await waitFor(() => expect(shadow(wizardOf(designer))?.querySelector('[role="tablist"]')).toBeTruthy(), { timeout: 10_000 });
    const root = shadow(designer) as ShadowRoot;
    (root.querySelector('#tab-samples') as HTMLButtonElement).click();
    await waitFor(() => expect(root.querySelector('.samples .summary')?.textContent).toMatch(/sont conformes/));
    // Edit the rule's message in rules.json, then show its failing sample in the wizard.
    const view = (root.querySelector('akto-json-editor') as unknown as { view: View }).view;
    const text = view.state.doc.toString();
    const message = /"message": "([^"]+)"/.exec(text)?.[1] as string;
    const at = text.indexOf(message);
    view.dispatch({ changes: { from: at, to: at + message.length, insert: 'Message modifié dans le concepteur' }, userEvent: 'input.type' });
    await waitFor(() => expect(root.querySelector('.rule .message')?.textContent).toBe('Message modifié dans le concepteur'));
    (root.querySelector('li[data-kind="fail"] button') as HTMLButtonElement).click();
    await waitFor(
      () => {
        const fields = [...(shadow(wizardOf(designer))?.querySelectorAll('[name]') ?? [])] as (Element & { error?: string; warning?: string })[];
        expect(fields.some((f) => f.error === 'Message modifié dans le concepteur' || f.warning === 'Message modifié dans le concepteur')).toBe(true);
      },
      { timeout: 10_000 },
    );
  },
};

export const CPRO: StoryObj<Args> = { args: { dispositif: 'cpro' } };
