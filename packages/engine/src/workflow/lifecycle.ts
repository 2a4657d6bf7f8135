/**
 * The draft and dossier lifecycle of a dispositif (machine.json "lifecycle"), run with xstate on
 * records kept by a store: what a viewer may do, why not (in French), the state labels the lists
 * show, and the notifications the host must deliver.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import type { Role } from '../models/definition.js';
import {
  createLifecycleMachine,
  lifecycleGuards,
  refusalReason,
  type LifecycleContext,
  type LifecycleEvent,
  type MachineFile,
  type Notification,
  type StateNodeJson,
} from './machines.js';
import type { DossierEngine } from '../validation/dossier-engine.js';

export interface LifecycleOutcome {
  ok: boolean;
  state: string;
  notifications: Notification[];
  /** The machine asked for a dossier number (transmission succeeded). */
  numbered: boolean;
  refusal?: string;
}

export class Lifecycle {
  readonly machine: AnyStateMachine;

  constructor(readonly config: StateNodeJson) {
    this.machine = createLifecycleMachine(config);
  }

  /** The first state of a new request, with its notifications. */
  start(context: LifecycleContext): LifecycleOutcome {
    const notifications: Notification[] = [];
    const actor = createActor(this.machine, { input: context });
    actor.on('notification', (n) => notifications.push(n as Notification));
    actor.start();
    const state = String(actor.getSnapshot().value);
    actor.stop();
    return { ok: true, state, notifications, numbered: false };
  }

  private snapshot(state: string, context: LifecycleContext) {
    return this.machine.resolveState({ value: state, context });
  }

  /** Null when the event is allowed, else the French reason it is refused. */
  refusal(state: string, context: LifecycleContext, event: LifecycleEvent): string | null {
    if (!this.config.states?.[state]) return `État inconnu : ${state}`;
    if (this.snapshot(state, context).can(event)) return null;
    return refusalReason(this.config, state, context, event, lifecycleGuards, `Action impossible : le brouillon est à l'état « ${this.label(state, event.actor.role)} ».`);
  }

  send(state: string, context: LifecycleContext, event: LifecycleEvent): LifecycleOutcome {
    const refusal = this.refusal(state, context, event);
    if (refusal) return { ok: false, state, notifications: [], numbered: false, refusal };
    const notifications: Notification[] = [];
    let numbered = false;
    const actor = createActor(this.machine, { snapshot: this.snapshot(state, context) });
    actor.on('notification', (n) => notifications.push(n as Notification));
    actor.on('numero', () => (numbered = true));
    actor.start();
    actor.send(event);
    const next = String(actor.getSnapshot().value);
    actor.stop();
    return { ok: true, state: next, notifications, numbered };
  }

  /** The events a viewer could send now (for row actions and buttons). */
  allowed(state: string, context: LifecycleContext, actor: LifecycleEvent['actor'], valid = true): string[] {
    const node = this.config.states?.[state];
    return Object.keys(node?.on ?? {}).filter((type) => this.refusal(state, context, { type, actor, valid }) === null);
  }

  /** Events a person triggers with a button in this state (transitions with `meta.label`), for this viewer. */
  buttons(state: string, context: LifecycleContext, actor: LifecycleEvent['actor']): { type: string; label: string }[] {
    const node = this.config.states?.[state];
    const out: { type: string; label: string }[] = [];
    for (const [type, t] of Object.entries(node?.on ?? {})) {
      const first = (Array.isArray(t) ? t[0] : t) as { meta?: { label?: string } } | string | undefined;
      const label = typeof first === 'object' ? first?.meta?.label : undefined;
      if (label && this.refusal(state, context, { type, actor, valid: true }) === null) out.push({ type, label });
    }
    return out;
  }

  /** The label lists show ("A valider par l'employeur" for the provider, "A reprendre par l'adhérent" for the employer). */
  label(state: string, role?: Role): string {
    const meta = this.config.states?.[state]?.meta;
    return (role && meta?.labels?.[role]) || meta?.label || state;
  }

  tags(state: string): string[] {
    return this.config.states?.[state]?.tags ?? [];
  }

  hasTag(state: string, tag: string): boolean {
    return this.tags(state).includes(tag);
  }

  /** Every state with its label, in the order of machine.json (for filters). */
  states(role?: Role): { id: string; label: string; tags: string[] }[] {
    return Object.entries(this.config.states ?? {})
      .filter(([, node]) => node.meta?.label)
      .map(([id]) => ({ id, label: this.label(id, role), tags: this.tags(id) }));
  }
}

/** The lifecycle of a dispositif (the `lifecycle` of its machine.json), built once per `cache`. */
export async function lifecycleFor(cache: Map<string, Lifecycle>, dispositif: string, engineOf: (id: string) => Promise<DossierEngine>): Promise<Lifecycle> {
  let lc = cache.get(dispositif);
  if (!lc) {
    const machine = (await engineOf(dispositif)).definition.extras.machine as MachineFile | undefined;
    if (!machine?.lifecycle) throw new Error(`Le dispositif ${dispositif} n'a pas de machine « lifecycle ».`);
    lc = new Lifecycle(machine.lifecycle);
    cache.set(dispositif, lc);
  }
  return lc;
}
