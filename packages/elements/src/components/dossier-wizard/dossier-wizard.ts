import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  BADGE_INVALID,
  createEngine,
  DossierService,
  registerDispositif,
  hasDispositif,
  getAt,
  IndexedDbStore,
  resumeLink,
  StaleRevisionError,
  WizardController,
  WorkflowError,
  type CheckProviders,
  type DossierEngine,
  type DossierRecord,
  type DispositifArtifact,
  type DossierStore,
  type FieldEntry,
  type MigrationReport,
  type Party,
  type Role,
  type SectionSpec,
  type TabSpec,
  type ValidationIssue,
  type ValidationResult,
  type Viewer,
} from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { wizardStyles } from './dossier-wizard.styles.js';
import { migrationNoticeStyles, renderMigrationNotice } from './migration-notice.js';
import { fieldTag, textKind } from '../../internal/field-registry.js';
import { displayValue } from '../../internal/display.js';
import { wizardEvent } from '../../events/wizard-events.js';

/** A search the host provides to an autocomplete field (établissement, organisme, rncp, tuteur...). */
export type SearchProvider = (query: string) => Promise<{ value: string; label: string; detail?: string; record?: Record<string, unknown> }[]>;

export interface WizardProviders {
  /** Autocomplete sources, by the layout's `autocomplete` name. */
  search?: Record<string, SearchProvider>;
  /** Asynchronous checks (NIR/nom: "Titulaire non trouvé.", RNCP actif...). */
  checks?: CheckProviders;
  /** Stores an uploaded file and returns its reference. */
  upload?: (file: File, type: string) => Promise<string>;
  /** Generates the CERFA for a dossier (when the host does not handle `cerfa-request` itself). */
  cerfa?: (data: unknown, record: DossierRecord | undefined) => Promise<unknown>;
}

type Status = { kind: 'ok' | 'refusal' | 'failure'; text: string; link?: string; pdf?: string } | null;

const ROLE_LABEL: Record<Role, string> = { adherent: 'Adhérent', prestataire: 'Organisme de formation', gestionnaire: 'Gestionnaire' };
const SAVED = 'Votre saisie a bien été enregistrée. Vous pouvez dès à présent la retrouver dans la rubrique "Mes dossiers".';
const HANDED_OVER =
  "Merci pour votre saisie. L'employeur vient de recevoir un mail pour qu'il puisse vérifier l'exactitude des informations et valider le contrat. AKTO traitera ensuite le dossier dans les meilleurs délais.";

/** Sources already registered by a wizard: a reload (another draft, another role) does not import them again. */
const registeredSources = new Map<string | DispositifArtifact, string>();

async function registerOnce(source: string | DispositifArtifact): Promise<string> {
  const known = registeredSources.get(source);
  if (known && hasDispositif(known)) return known;
  const { id } = await registerDispositif(source);
  registeredSources.set(source, id);
  return id;
}

/**
 * The whole entry of a funding request, for any dispositif of `schemas/`: tabs with badges, fields with
 * their messages, Précédent / Suivant, Enregistrer, Générer le CERFA and Transmettre, driven by the
 * dispositif's machine. Nothing here names a dispositif.
 *
 * @summary Dossier wizard.
 * @event dossier-change - A field changed: `{ pointer, value, data }`.
 * @event dossier-save - The draft was saved: `{ record }`.
 * @event dossier-transmit - The request was transmitted (to AKTO, or to the employer): `{ record }`.
 * @event tab-change - Another tab is shown: `{ tab }`.
 * @event cerfa-request - Générer le CERFA: `{ data, record }`; cancelable to generate it yourself.
 * @event dossier-notification - The workflow asks the host to notify someone (mail, bell).
 * @csspart header - Dispositif reminder. @csspart nav - The tab list. @csspart tab - Each tab (`tab selected`).
 * @csspart panel - The current tab. @csspart summary - The error summary after Transmettre.
 * @csspart actions - The buttons. @csspart status - Confirmation and refusal messages.
 * @cssproperty --akto-color-primary - Main colour. @cssproperty --akto-color-error - Error colour.
 * @cssproperty --akto-color-warning - Warning colour. @cssproperty --akto-font-family - Font.
 */
@customElement('akto-dossier-wizard')
export class AktoDossierWizard extends LitElement {
  static formAssociated = true;
  static override styles = [tokens, utilities, wizardStyles, migrationNoticeStyles];

