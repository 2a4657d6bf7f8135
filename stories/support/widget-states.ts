/**
 * The states every field widget shows (empty, filled, error, warning, read-only, disabled), as stories
 * whose play function checks what the state draws: the message part (error or warning) with its text,
 * the inner control read-only or disabled.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { messagePartText } from './wizard.js';
import '@akto/elements';

export interface WidgetArgs {
  label: string;
  hint: string;
  required: boolean;
  readonly: boolean;
  disabled: boolean;
  error: string;
  warning: string;
  value: unknown;
  [prop: string]: unknown;
}

const BASE_ARGS = ['label', 'hint', 'example', 'required', 'readonly', 'disabled', 'error', 'warning', 'value'];

type Widget = HTMLElement & { updateComplete: Promise<unknown>; value: unknown };

export interface WidgetSpec {
  tag: string;
  /** Arguments of every state (label, hint, options, spec...). */
  args: Partial<WidgetArgs>;
  /** The value of the filled states. */
  filled: unknown;
  error: string;
  /** Omitted when the widget shows no warning. */
  warning?: string;
  /** The inner controls of the widget (inputs, textarea, combobox...). */
  controls: (root: ShadowRoot) => HTMLElement[];
  /** How a control says it cannot be changed, read-only and disabled. */
  inert?: { readonly: (c: HTMLElement) => boolean; disabled: (c: HTMLElement) => boolean };
}

const standardInert = {
  readonly: (c: HTMLElement) => (c as HTMLInputElement).readOnly === true || c.getAttribute('aria-readonly') === 'true' || (c as HTMLInputElement).disabled === true,
  disabled: (c: HTMLElement) => (c as HTMLInputElement).disabled === true || c.getAttribute('aria-disabled') === 'true',
};

/** Args and render of a widget's meta (the file's default export adds its literal `title` and `component`). */
export function widgetMeta(spec: WidgetSpec): Omit<Meta<WidgetArgs>, 'title' | 'component'> {
  return {
    args: { label: '', hint: '', required: false, readonly: false, disabled: false, error: '', warning: '', value: undefined, ...spec.args },
    argTypes: { value: { control: 'object' } },
    render: (args) => {
      const el = document.createElement(spec.tag) as Widget;
      // Only the widget's own arguments: Storybook adds others (event actions, manifest members).
      for (const k of new Set([...BASE_ARGS, ...Object.keys(spec.args)])) if (args[k] !== undefined) (el as unknown as Record<string, unknown>)[k] = args[k];
      return el;
    },
  };
}

async function widget(canvasElement: HTMLElement, tag: string): Promise<Widget> {
  const el = canvasElement.querySelector(tag) as Widget | null;
  expect(el, `<${tag}> rendu`).toBeTruthy();
  await (el as Widget).updateComplete;
  return el as Widget;
}

function messagePart(el: Widget, kind: 'error' | 'warning'): Element | null {
  return el.shadowRoot?.querySelector(`[part~="message"][part~="${kind}"]`) ?? null;
}

/** The six states; each play checks what its state draws. */
export function widgetStates(spec: WidgetSpec) {
  const inert = spec.inert ?? standardInert;
  const noMessage = async ({ canvasElement }: StoryContext) => {
    const el = await widget(canvasElement, spec.tag);
    expect(el.shadowRoot?.querySelector('[part~="message"]'), 'aucun message').toBeNull();
    for (const c of spec.controls(el.shadowRoot as ShadowRoot)) {
      expect(inert.disabled(c), 'contrôle actif').toBe(false);
    }
  };
  const states: Record<'Empty' | 'Filled' | 'Error' | 'Warning' | 'ReadOnly' | 'Disabled', StoryObj<WidgetArgs>> = {
    Empty: { args: { value: undefined }, play: noMessage },
    Filled: {
      args: { value: spec.filled },
      play: async (context) => {
        await noMessage(context);
        const el = await widget(context.canvasElement, spec.tag);
        expect(el.value, 'valeur').toEqual(spec.filled);
      },
    },
    Error: {
      args: { value: spec.filled, error: spec.error },
      play: async ({ canvasElement }) => {
        const el = await widget(canvasElement, spec.tag);
        await waitFor(() => expect(messagePart(el, 'error'), 'message d’erreur').not.toBeNull());
        expect(messagePartText(el)).toBe(spec.error);
        const invalid = spec.controls(el.shadowRoot as ShadowRoot).filter((c) => c.hasAttribute('aria-invalid'));
        for (const c of invalid) expect(c.getAttribute('aria-invalid'), 'aria-invalid').toBe('true');
      },
    },
    Warning: {
      args: { value: spec.filled, warning: spec.warning ?? '' },
      play: async ({ canvasElement }) => {
        const el = await widget(canvasElement, spec.tag);
        await waitFor(() => expect(messagePart(el, 'warning'), 'alerte').not.toBeNull());
        expect(messagePartText(el)).toBe(spec.warning);
        expect(messagePart(el, 'error'), 'pas d’erreur').toBeNull();
      },
    },
    ReadOnly: {
      args: { value: spec.filled, readonly: true },
      play: async ({ canvasElement }) => {
        const el = await widget(canvasElement, spec.tag);
        expect(el.hasAttribute('readonly'), 'attribut readonly').toBe(true);
        const controls = spec.controls(el.shadowRoot as ShadowRoot);
        expect(controls.length, 'contrôles').toBeGreaterThan(0);
        for (const c of controls) expect(inert.readonly(c), `${c.localName} en lecture seule`).toBe(true);
      },
    },
    Disabled: {
      args: { value: spec.filled, disabled: true },
      play: async ({ canvasElement }) => {
        const el = await widget(canvasElement, spec.tag);
        expect(el.hasAttribute('disabled'), 'attribut disabled').toBe(true);
        const controls = spec.controls(el.shadowRoot as ShadowRoot);
        expect(controls.length, 'contrôles').toBeGreaterThan(0);
        for (const c of controls) expect(inert.disabled(c), `${c.localName} désactivé`).toBe(true);
      },
    },
  };
  return states;
}

/** Controls of the usual widgets: the `input` part(s), a textarea, a combobox. */
export const inputs = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('input[part~="input"], textarea[part~="input"], [role="combobox"]')];
