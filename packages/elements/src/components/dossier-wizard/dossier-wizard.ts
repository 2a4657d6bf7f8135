import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  IndexedDbStore,
  resumeLink,
  StaleRevisionError,
  WizardController,
  WorkflowError,
  type DossierEngine,
  type WorkflowService,
  type DossierRecord,
  type DispositifArtifact,
  type DossierStore,
  type Party,
  type MigrationReport,
  type Role,
  type ValidationIssue,
  type ValidationResult,
  type Viewer,
} from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { wizardStyles } from './dossier-wizard.styles.js';
import { migrationNoticeStyles, renderMigrationNotice } from './migration-notice.js';
import { wizardEvent } from '../../events/wizard-events.js';
import { renderHeader, renderTabs } from './wizard-header.js';
import { renderPanel, type FieldsView } from './wizard-fields.js';
import { entryRoleOf, makeCerfa, openWizard, runChecks, saveDraft } from './wizard-persistence.js';
import { HANDED_OVER, renderActions, renderLeaveDialog, renderStatus, renderWorkflow, SAVED, transmitted, LeavePrompt } from './wizard-actions.js';
import { ErrorSummary, renderErrorSummary } from './error-summary.js';
import { DraftSync, renderSync } from './wizard-sync.js';
import { ResumeMailSlot } from './resume-mail.js';
import { isRole, type Status, type WizardProviders } from './wizard-types.js';

export type { SearchProvider, WizardProviders } from './wizard-types.js';