  /** Id of a built-in or registered dispositif (cpro, proa, car, af…). */
  @property({ reflect: true }) dispositif = '';
  /** URL of a definition artifact built by `akto-forms build`: the wizard registers it and shows it. */
  @property({ attribute: 'definition-src' }) definitionSrc = '';
  /** An already-imported definition artifact module (takes precedence over `definition-src`). */
  @property({ attribute: false }) definition?: DispositifArtifact;
  /**
   * Who is entering: adherent (employer), prestataire (training provider) or gestionnaire. Set by the
   * `role` attribute (as hosts write it) or `profil`; the `role` attribute is then removed so that it does
   * not pose as an ARIA role.
   */
  @property({ attribute: 'profil' }) profile: Role = 'adherent';
  /** SIRET of the signed-in entity. */
  @property({ attribute: 'entity-id' }) entityId = 'local';
  /** Draft to resume; a new draft is created on the first save otherwise. */
  @property({ attribute: 'draft-id', reflect: true }) draftId = '';
  /** Tab to open (resume link). */
  @property() tab = '';
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Only "fr" is available. */
  @property() locale = 'fr';
  /** Where drafts live; IndexedDB in this browser when not set. */
  @property({ attribute: false }) store?: DossierStore;
  @property({ attribute: false }) providers: WizardProviders = {};
  /** Initial data of a new draft (e.g. the établissement chosen before the wizard). */
  @property({ attribute: false }) data?: Record<string, unknown>;
  /** The employer of a new draft (defaults to the signed-in entity when it is an adherent). */
  @property({ attribute: false }) adherent?: Party;
  /** The official CERFA (an AcroForm) to fill, as a URL or bytes; a document laid out like it otherwise. */
  @property({ attribute: 'cerfa-template' }) cerfaTemplate?: string | Uint8Array;
  /** "Today" for date rules (tests and demos); the clock otherwise. */
  @property() today?: string;

