/**
 * Drives one dossier's entry: the dispositif's wizard machine (machine.json "wizard") fed with the
 * engine's validation, so that tabs, badges, Précédent/Suivant, Enregistrer, Générer le CERFA and
 * Transmettre behave as the machine says, with a French reason for every refusal. DOM-free: the
 * web component renders it, tests drive it directly.
 */
import { createActor, waitFor, type Actor, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { Role, TabSpec } from '../models/definition.js';
import type { ValidationResult } from '../models/result.js';
import type { DossierEngine, ValidationSession } from '../validation/dossier-engine.js';
import {
  createWizardMachine,
  refusalReason,
  wizardGuards,
  type MachineFile,
  type WizardContext,
  type WizardEvent,
} from './machines.js';

export interface WizardOptions {
  engine: DossierEngine;
  data?: unknown;
  role?: Role;
  today?: string;
  /** Tab to open (resume link); the machine's initial tab otherwise. */
  tab?: string;
  /** The draft already exists in the store. */
  saved?: boolean;
  /** The dossier was transmitted: nothing is editable. */
  sent?: boolean;
  readonly?: boolean;
  save: (data: unknown, tab: string) => Promise<unknown>;
  transmit: (data: unknown) => Promise<unknown>;
  generateCerfa?: (data: unknown) => Promise<unknown>;
}

export interface TabBadge {
  id: string;
  title: string;
  valid: boolean;
  errors: number;
  warnings: number;
  /** What the badge says (guide 001). */
  label: string;
}

export const BADGE_VALID = 'Onglet validé';
export const BADGE_INVALID = 'Des données obligatoires sont absentes ou des règles de gestion non valides';

type WizardActor = Actor<AnyStateMachine>;

export class WizardController {
  readonly engine: DossierEngine;
  readonly session: ValidationSession;
  readonly machine: AnyStateMachine;
  readonly actor: WizardActor;
  private readonly role: Role;
  private readonly config: MachineFile['wizard'];

  constructor(private readonly options: WizardOptions) {
    this.engine = options.engine;
    this.role = options.role ?? 'adherent';
    const file = this.engine.definition.extras.machine as MachineFile | undefined;
    if (!file?.wizard) throw new Error(`Le dispositif ${this.engine.id} n'a pas de machine « wizard » (machine.json).`);
    this.config = file.wizard;
    this.session = this.engine.session(options.data ?? { dispositif: this.engine.id }, { role: this.role, today: options.today });
    this.machine = createWizardMachine(this.config, {
      saveDraft: () => options.save(this.session.data, this.tab),
      transmitDossier: () => options.transmit(this.session.data),
      generateCerfa: () => (options.generateCerfa ? options.generateCerfa(this.session.data) : Promise.reject(new Error('Génération du CERFA indisponible.'))),
    });
    const context: WizardContext = {
      ...this.validationFacts(),
      saved: options.saved ?? false,
      dirty: false,
      sent: options.sent ?? false,
      readonly: options.readonly ?? false,
      leaving: false,
      invalidTabs: [],
    };
    const start = this.machine.resolveState({ value: this.startValue(), context });
    this.actor = createActor(this.machine, { snapshot: start });
    this.actor.start();
  }

  private startValue(): Record<string, string> {
    const regions = this.config.states ?? {};
    const value: Record<string, string> = {};
    for (const [name, region] of Object.entries(regions)) value[name] = String(region.initial);
    const tabRegion = this.tabRegion();
    const wanted = this.options.tab;
    if (wanted && regions[tabRegion]?.states?.[wanted] && this.visibleTabIds().includes(wanted)) value[tabRegion] = wanted;
    if (this.options.sent) for (const [name, region] of Object.entries(regions)) if (region.states?.transmise) value[name] = 'transmise';
    return value;
  }

  /** The region whose states are the tabs. */
  private tabRegion(): string {
    const tabIds = new Set(this.engine.definition.layout.tabs.map((t) => t.id));
    const found = Object.entries(this.config.states ?? {}).find(([, r]) => Object.keys(r.states ?? {}).some((s) => tabIds.has(s)));
    return found?.[0] ?? 'onglet';
  }

  private visibleTabIds(): string[] {
    return this.engine.layout.visibleTabs(this.engine.context(this.session.data, this.role, this.options.today)).map((t) => t.id);
  }

  private validationFacts(): Pick<WizardContext, 'visibleTabs' | 'validTabs' | 'valid'> {
    const result = this.session.result({ phase: 'transmission' });
    const visibleTabs = this.visibleTabIds();
    return { visibleTabs, validTabs: visibleTabs.filter((t) => result.tabs[t]?.valid !== false), valid: result.valid };
  }

  get snapshot(): SnapshotFrom<AnyStateMachine> {
    return this.actor.getSnapshot();
  }

  get context(): WizardContext {
    return this.snapshot.context as WizardContext;
  }

  get data(): unknown {
    return this.session.data;
  }

  /** The tab shown now. */
  get tab(): string {
    const value = this.snapshot.value as Record<string, string>;
    return value[this.tabRegion()] ?? '';
  }

  /** Whether a region is in a state: `is('demande', 'saisieInvalide')`. */
  is(region: string, state: string): boolean {
    return (this.snapshot.value as Record<string, string>)[region] === state;
  }

  visibleTabs(): TabSpec[] {
    const ids = new Set(this.context.visibleTabs);
    return this.engine.definition.layout.tabs.filter((t) => ids.has(t.id));
  }

  badges(): TabBadge[] {
    const result = this.session.result({ phase: 'transmission' });
    return this.visibleTabs().map((t) => {
      const s = result.tabs[t.id] ?? { valid: true, errors: 0, warnings: 0 };
      return { id: t.id, title: t.title, valid: s.valid, errors: s.errors, warnings: s.warnings, label: s.valid ? BADGE_VALID : BADGE_INVALID };
    });
  }

  /** Issues as the page shows them: formats as typed, required fields and rules of the tab once validated. */
  result(phase: 'saisie' | 'page' | 'transmission' = 'page', tab: string = this.tab): ValidationResult {
    return this.session.result({ phase, tab });
  }

  /** Changes a field: re-validates what depends on it and tells the machine. */
  set(pointer: string, value: unknown): { ok: boolean; refusal?: string } {
    const check = this.check({ type: 'field.change' });
    if (!check.ok) return check;
    this.session.set(pointer, value);
    this.actor.send({ type: 'field.change' });
    this.actor.send({ type: 'validation.update', ...this.validationFacts() });
    return { ok: true };
  }

  /** Null when allowed, else why not (in French). */
  refusal(event: WizardEvent): string | null {
    if (this.snapshot.can(event)) return null;
    return refusalReason(this.config, this.snapshot.value, this.context, event, wizardGuards, 'Action impossible pour le moment.');
  }

  check(event: WizardEvent): { ok: boolean; refusal?: string } {
    const refusal = this.refusal(event);
    return refusal ? { ok: false, refusal } : { ok: true };
  }

  send(event: WizardEvent): { ok: boolean; refusal?: string } {
    const result = this.check(event);
    if (result.ok) this.actor.send(event);
    return result;
  }

  /** The events accepted now, among those the wizard's buttons send. */
  allowedEvents(): string[] {
    const candidates: WizardEvent[] = [
      { type: 'step.next' },
      { type: 'step.back' },
      { type: 'dossier.save' },
      { type: 'cerfa.generate' },
      { type: 'dossier.transmit' },
      { type: 'wizard.leave' },
      ...this.context.visibleTabs.map((tab) => ({ type: 'tab.select', tab }) as WizardEvent),
    ];
    return [...new Set(candidates.filter((e) => this.snapshot.can(e)).map((e) => (e.type === 'tab.select' ? `tab.select:${e.tab}` : e.type)))];
  }

  /** Resolves once no save, generation or transmission is running. */
  async settled(): Promise<void> {
    try {
      await waitFor(this.actor, (s) => Object.keys(s.children).length === 0);
    } catch {
      // The wizard was stopped (dossier reloaded) while waiting: nothing is running any more.
    }
  }

  subscribe(listener: () => void): () => void {
    const sub = this.actor.subscribe(listener);
    return () => sub.unsubscribe();
  }

  stop(): void {
    this.actor.stop();
  }
}
