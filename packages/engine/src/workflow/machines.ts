/**
 * The two XState v5 machines of a dispositif, built from its machine.json: the wizard (tabs,
 * saving, CERFA, transmission) and the lifecycle (draft then dossier). Configs are data; the
 * guards, actions and actors they name are implemented here, once for every dispositif.
 */
import { assign, emit, enqueueActions, fromPromise, raise, setup, type AnyStateMachine } from 'xstate';
import type { Role } from '../models/definition.js';
import type { Party, Viewer } from './records.js';

/** JSON config of a machine (or of a state node), as written in machine.json. */
export interface StateNodeJson {
  id?: string;
  type?: string;
  initial?: string;
  description?: string;
  meta?: { label?: string; labels?: Partial<Record<Role, string>>; refusals?: Record<string, string> };
  tags?: string[];
  on?: Record<string, TransitionJson | TransitionJson[] | string>;
  always?: TransitionJson | TransitionJson[];
  states?: Record<string, StateNodeJson>;
  [key: string]: unknown;
}

export interface TransitionJson {
  target?: string;
  guard?: string | { type: string; params?: Record<string, unknown> };
  actions?: unknown;
  /** `label`: the button a host shows for this event (Reprendre, Refuser…). */
  /** `refusalIfInvalid`: the reason when the event's data is invalid (the guard checks more than validity). */
  meta?: { refusal?: string; refusalIfInvalid?: string; label?: string };
  reenter?: boolean;
}

export interface MachineFile {
  wizard: StateNodeJson;
  lifecycle: StateNodeJson;
}

// ------------------------------------------------------------------ lifecycle

export interface LifecycleContext {
  creator: Party;
  adherent: Party;
  prestataires: Party[];
  mandatGestion: boolean;
  /** How notifications name the request (draft or dossier number). */
  dossier: string;
}

export interface LifecycleEvent {
  type: string;
  actor: Viewer;
  /** Set by the lifecycle from the engine's validation, never trusted from a client. */
  valid?: boolean;
  [key: string]: unknown;
}

/** Sent to the host, which delivers it (the engine sends no mail). */
export interface Notification {
  type: 'notification';
  to: Role;
  address?: string;
  kind: string;
  dossier: string;
  /** The record's id (set by the DossierService), for a host to open the dossier the notification is about. */
  id?: string;
  text: string;
  /** The text as machine.json writes it ({dossier} not yet replaced), to name the dossier by its final number. */
  template: string;
}

/**
 * machine.json is data: its guard, action and actor names are plain strings that TypeScript cannot
 * tie to the implementations; `akto-forms check` verifies each name exists instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type JsonMachineConfig = any;

export type GuardArgs<C, E> = { context: C; event: E };
export type GuardFn<C, E> = (args: GuardArgs<C, E>, params?: Record<string, unknown>) => boolean;

const same = (a: Viewer | undefined, b: Party | undefined) => !!a && !!b && a.role === b.role && a.entityId === b.entityId;

function isPartyRole(ctx: LifecycleContext, actor: Viewer | undefined, role: unknown): boolean {
  if (!actor || actor.role !== role) return false;
  if (role === 'gestionnaire') return true;
  if (role === 'adherent') return actor.entityId === ctx.adherent.entityId;
  return ctx.prestataires.some((p) => p.entityId === actor.entityId);
}

export const lifecycleGuards: Record<string, GuardFn<LifecycleContext, LifecycleEvent>> = {
  isCreatorRole: ({ context }, params) => context.creator.role === params?.role,
  isCreator: ({ context, event }) => same(event.actor, context.creator),
  isActorRole: ({ context, event }, params) => isPartyRole(context, event.actor, params?.role),
  isParty: ({ context, event }) => isPartyRole(context, event.actor, 'adherent') || isPartyRole(context, event.actor, 'prestataire'),
  isCreatorAndValid: ({ context, event }) => same(event.actor, context.creator) && event.valid === true,
  isAdherentAndValid: ({ context, event }) => isPartyRole(context, event.actor, 'adherent') && event.valid === true,
  hasMandatAndValid: ({ context, event }) =>
    same(event.actor, context.creator) && event.actor.role === 'prestataire' && context.mandatGestion && event.valid === true,
};

function recipient(ctx: LifecycleContext, to: unknown): Party | undefined {
  return to === 'adherent' ? ctx.adherent : to === 'prestataire' ? ctx.prestataires[0] : undefined;
}

export function createLifecycleMachine(config: StateNodeJson): AnyStateMachine {
  return setup({
    types: {} as { context: LifecycleContext; events: LifecycleEvent; input: LifecycleContext },
    guards: lifecycleGuards,
    actions: {
      notify: enqueueActions(({ context, enqueue }, params: { to: Role; kind: string; text: string }) => {
        const party = recipient(context, params.to);
        if (!party?.email) return; // nobody to tell (no provider, or no address entered yet)
        const note: Notification = {
          type: 'notification',
          to: params.to,
          address: party.email,
          kind: params.kind,
          dossier: context.dossier,
          text: params.text.replaceAll('{dossier}', context.dossier),
          template: params.text,
        };
        enqueue.emit(note);
      }),
      assignNumber: emit({ type: 'numero' }),
      // Marks an allowed edit (a transition with no effect would not count as possible for xstate's can()).
      touch: emit({ type: 'modification' }),
      noteDocument: emit(({ event }) => ({ type: 'document', actor: event.actor, document: event.document })),
    },
  }).createMachine({
    ...(config as object),
    context: ({ input }: { input: LifecycleContext }) => input,
  } as JsonMachineConfig);
}

// ------------------------------------------------------------------ wizard

export interface WizardContext {
  /** Tabs shown for this dossier and role (conditional tabs come and go with the data). */
  visibleTabs: string[];
  /** Tabs without errors (page phase): the badges. */
  validTabs: string[];
  /** Whole dossier valid for transmission. */
  valid: boolean;
  /** The draft exists in the store (saved at least once). */
  saved: boolean;
  dirty: boolean;
  sent: boolean;
  readonly: boolean;
  leaving: boolean;
  /** Tabs marked at fault by the last refused transmission ("Saisie Invalide"). */
  invalidTabs: string[];
  lastError?: string | undefined;
}