  @state() private controller?: WizardController;
  @state() private engine?: DossierEngine;
  @state() private record?: DossierRecord;
  @state() private loadError = '';
  /** Set when the opened draft was saved under an older definition version. */
  @state() private migration?: MigrationReport;
  @state() private status: Status = null;
  @state() private summary: ValidationIssue[] = [];
  /** Issues of the host's asynchronous checks (NIR/nom, RNCP...), from the last page validation. */
  @state() private asyncIssues: ValidationIssue[] = [];
  /** Workflow buttons of the opened draft (Reprendre, Refuser…) with its state label. */
  @state() private workflow: { label: string; buttons: { type: string; label: string }[] } | null = null;
  /** Tabs whose required fields and rules are shown (left once, or after Transmettre). */
  @state() private validated = new Set<string>();
  private service?: DossierService;
  private cerfaUrl?: string;
  private unsubscribe?: () => void;
  private readonly internals: ElementInternals;
  private loading = 0;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'role'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'role') {
      if (value === 'adherent' || value === 'prestataire' || value === 'gestionnaire') {
        this.profile = value;
        this.removeAttribute('role');
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  /** The profile, also readable as `role` (see `profile`). */
  override get role(): Role {
    return this.profile;
  }
  override set role(value: string | null) {
    if (value === 'adherent' || value === 'prestataire' || value === 'gestionnaire') this.profile = value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.unsubscribe?.();
    this.controller?.stop();
  }

  private onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.controller?.context.dirty) e.preventDefault();
  };

  get viewer(): Viewer {
    return { role: this.profile, entityId: this.entityId };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // draft-id set by our own first save needs no reload.
    const draftChanged = changed.has('draftId') && this.draftId !== (this.record?.id ?? '');
    if (draftChanged || changed.has('dispositif') || changed.has('definitionSrc') || changed.has('definition') || changed.has('profile') || changed.has('store') || changed.has('entityId')) void this.load();
  }

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    this.loadError = '';
    if (!this.dispositif && !this.draftId && !this.definitionSrc && !this.definition) return;
    try {
      const external = this.definition ?? this.definitionSrc;
      const registered = external ? await registerOnce(external) : '';
      this.service = new DossierService(this.store ?? (this.store = new IndexedDbStore()), {
        onNotification: (n) => this.dispatchEvent(wizardEvent('dossier-notification', n)),
      });
      let record: DossierRecord | undefined;
      let migration: MigrationReport | undefined;
      let editable = !this.readonly;
      if (this.draftId) {
        const opened = await this.service.open(this.draftId, this.viewer);
        record = opened.record;
        migration = opened.migration;
        editable = editable && opened.editable;
        this.workflow = opened.buttons.length ? { label: opened.label, buttons: opened.buttons } : null;
        if ((registered || this.dispositif) && record.dispositif !== (registered || this.dispositif)) throw new Error(`Le brouillon n° ${this.draftId} n'est pas un dossier ${registered || this.dispositif}.`);
      }
      const engine = await createEngine(record?.dispositif ?? (registered || this.dispositif));
      if (ticket !== this.loading) return;
      this.controller?.stop();
      this.unsubscribe?.();
      this.engine = engine;
      this.record = record;
      this.migration = migration;
      this.validated = new Set();
      this.summary = [];
      const controller = new WizardController({
        engine,
        data: record?.data ?? {
          sousDispositif: engine.definition.identity.sousDispositifs.find((sd) => !sd.disabled)?.code,
          ...(this.data ?? {}),
          dispositif: engine.id,
        },
        role: this.profile,
        today: this.today,
        tab: this.tab || record?.lastTab,
        saved: !!record,
        sent: !!record && record.kind === 'dossier',
        readonly: !editable,
        save: () => this.persist(),
        transmit: () => this.transmitNow(),
        generateCerfa: (data) => this.generateCerfa(data),
      });
      this.controller = controller;
      this.unsubscribe = controller.subscribe(() => this.requestUpdate());
      this.syncForm();
    } catch (e) {
      if (ticket === this.loading) this.loadError = e instanceof Error ? e.message : String(e);
    }
  }

  // ------------------------------------------------------------------ persistence (machine actors)

  private async persist(): Promise<DossierRecord> {
    const service = this.service as DossierService;
    const controller = this.controller as WizardController;
    const data = controller.data as Record<string, unknown>;
    try {
      if (!this.record) {
        const party: Party = { role: this.profile, entityId: this.entityId };
        const adherent = this.adherent ?? (this.profile === 'adherent' ? party : { role: 'adherent' as const, entityId: String(getAt(data, '/employeur/siret') ?? 'inconnu') });
        this.record = (await service.create({ dispositif: controller.engine.id, creator: party, adherent, data })).record;
        this.draftId = this.record.id;
      }
      this.record = await service.save(this.record.id, data, this.viewer, { revision: this.record.revision, tab: controller.tab });
      this.migration = undefined; // saved under the current version: the notice has done its job
      const link = resumeLink(location.href, { id: this.record.id, tab: controller.tab });
      this.status = { kind: 'ok', text: SAVED, link };
      this.dispatchEvent(wizardEvent('dossier-save', { record: this.record }));
      return this.record;
    } catch (e) {
      this.status = { kind: 'failure', text: e instanceof StaleRevisionError || e instanceof Error ? e.message : String(e) };
      throw e;
    }
  }

  private async transmitNow(): Promise<DossierRecord> {
    const record = await this.persist();
    try {
      const outcome = await (this.service as DossierService).transmit(record.id, this.viewer);
      this.record = outcome.record;
      const handedOver = outcome.record.kind === 'brouillon';
      this.status = {
        kind: 'ok',
        text: handedOver
          ? HANDED_OVER
          : `Votre demande a bien été transmise à AKTO. Le numéro ${outcome.record.numero ?? ''} est à conserver pour toutes correspondances avec AKTO et pour retrouver rapidement votre dossier dans Mon Espace.`,
      };
      this.dispatchEvent(wizardEvent('dossier-transmit', { record: outcome.record }));
      return outcome.record;
    } catch (e) {
      if (e instanceof WorkflowError && e.result) this.showSummary(e.result);
      this.status = { kind: 'failure', text: e instanceof Error ? e.message : String(e) };
      throw e;
    }
  }

  private async generateCerfa(data: unknown): Promise<unknown> {
    const event = wizardEvent('cerfa-request', { data, record: this.record }, true);
    if (!this.dispatchEvent(event)) return undefined;
    if (this.providers.cerfa) return this.providers.cerfa(data, this.record);
    // pdf-lib arrives only now, as a separate chunk: the wizard's first load does not carry it.
    const { generateCerfa } = await import('@akto/engine/cerfa');
    const engine = this.engine as DossierEngine;
    try {
      const result = await generateCerfa(engine.definition, data, { draft: true, template: this.cerfaTemplate });
      if (this.cerfaUrl) URL.revokeObjectURL(this.cerfaUrl);
      this.cerfaUrl = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: 'application/pdf' }));
      this.status = { kind: 'ok', text: `Le CERFA prérempli est prêt.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}`, pdf: this.cerfaUrl };
      // A link rather than window.open(): after an await the browser would treat it as an unwanted pop-up.
      return result;
    } catch (e) {
      this.status = { kind: 'failure', text: `Le CERFA n'a pas pu être généré : ${e instanceof Error ? e.message : String(e)}` };
      throw e;
    }
  }

  // ------------------------------------------------------------------ public API

  /** Enregistrer. Resolves with the saved record; rejects with a French message. */
  async save(): Promise<DossierRecord | undefined> {
    const c = this.controller;
    if (!c) return undefined;
    const r = c.send({ type: 'dossier.save' });
    if (!r.ok) {
      this.status = { kind: 'refusal', text: r.refusal ?? '' };
      return undefined;
    }
    await c.settled();
    return this.record;
  }

  /** Validates the whole dossier as for transmission, shows every message, and returns the result. */
  validate(): ValidationResult | undefined {
    const c = this.controller;
    if (!c) return undefined;
    this.validated = new Set(c.visibleTabs().map((t) => t.id));
    return c.result('transmission');
  }

  /** Opens a tab (when the dispositif's machine allows it). */
  goTo(tab: string): boolean {
    return this.sendNav({ type: 'tab.select', tab });
  }

  /** Asks to leave: resolves true when the user may go (saved, discarded, or nothing to save). */
  async leave(): Promise<boolean> {
    const c = this.controller;
    if (!c) return true;
    c.send({ type: 'wizard.leave' });
    if (c.is('edition', 'quitte')) return true;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.leave');
    dialog?.showModal();
    return new Promise((resolve) => {
      this.leaveResolver = resolve;
    });
  }
  private leaveResolver?: (ok: boolean) => void;

  private async answerLeave(answer: 'leave.save' | 'leave.discard' | 'leave.cancel') {
    const c = this.controller as WizardController;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.leave')?.close();
    c.send({ type: answer });
    await c.settled();
    this.leaveResolver?.(c.is('edition', 'quitte'));
    this.leaveResolver = undefined;
  }

  // ------------------------------------------------------------------ interaction

  private sendNav(event: { type: 'tab.select'; tab: string } | { type: 'step.next' } | { type: 'step.back' }): boolean {
    const c = this.controller;
    if (!c) return false;
    const from = c.tab;
    const r = c.send(event);
    this.validated = new Set([...this.validated, from]);
    if (!r.ok) {
      this.status = { kind: 'refusal', text: r.refusal ?? '' };
      void this.focusFirstError();
      return false;
    }
    this.status = null;
    void this.runChecks();
    if (c.tab !== from) {
      this.dispatchEvent(wizardEvent('tab-change', { tab: c.tab }));
      void this.updateComplete.then(() => this.focusFirstErrorOr(`#tab-${c.tab}`));
    }
    return true;
  }

  /** Runs the host's asynchronous checks and writes the values they return (e.g. an inactive RNCP flag). */
  private async runChecks(): Promise<ValidationIssue[]> {
    const checks = this.providers.checks;
    const c = this.controller;
    if (!checks || !c || c.context.readonly || c.context.sent) return [];
    const outcome = await c.engine.runAsyncChecks(c.data, checks, { role: this.profile, phase: 'page', today: this.today });
    if (c !== this.controller) return [];
    for (const [pointer, value] of Object.entries(outcome.values)) if (getAt(c.data, pointer) !== value) c.set(pointer, value);
    this.asyncIssues = outcome.issues;
    return outcome.issues;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('[data-invalid]');
    field?.focus();
  }

  private async focusFirstErrorOr(selector: string): Promise<void> {
    const field = this.renderRoot.querySelector<HTMLElement>('[data-invalid]');
    (field ?? this.renderRoot.querySelector<HTMLElement>(selector))?.focus();
  }

  private onFieldEvent(e: Event) {
    const target = e.target as HTMLElement & { name?: string; value?: unknown };
    const pointer = target.name;
    const c = this.controller;
    if (!pointer || !c || target === this) return;
    e.stopPropagation();
    const r = c.set(pointer, target.value);
    if (!r.ok) {
      this.status = { kind: 'refusal', text: r.refusal ?? '' };
      return;
    }
    if (this.summary.length) this.summary = [];
    this.syncForm();
    this.dispatchEvent(wizardEvent('dossier-change', { pointer, value: target.value, data: c.data }));
  }

  private onAutocompleteSelect(e: CustomEvent<{ option: { record?: Record<string, unknown> } }>, entry: FieldEntry, pointer: string) {
    const kind = entry.spec.autocomplete;
    const record = e.detail?.option?.record;
    const c = this.controller;
    const mapping = kind ? this.engine?.definition.identity.references?.[kind] : undefined;
    if (!c || !record || !mapping) return;
    const index = entry.repeat ? Number(pointer.split('/')[entry.repeat.split('/').length]) : undefined;
    for (const [pattern, property] of Object.entries(mapping)) {
      const target = index === undefined ? pattern : pattern.replace('/*/', `/${index}/`);
      const value = record[property];
      c.set(target, value === null || value === '' ? undefined : value);
    }
    this.syncForm();
  }

  private async transmit() {
    const c = this.controller;
    if (!c) return;
    const blocking = (await this.runChecks()).filter((i) => i.severity === 'error');
    if (blocking.length) {
      this.showSummary({ ...c.result('transmission'), valid: false, errors: [...c.result('transmission').errors, ...blocking] });
      return;
    }
    const r = c.send({ type: 'dossier.transmit' });
    if (!r.ok) {
      this.status = { kind: 'refusal', text: r.refusal ?? '' };
      return;
    }
    if (c.is('demande', 'saisieInvalide')) this.showSummary(c.result('transmission'));
    else void c.settled().then(() => this.requestUpdate(), () => undefined);
  }

  private showSummary(result: ValidationResult) {
    this.validated = new Set((this.controller?.visibleTabs() ?? []).map((t) => t.id));
    this.summary = result.errors;
    this.status = { kind: 'failure', text: 'Saisie Invalide' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus());
  }

  private async goToIssue(issue: ValidationIssue) {
    if (issue.tab && issue.tab !== this.controller?.tab) this.goTo(issue.tab);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(issue.path)}"]`)?.focus();
  }

  private onTabKeydown(e: KeyboardEvent, tabs: TabSpec[], index: number) {
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const next = keys[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (target) this.renderRoot.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
  }

  private syncForm() {
    const c = this.controller;
    if (!c) return;
    this.internals.setFormValue(JSON.stringify(c.data));
    const result = c.result('transmission');
    if (result.valid) this.internals.setValidity({});
    else this.internals.setValidity({ customError: true }, 'Saisie Invalide : des données obligatoires sont absentes ou des règles de gestion non valides.');
  }

  formResetCallback() {
    void this.load();
  }

  // ------------------------------------------------------------------ rendering

  private messagesFor(result: ValidationResult): Map<string, { error?: string; warning?: string }> {
    const out = new Map<string, { error?: string; warning?: string }>();
    for (const i of [...result.errors, ...result.warnings, ...this.asyncIssues]) {
      if (i.phase !== 'saisie' && !(i.tab && this.validated.has(i.tab))) continue;
      const m = out.get(i.path) ?? {};
      if (i.severity === 'error') m.error ??= i.message;
      else m.warning ??= i.message;
      out.set(i.path, m);
    }
    return out;
  }

  override render(): TemplateResult {
    if (this.loadError) return html`<p class="failure-load" role="alert">${this.loadError}</p>`;
    const c = this.controller;
    const engine = this.engine;
    if (!c || !engine) return html`<p class="loading" role="status">Chargement…</p>`;
    const identity = engine.definition.identity;
    const tabs = c.visibleTabs();
    const badges = new Map(c.badges().map((b) => [b.id, b]));
    const result = c.result('transmission');
    const messages = this.messagesFor(result);
    const current = tabs.find((t) => t.id === c.tab) ?? tabs[0];
    const sd = identity.sousDispositifs.find((s) => s.code === getAt(c.data, '/sousDispositif'));
    const readonly = c.context.readonly || c.context.sent;
    return html`
      <div part="header">
        <p class="title">${identity.title ?? identity.label}</p>
        <p class="subtitle">${sd?.label ?? identity.label}</p>
        <p class="profile">Profil ${ROLE_LABEL[this.profile]}${this.record ? html` · Brouillon n° ${this.record.numero ?? this.record.id}` : nothing}</p>
      </div>
      <div part="nav" role="tablist" aria-label="Onglets de la demande">
        ${tabs.map((t, i) => {
          const b = badges.get(t.id);
          const selected = t.id === current?.id;
          const marked = c.context.invalidTabs.includes(t.id) || (this.validated.has(t.id) && !b?.valid);
          return html`<button
            part="tab${selected ? ' selected' : ''}"
            role="tab"
            id="tab-${t.id}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.goTo(t.id)}
            @keydown=${(e: KeyboardEvent) => this.onTabKeydown(e, tabs, i)}
          >
            ${t.title}
            <span class="badge ${b?.valid ? 'ok' : 'ko'}" aria-hidden="true">${b?.valid ? '✓' : marked ? '⚠' : '•'}</span>
            <span class="visually-hidden">(${b?.label ?? BADGE_INVALID})</span>
          </button>`;
        })}
      </div>
      ${this.workflow
        ? html`<div part="workflow" class="workflow" role="region" aria-label="Suite de la demande">
            <p>État du brouillon : <strong>${this.workflow.label}</strong></p>
            <div class="steps">${this.workflow.buttons.map((b) => html`<button class="action" type="button" @click=${() => void this.act(b.type)}>${b.label}</button>`)}</div>
          </div>`
        : nothing}
      ${renderMigrationNotice(this.migration)} ${this.renderStatus()} ${this.summary.length ? this.renderSummary(engine) : nothing}
      ${current
        ? html`<section part="panel" id="panel" role="tabpanel" aria-labelledby="tab-${current.id}" @input=${this.onFieldEvent} @change=${this.onFieldEvent}>
            <div class="panel-head">
              <h2>${current.title}</h2>
              <div class="steps">
                <button class="secondary" type="button" @click=${() => this.sendNav({ type: 'step.back' })}>&lt; Précédent</button>
                <button class="secondary" type="button" @click=${() => this.sendNav({ type: 'step.next' })}>Suivant &gt;</button>
              </div>
            </div>
            ${current.kind === 'introduction' ? this.renderIntro(engine) : nothing}
            <p class="notice"><span class="asterisk" aria-hidden="true">⚠</span> Les champs avec * sont obligatoires.</p>
            ${current.kind === 'synthese' ? this.renderRecap(engine, tabs) : nothing}
            ${current.sections.map((s) => this.renderSection(engine, s, messages, readonly))}
          </section>`
        : nothing}
      <div part="actions">
        <button class="secondary" type="button" @click=${() => this.runButton({ type: 'cerfa.generate' })}>Générer le CERFA</button>
        <button class="secondary" type="button" @click=${() => void this.save()}>Enregistrer</button>
        <button class="action" type="button" @click=${() => void this.transmit()}>${this.profile === 'prestataire' && !this.record?.mandatGestion ? "Transmettre la demande à l'adhérent" : 'Transmettre'}</button>
      </div>
      <dialog class="leave" aria-labelledby="leave-title" @cancel=${(e: Event) => (e.preventDefault(), void this.answerLeave('leave.cancel'))}>
        <p id="leave-title">Voulez-vous enregistrer pour plus tard ?</p>
        <div class="steps">
          <button class="secondary" type="button" @click=${() => this.answerLeave('leave.cancel')}>Annuler</button>
          <button class="secondary" type="button" @click=${() => this.answerLeave('leave.discard')}>Quitter sans enregistrer</button>
          <button class="action" type="button" @click=${() => this.answerLeave('leave.save')}>OK</button>
        </div>
      </dialog>
    `;
  }

  /** A lifecycle button (Reprendre, Refuser…): the service acts, then the draft is reopened. */
  private async act(type: string) {
    const id = this.record?.id;
    if (!id || !this.service) return;
    try {
      await this.service.act(id, type, this.viewer);
      this.workflow = null;
      this.record = undefined;
      await this.load();
    } catch (e) {
      this.status = { kind: 'failure', text: e instanceof Error ? e.message : String(e) };
    }
  }

  private runButton(event: { type: 'cerfa.generate' }) {
    const r = this.controller?.send(event);
    if (r && !r.ok) this.status = { kind: 'refusal', text: r.refusal ?? '' };
    else void this.controller?.settled().then(() => this.requestUpdate());
  }

  private renderStatus(): TemplateResult {
    const s = this.status;
    return html`<div part="status" role="status" aria-live="polite">
      ${s
        ? html`<p class=${s.kind}>
            ${s.text}
            ${s.link
              ? html`<br />Pour reprendre, conservez le lien : <a href=${s.link}>${s.link}</a>
                  <button class="link" type="button" @click=${() => void navigator.clipboard?.writeText(s.link ?? '')}>Copier le lien</button>`
              : nothing}
            ${s.pdf ? html`<br /><a href=${s.pdf} target="_blank" rel="noopener" download="cerfa.pdf">Ouvrir le CERFA (PDF)</a>` : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  private renderSummary(engine: DossierEngine): TemplateResult {
    const titles = new Map(engine.definition.layout.tabs.map((t) => [t.id, t.title]));
    return html`<div part="summary" tabindex="-1">
      <p><strong>Saisie Invalide</strong> — Merci de bien vouloir corriger les erreurs suivantes :</p>
      <ul>
        ${this.summary.map((i) => {
          const label = engine.layout.field(i.path)?.schema?.title ?? i.path;
          return html`<li>
            <a href="#" @click=${(e: Event) => (e.preventDefault(), void this.goToIssue(i))}>${titles.get(i.tab ?? '') ?? ''} — ${label} : ${i.message}</a>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderIntro(engine: DossierEngine): TemplateResult {
    const intro = engine.definition.identity.introduction;
    return html`<div class="intro">
      ${intro.text.map((p) => html`<p>${p}</p>`)}
      ${intro.links.length ? html`<ul>${intro.links.map((l) => html`<li><a href=${l.href} target="_blank" rel="noopener noreferrer">${l.label}</a></li>`)}</ul>` : nothing}
    </div>`;
  }

  private renderRecap(engine: DossierEngine, tabs: TabSpec[]): TemplateResult {
    const c = this.controller as WizardController;
    const data = c.data;
    const ctx = engine.context(data, this.profile, this.today);
    return html`<div class="recap">
      ${tabs
        .filter((t) => !t.kind || t.kind === 'form')
        .map((t) => {
          const rows = engine.layout.fields
            .filter((f) => f.tab.id === t.id && !f.repeat && f.spec.widget !== 'documents' && engine.layout.isVisible(f, ctx))
            .map((f) => [f.schema?.title ?? f.pattern, displayValue(getAt(data, f.pattern), f.schema, engine.definition.lists)] as const)
            .filter(([, v]) => v !== '');
          return rows.length
            ? html`<h3>${t.title}</h3>
                <dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`
            : nothing;
        })}
    </div>`;
  }

  private renderSection(engine: DossierEngine, section: SectionSpec, messages: Map<string, { error?: string; warning?: string }>, readonly: boolean): TemplateResult | typeof nothing {
    const c = this.controller as WizardController;
    const ctx = engine.context(c.data, this.profile, this.today);
    const entries = section.fields.map((f) => engine.layout.field(f.field)).filter((e): e is FieldEntry => !!e);
    if (section.repeat) {
      const items = getAt(c.data, section.repeat);
      const list = Array.isArray(items) ? items : [];
      const repeat = section.repeat;
      const max = section.max ?? Infinity;
      const error = messages.get(repeat)?.error;
      const warning = messages.get(repeat)?.warning;
      if (!engine.layout.roleSees({ roles: section.roles }, this.profile)) return nothing;
      return html`<h3>${section.title ?? ''}</h3>
        ${section.help ? html`<p class="notice">${section.help}</p>` : nothing}
        ${list.map(
          (_, i) => html`<fieldset class="item">
            <legend>${section.itemTitle ?? section.title ?? 'Élément'} ${i + 1}</legend>
            <div class="grid">${entries.map((e) => this.renderField(engine, e, e.pattern.replace('/*/', `/${i}/`), { ...ctx, bind: { array: repeat, index: i } }, messages, readonly))}</div>
            ${readonly
              ? nothing
              : html`<button class="link" type="button" @click=${() => this.removeItem(repeat, i)}>Supprimer<span class="visually-hidden"> ${section.itemTitle ?? ''} ${i + 1}</span></button>`}
          </fieldset>`,
        )}
        ${error
          ? html`<p class="notice repeat-error" role="alert">${error}</p>`
          : warning
            ? html`<p class="notice repeat-warning" role="status">${warning}</p>`
            : nothing}
        ${readonly || list.length >= max ? nothing : html`<button class="secondary" type="button" @click=${() => this.addItem(repeat)}>${section.addLabel ?? 'Ajouter'}</button>`}`;
    }
    const visible = entries.filter((e) => engine.layout.isVisible(e, ctx));
    if (!visible.length) return nothing;
    return html`${section.title ? html`<h3>${section.title}</h3>` : nothing}${section.help ? html`<p class="notice">${section.help}</p>` : nothing}
      <div class="grid">${visible.map((e) => this.renderField(engine, e, e.pattern, ctx, messages, readonly))}</div>`;
  }

  private addItem(repeat: string) {
    const c = this.controller as WizardController;
    const items = getAt(c.data, repeat);
    const list = Array.isArray(items) ? items : [];
    c.set(repeat, [...list, {}]);
    this.requestUpdate();
  }

  private removeItem(repeat: string, index: number) {
    const c = this.controller as WizardController;
    const items = getAt(c.data, repeat);
    if (!Array.isArray(items)) return;
    c.set(repeat, items.filter((_, i) => i !== index));
    this.syncForm();
  }

  private renderField(
    engine: DossierEngine,
    entry: FieldEntry,
    pointer: string,
    ctx: ReturnType<DossierEngine['context']>,
    messages: Map<string, { error?: string; warning?: string }>,
    readonlyAll: boolean,
  ): TemplateResult | typeof nothing {
    if (!engine.layout.isVisible(entry, ctx)) return nothing;
    const schema = entry.schema ?? {};
    const value = getAt(ctx.data, pointer);
    const m = messages.get(pointer) ?? {};
    const common = {
      label: schema.title ?? pointer,
      hint: typeof schema.description === 'string' ? schema.description : '',
      example: Array.isArray(schema.examples) && schema.examples.length ? String(schema.examples[0]) : '',
      required: engine.layout.isRequired(entry, ctx),
      readonly: readonlyAll || !!entry.spec.readOnly,
      error: m.error ?? '',
      warning: m.error ? '' : (m.warning ?? ''),
    };
    const invalid = m.error ? '' : undefined;
    const tag = fieldTag(entry, schema);
    switch (tag) {
      case 'akto-documents':
        return html`<akto-documents class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .spec=${engine.definition.documents} .value=${value ?? []}
          .upload=${this.providers.upload} ?readonly=${common.readonly} .error=${common.error}></akto-documents>`;
      case 'akto-field-checkbox':
        return html`<akto-field-checkbox class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-checkbox>`;
      case 'akto-field-textarea':
        return html`<akto-field-textarea class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
          .maxlength=${schema.maxLength}></akto-field-textarea>`;
      case 'akto-field-radio':
        return html`<akto-field-radio name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-radio>`;
      case 'akto-field-date':
        return html`<akto-field-date name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-date>`;
      case 'akto-field-select': {
        const listId = schema['x-codeList'];
        const options = typeof listId === 'string' ? (engine.definition.lists[listId]?.entries ?? []) : (schema.enum ?? []).map((v) => ({ code: String(v), label: String(v) }));
        return html`<akto-field-select name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
          .options=${options} ?show-code=${listId === 'diplomes'}></akto-field-select>`;
      }
      case 'akto-field-autocomplete':
        return html`<akto-field-autocomplete name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
          .search=${this.providers.search?.[entry.spec.autocomplete ?? '']} create-label=${entry.spec.autocomplete === 'etablissement' || entry.spec.autocomplete === 'organisme' ? 'Nouvel établissement' : nothing}
          @autocomplete-select=${(e: CustomEvent) => this.onAutocompleteSelect(e, entry, pointer)}></akto-field-autocomplete>`;
      default:
        return html`<akto-field-text name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
          ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
          .kind=${textKind(entry, schema)} ?integer=${schema.type === 'integer'} .maxlength=${schema.maxLength}
          .unit=${typeof schema['x-unit'] === 'string' ? schema['x-unit'] : ''}></akto-field-text>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-wizard': AktoDossierWizard;
  }
}