/**
 * The whole entry of a funding request, for any dispositif of `schemas/`: tabs with badges, fields with
 * their messages, Précédent / Suivant, Enregistrer, Générer le CERFA and Transmettre, driven by the
 * dispositif's machine. Nothing here names a dispositif.
 *
 * @summary Dossier wizard.
 * @event dossier-change - A field changed: `{ pointer, value, data }`.
 * @event dossier-save - The draft was saved: `{ record }` (again when a draft first saved on this device gets the server's number).
 * @event dossier-transmit - The request was transmitted (to AKTO, or to the employer): `{ record }`.
 * @event tab-change - Another tab is shown: `{ tab }`.
 * @event cerfa-request - Générer le CERFA: `{ data, record }`; cancelable to generate it yourself.
 * @event dossier-notification - The workflow asks the host to notify someone (mail, bell).
 * @csspart header - Dispositif reminder. @csspart nav - The tab list. @csspart tab - Each tab (`tab selected`).
 * @csspart panel - The current tab. @csspart summary - The error summary (refused Suivant, Transmettre).
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
  private readonly errorSummary = new ErrorSummary(this, () =>
    this.controller ? { result: this.controller.result('transmission'), asyncIssues: this.asyncIssues, validated: this.validated } : undefined,
  );
  /** Issues of the host's asynchronous checks (NIR/nom, RNCP...), from the last page validation. */
  @state() private asyncIssues: ValidationIssue[] = [];
  /** Workflow buttons of the opened draft (Reprendre, Refuser…) with its state label. */
  @state() private workflow: { label: string; buttons: { type: string; label: string }[] } | null = null;
  /** Tabs whose required fields and rules are shown (left once, or after Transmettre). */
  @state() private validated = new Set<string>();
  @property({ attribute: false }) service?: WorkflowService;
  private active?: WorkflowService;
  /** Where the last save stands when the store may hold it on this device (HttpStore), and the conflict choice. */
  private readonly draftSync = new DraftSync(this, {
    store: () => this.store,
    draft: () => this.record,
    reopen: async () => {
      this.record = undefined;
      await this.load();
    },
    saveAsCopy: async (original) => {
      const author = { profile: this.profile, entityId: this.entityId, adherent: this.adherent ?? original.adherent, viewer: this.viewer };
      const copy = await saveDraft(this.active as WorkflowService, this.controller as WizardController, undefined, author, () => undefined);
      this.record = copy;
      this.draftId = copy.id;
      return copy;
    },
    // A draft first saved on this device gets the server's number (draft-id.ts): draft-id, and the host's URL on dossier-save, follow.
    renamed: (record) => ((this.record = record), (this.draftId = record.id), this.dispatchEvent(wizardEvent('dossier-save', { record }))),
    say: (status) => (this.status = status),
  });
  private readonly resumeMail = new ResumeMailSlot(this, () => this.providers, () => this.record);
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
      if (isRole(value)) {
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
    if (isRole(value)) this.profile = value;
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

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    this.loadError = '';
    if (!this.dispositif && !this.draftId && !this.definitionSrc && !this.definition) return;
    try {
      const opened = await openWizard({
        store: this.store ?? (this.store = new IndexedDbStore()),
        service: this.service,
        external: this.definition ?? this.definitionSrc,
        dispositif: this.dispositif,
        draftId: this.draftId,
        viewer: this.viewer,
        readonly: this.readonly,
        onNotification: (n) => this.dispatchEvent(wizardEvent('dossier-notification', n)),
      });
      const { engine, record } = opened;
      if (ticket !== this.loading) return;
      this.controller?.stop();
      this.unsubscribe?.();
      this.active = opened.service;
      this.draftSync.watch(record?.id);
      this.workflow = opened.workflow;
      this.engine = engine;
      this.record = record;
      this.migration = opened.migration;
      this.validated = new Set();
      this.errorSummary.reset();
      const controller = new WizardController({
        engine,
        data: record?.data ?? {
          sousDispositif: engine.definition.identity.sousDispositifs.find((sd) => !sd.disabled)?.code,
          ...(this.data ?? {}),
          dispositif: engine.id,
        },
        role: entryRoleOf(record, this.viewer, this.profile),
        today: this.today,
        tab: this.tab || record?.lastTab,
        saved: !!record,
        sent: !!record && record.kind === 'dossier',
        readonly: !opened.editable,
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
    const controller = this.controller as WizardController;
    try {
      const author = { profile: this.profile, entityId: this.entityId, adherent: this.adherent, viewer: this.viewer };
      this.record = await saveDraft(this.active as WorkflowService, controller, this.record, author, (created) => {
        this.record = created;
        this.draftId = created.id;
      });
      this.migration = undefined; // saved under the current version: the notice has done its job
      const link = resumeLink(location.href, { id: this.record.id, tab: controller.tab });
      this.status = { kind: 'ok', text: SAVED, link };
      this.resumeMail.reset();
      this.draftSync.watch(this.record.id);
      this.dispatchEvent(wizardEvent('dossier-save', { record: this.record }));
      return this.record;
    } catch (e) {
      if (e instanceof StaleRevisionError) this.draftSync.stale();
      this.status = { kind: 'failure', text: e instanceof StaleRevisionError || e instanceof Error ? e.message : String(e) };
      throw e;
    }
  }

  private async transmitNow(): Promise<DossierRecord> {
    const record = await this.persist();
    try {
      const outcome = await (this.active as WorkflowService).transmit(record.id, this.viewer);
      this.record = outcome.record;
      const handedOver = outcome.record.kind === 'brouillon';
      this.status = {
        kind: 'ok',
        text: handedOver ? HANDED_OVER : transmitted(outcome.record.numero ?? ''),
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
    try {
      // pdf-lib arrives only now, as a separate chunk: the wizard's first load does not carry it.
      const cerfa = await makeCerfa((this.engine as DossierEngine).definition, data, this.cerfaTemplate);
      if (this.cerfaUrl) URL.revokeObjectURL(this.cerfaUrl);
      this.cerfaUrl = cerfa.url;
      // A link rather than window.open(): after an await the browser would treat it as an unwanted pop-up.
      this.status = { kind: 'ok', text: cerfa.text, pdf: cerfa.url };
      return cerfa.result;
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
    return this.controller ? this.leavePrompt.ask(this.controller) : true;
  }
  private readonly leavePrompt = new LeavePrompt(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.leave'));

  // ------------------------------------------------------------------ interaction

  private sendNav(event: { type: 'tab.select'; tab: string } | { type: 'step.next' } | { type: 'step.back' }): boolean {
    const c = this.controller;
    if (!c) return false;
    const from = c.tab;
    const r = c.send(event);
    this.validated = new Set([...this.validated, from]);
    if (!r.ok) {
      this.status = { kind: 'refusal', text: r.refusal ?? '' };
      // Asked to go on with errors in this tab: their summary, as after Transmettre.
      if (event.type === 'step.back' || !this.errorSummary.refused(from)) void this.focusFirstError();
      return false;
    }
    this.status = null;
    if (c.tab !== from) this.errorSummary.navigated();
    void this.runChecks();
    if (c.tab !== from) {
      this.dispatchEvent(wizardEvent('tab-change', { tab: c.tab }));
      void this.updateComplete.then(() => this.focusFirstErrorOr(`#tab-${c.tab}`));
    }
    return true;
  }

  /** Runs the host's asynchronous checks and writes the values they return (e.g. an inactive RNCP flag). */
  private async runChecks(): Promise<ValidationIssue[]> {
    const c = this.controller;
    if (!c || c.context.readonly || c.context.sent) return [];
    const issues = await runChecks(c, this.providers.checks, entryRoleOf(this.record, this.viewer, this.profile), this.today);
    if (c === this.controller) this.asyncIssues = issues;
    return c === this.controller ? issues : [];
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.focusFirstErrorOr();
  }

  private focusFirstErrorOr(selector?: string): void {
    const field = this.renderRoot.querySelector<HTMLElement>('[data-invalid]');
    (field ?? (selector ? this.renderRoot.querySelector<HTMLElement>(selector) : null))?.focus();
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
    this.errorSummary.edited(pointer);
    this.syncForm();
    this.dispatchEvent(wizardEvent('dossier-change', { pointer, value: target.value, data: c.data }));
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
    this.status = { kind: 'failure', text: 'Saisie Invalide' };
    this.errorSummary.showAll(result);
  }

  private async goToIssue(issue: ValidationIssue) {
    if (issue.tab && issue.tab !== this.controller?.tab) this.goTo(issue.tab);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(issue.path)}"]`)?.focus();
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    // draft-id set by our own first save needs no reload.
    const draftChanged = changed.has('draftId') && this.draftId !== (this.record?.id ?? '');
    if (draftChanged || changed.has('dispositif') || changed.has('definitionSrc') || changed.has('definition') || changed.has('profile') || changed.has('store') || changed.has('entityId')) void this.load();
  }

  override render(): TemplateResult {
    if (this.loadError) return html`<p class="failure-load" role="alert">${this.loadError}</p>`;
    const c = this.controller;
    const engine = this.engine;
    if (!c || !engine) return html`<p class="loading" role="status">Chargement…</p>`;
    const tabs = c.visibleTabs();
    const current = tabs.find((t) => t.id === c.tab) ?? tabs[0];
    const issues = this.errorSummary.issues();
    const view: FieldsView = {
      engine,
      controller: c,
      profile: entryRoleOf(this.record, this.viewer, this.profile),
      today: this.today,
      providers: this.providers,
      messages: issues.messages,
      readonly: c.context.readonly || c.context.sent,
      edited: () => (this.syncForm(), this.requestUpdate()),
    };
    return html`
      ${renderHeader(engine, c, this.profile, this.record)}
      ${renderTabs({ controller: c, tabs, current, validated: this.validated, select: (tab) => this.goTo(tab) })}
      ${renderWorkflow(this.workflow, (type) => void this.act(type))}
      ${this.draftSync.render()}
      ${renderMigrationNotice(this.migration)} ${renderStatus(this.status, this.resumeMail.render(this.status?.link))} ${renderSync(this.draftSync.state)} ${renderErrorSummary({ engine, errors: issues.errors, warnings: issues.warnings, select: (i) => void this.goToIssue(i) })}
      ${current ? renderPanel(view, tabs, current, { onField: (e) => this.onFieldEvent(e), nav: (type) => this.sendNav({ type }) }) : nothing}
      ${renderActions({
        toEmployer: this.profile === 'prestataire' && !this.record?.mandatGestion,
        cerfa: () => this.runButton({ type: 'cerfa.generate' }),
        save: () => void this.save(),
        transmit: () => void this.transmit(),
      })}
      ${renderLeaveDialog((answer) => void this.leavePrompt.answer(c, answer))}
    `;
  }

  /** A lifecycle button (Reprendre, Refuser…): the service acts, then the draft is reopened. */
  private async act(type: string) {
    const id = this.record?.id;
    if (!id || !this.active) return;
    try {
      await this.active.act(id, type, this.viewer);
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
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-wizard': AktoDossierWizard;
  }
}