export type WizardEvent =
  | { type: 'tab.select'; tab: string }
  | { type: 'step.next' }
  | { type: 'step.back' }
  | { type: 'field.change' }
  | { type: 'dossier.save' }
  | { type: 'cerfa.generate' }
  | { type: 'dossier.transmit' }
  | { type: 'wizard.leave' }
  | { type: 'leave.save' }
  | { type: 'leave.discard' }
  | { type: 'leave.cancel' }
  | { type: 'validation.update'; visibleTabs: string[]; validTabs: string[]; valid: boolean };

export interface WizardActors {
  saveDraft: () => Promise<unknown>;
  generateCerfa: () => Promise<unknown>;
  transmitDossier: () => Promise<unknown>;
}

export const wizardGuards: Record<string, GuardFn<WizardContext, WizardEvent>> = {
  isSelected: ({ context, event }, params) => event.type === 'tab.select' && event.tab === params?.tab && context.visibleTabs.includes(String(params?.tab)),
  isTabVisible: ({ context }, params) => context.visibleTabs.includes(String(params?.tab)),
  isTabValid: ({ context }, params) => context.validTabs.includes(String(params?.tab)),
  isEditable: ({ context }) => !context.sent && !context.readonly,
  isSaved: ({ context }) => context.saved && !context.dirty,
  isDirty: ({ context }) => context.dirty,
  isDossierValid: ({ context }) => context.valid,
  isLeaving: ({ context }) => context.leaving,
};

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createWizardMachine(config: StateNodeJson, actors: WizardActors): AnyStateMachine {
  return setup({
    types: {} as { context: WizardContext; events: WizardEvent; input: WizardContext },
    guards: wizardGuards,
    actions: {
      markDirty: assign({ dirty: true }),
      markSaved: assign({ dirty: false, saved: true, lastError: undefined }),
      markLeaving: assign({ leaving: true }),
      markSaveFailed: assign({ leaving: false, lastError: ({ event }) => errorMessage((event as { error?: unknown }).error) }),
      markCerfaFailed: assign({ lastError: ({ event }) => errorMessage((event as { error?: unknown }).error) }),
      markTransmitFailed: assign({ lastError: ({ event }) => errorMessage((event as { error?: unknown }).error) }),
      markSent: assign({ sent: true, dirty: false, invalidTabs: [] }),
      markInvalidTabs: assign({ invalidTabs: ({ context }) => context.visibleTabs.filter((t) => !context.validTabs.includes(t)) }),
      saveNow: raise({ type: 'dossier.save' }),
      assignValidation: assign(({ event }) =>
        event.type === 'validation.update' ? { visibleTabs: event.visibleTabs, validTabs: event.validTabs, valid: event.valid } : {},
      ),
    },
    actors: {
      saveDraft: fromPromise(() => actors.saveDraft()),
      generateCerfa: fromPromise(() => actors.generateCerfa()),
      transmitDossier: fromPromise(() => actors.transmitDossier()),
    },
  }).createMachine({
    ...(config as object),
    context: ({ input }: { input: WizardContext }) => input,
    on: { ...((config.on as object) ?? {}), 'validation.update': { actions: 'assignValidation' } },
  } as JsonMachineConfig);
}

// ------------------------------------------------------------------ refusals

function stateNodes(root: StateNodeJson, value: unknown, path: StateNodeJson[] = [root]): StateNodeJson[] {
  // Active nodes, deepest first, for a state value ("a" or { region: "a" } or nested).
  if (typeof value === 'string') {
    const node = root.states?.[value];
    return node ? [node, ...path] : path;
  }
  if (value && typeof value === 'object') {
    const out: StateNodeJson[] = [];
    for (const [key, sub] of Object.entries(value)) {
      const node = root.states?.[key];
      if (node) out.push(...stateNodes(node, sub, [node]));
    }
    return [...out, ...path];
  }
  return path;
}

function transitionsOf(node: StateNodeJson, eventType: string): TransitionJson[] | undefined {
  const t = node.on?.[eventType];
  if (t === undefined) return undefined;
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => (typeof x === 'string' ? { target: x } : x));
}

/**
 * Why an event is refused in a state, in French: the `meta.refusal` of the first transition whose
 * guard fails, or the state's `meta.refusals[event]`, or a generic sentence.
 */
export function refusalReason<C, E extends { type: string }>(
  config: StateNodeJson,
  value: unknown,
  context: C,
  event: E,
  guards: Record<string, GuardFn<C, E>>,
  fallback: string,
): string {
  for (const node of stateNodes(config, value)) {
    const transitions = transitionsOf(node, event.type);
    if (transitions) {
      for (const t of transitions) {
        if (!t.guard) continue;
        const { type, params } = typeof t.guard === 'string' ? { type: t.guard, params: undefined } : t.guard;
        const fn = guards[type];
        if (fn && !fn({ context, event }, params)) {
          const invalid = (event as { valid?: unknown }).valid === false;
          if (invalid && t.meta?.refusalIfInvalid && fn({ context, event: { ...event, valid: true } }, params)) return t.meta.refusalIfInvalid;
          if (t.meta?.refusal) return t.meta.refusal;
        }
      }
    }
    const message = node.meta?.refusals?.[event.type];
    if (message) return message;
  }
  return fallback;
}
