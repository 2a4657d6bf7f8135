import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listDispositifs, onDispositifsChange, type DispositifSummary, type DossierRecord, type DossierService, type Party, type Role, type Viewer } from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { newRequestStyles } from './new-request.styles.js';
import {
  availableDispositifs,
  cardLabel,
  chosenAccount,
  chosenEtablissement,
  chosenPublic,
  cleanAccounts,
  formatSiren,
  MANDAT_CHOICES,
  matchesAccount,
  matchesEtablissement,
  openSousDispositifs,
  PUBLICS,
  referenceRecord,
  stepsFor,
  type Account,
  type Choices,
  type StepId,
} from './new-request-model.js';
import { MAX_LISTED, MISSING, radioGroup, searchField, STEP_QUESTIONS, type PartsContext, type RadioItem } from './new-request-parts.js';

export { MAX_LISTED, STEP_QUESTIONS } from './new-request-parts.js';
export type { Account, AccountEtablissement, AccountAdresse, PublicType, StepId } from './new-request-model.js';

export interface NewRequestEventDetails {
  /** The draft was created: the host opens the wizard on `record.id`. */
  'request-create': { record: DossierRecord };
  /** « Fermer » (or Escape): the user leaves without creating anything. */
  'request-cancel': Record<string, never>;
}

let uid = 0;

/**
 * The chooser that starts a request (guide 003, « Choix de l'employeur / établissement adhérents »):
 * a panel « Nouvelle demande » asking, one step at a time, the company (several SIREN only), the
 * establishment (several SIRET only), the public (temporary-work companies only), the dispositif (cards
 * filtered by the public and the profile), the sub-dispositif (the open ones, when more than one) and,
 * for a provider, whether it enters under a mandat de gestion (guide 004: then the draft goes to AKTO
 * directly, else to the employer for validation). « Continuer » on the last step creates the draft through the service, the establishment copied into
 * its read-only fields by the dispositif's `references.etablissement`, then emits `request-create`.
 *
 * Each step is a heading (focused when the step shows) and a radio group; « Retour » goes back,
 * « Fermer » or Escape emits `request-cancel`.
 *
 * @summary Nouvelle demande: company, establishment, public, dispositif, sub-dispositif, mandat de gestion (providers), then a draft.
 * @event request-create - The draft was created: `{ record }` (the host opens the wizard on it).
 * @event request-cancel - « Fermer » or Escape: nothing was created.
 * @csspart base - The panel.
 * @csspart header - Title « Nouvelle demande » and the close button.
 * @csspart close - The close button.
 * @csspart step - The current step (question, search, choices).
 * @csspart search - The search field of the company and establishment steps.
 * @csspart choices - The radio group.
 * @csspart choice - One choice (also `card` for dispositifs, `selected` when chosen).
 * @csspart error - The message when « Continuer » is pressed with nothing chosen, or creation failed.
 * @csspart actions - « Retour » and « Continuer ».
 * @cssproperty --akto-color-primary - Main colour. @cssproperty --akto-color-focus - Focus ring.
 * @cssproperty --akto-new-request-max-width - Width of the panel (default 48rem).
 */
@customElement('akto-new-request')
export class AktoNewRequest extends LitElement {
  static override styles = [tokens, utilities, newRequestStyles];

  /** Creates the draft. Nothing can be created without it. */
  @property({ attribute: false }) service?: DossierService;
  /** Who is creating (becomes the draft's creator). */
  @property({ attribute: false }) viewer?: Viewer | Party;
  /** The user's rattachements: companies (SIREN) with their establishments (SIRET). */
  @property({ attribute: false }) accounts: Account[] = [];
  /** Whose cards are shown: a dispositif is offered only if its `roles` include this profile. */
  @property() profile: 'adherent' | 'prestataire' = 'adherent';
  /**
   * The dispositifs offered: the registry's (built-in and host-registered, kept up to date) unless the
   * host sets its own list (e.g. narrowed by branch).
   */
  @property({ attribute: false }) dispositifs: DispositifSummary[] = listDispositifs();
  private fromRegistry = this.dispositifs;
  private offRegistry?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offRegistry = onDispositifsChange(() => {
      if (this.dispositifs === this.fromRegistry) this.dispositifs = this.fromRegistry = listDispositifs();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offRegistry?.();
  }
  /** ARIA level of « Nouvelle demande » (the step questions are one level below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private step: StepId = 'dispositif';
  @state() private choices: Choices = {};
  @state() private queries: Partial<Record<StepId, string>> = {};
  @state() private error = '';
  @state() private busy = false;

  private readonly baseId = `akto-new-request-${++uid}`;
  private cleaned: Account[] = [];
  private focusPending = false;

  /** The rattachements as used (invalid entries left out). */
  get cleanedAccounts(): readonly Account[] {
    return this.cleaned;
  }

  /** The step shown. */
  get currentStep(): StepId {
    return this.step;
  }

  private get viewerRole(): Role {
    return this.profile === 'prestataire' ? 'prestataire' : 'adherent';
  }

  /** The dispositifs property, made safe (entries without an id, publics or roles are left out). */
  private get catalog(): DispositifSummary[] {
    const list: unknown = this.dispositifs;
    return Array.isArray(list) ? list.filter((d): d is DispositifSummary => !!d && typeof d === 'object' && typeof (d as DispositifSummary).id === 'string') : [];
  }

  private get steps(): StepId[] {
    return stepsFor(this.cleaned, this.catalog, this.choices, this.viewerRole);
  }

  private get account(): Account | undefined {
    return chosenAccount(this.cleaned, this.choices);
  }

  private get offered(): DispositifSummary[] {
    const publicType = chosenPublic(this.account, this.choices);
    return publicType ? availableDispositifs(this.catalog, publicType, this.viewerRole) : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('accounts') || changed.has('dispositifs') || changed.has('profile')) this.restart();
  }

  /** Back to the first step, nothing chosen. */
  restart(): void {
    this.cleaned = cleanAccounts(this.accounts);
    this.choices = {};
    this.queries = {};
    this.error = '';
    this.step = this.steps[0] ?? 'dispositif';
    this.focusPending = this.hasUpdated;
  }

  protected override firstUpdated(): void {
    this.focusHeading();
  }

  protected override updated(): void {
    if (this.focusPending) {
      this.focusPending = false;
      this.focusHeading();
    }
  }

  /** Moves the focus to the current step's question. */
  override focus(): void {
    this.focusHeading();
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>(`#${this.baseId}-question`)?.focus();
  }

  // ————— rendering —————

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<section part="base" aria-labelledby="${this.baseId}-title" @keydown=${this.onKeydown}>
      <div part="header">
        <div role="heading" aria-level=${level} id="${this.baseId}-title" class="title">Nouvelle demande</div>
        <button type="button" part="close" class="close" data-action="close" title="Fermer" @click=${this.cancel}>
          <span aria-hidden="true">×</span><span class="visually-hidden">Fermer</span>
        </button>
      </div>
      ${this.cleaned.length ? this.renderStep(Math.min(6, level + 1)) : this.renderNoAccount(Math.min(6, level + 1))}
    </section>`;
  }

  private renderNoAccount(level: number): TemplateResult {
    return html`<div part="step">
      <div role="heading" aria-level=${level} id="${this.baseId}-question" tabindex="-1" class="question">${STEP_QUESTIONS.entreprise}</div>
      <p class="empty">Aucune entreprise ni aucun établissement n'est rattaché à votre compte : la demande ne peut pas être créée.</p>
    </div>`;
  }

  private renderStep(level: number): TemplateResult {
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    const last = index === steps.length - 1;
    return html`<form part="step" novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div role="heading" aria-level=${level} id="${this.baseId}-question" tabindex="-1" class="question">${STEP_QUESTIONS[this.step]}</div>
        ${this.renderChoices()}
        <div part="error" id="${this.baseId}-error" role="alert">${this.error ? html`<span class="icon" aria-hidden="true">▲</span><span>${this.error}</span>` : nothing}</div>
        <div class="visually-hidden" role="status">${this.busy ? 'Création de la demande en cours…' : ''}</div>
        <div part="actions">
          ${index > 0
            ? html`<button type="button" class="secondary" data-action="back" ?disabled=${this.busy} @click=${this.back}>Retour</button>`
            : nothing}
          <button type="submit" class="primary" data-action="continue" ?disabled=${this.busy} data-last=${last ? 'true' : 'false'}>Continuer</button>
        </div>
      </form>`;
  }

  private renderChoices(): TemplateResult {
    switch (this.step) {
      case 'entreprise':
        return this.renderEntreprises();
      case 'etablissement':
        return this.renderEtablissements();
      case 'public':
        return this.radios(
          'public',
          PUBLICS.map((p) => ({ value: p.code, title: p.label })),
          this.choices.publicType,
          (v) => this.choose({ publicType: v === 'interimaire' ? 'interimaire' : 'permanent' }),
        );
      case 'dispositif':
        return this.renderDispositifs();
      case 'sousDispositif':
        return this.renderSousDispositifs();
      case 'mandat':
        return this.radios(
          'mandat',
          MANDAT_CHOICES.map((c) => ({ value: String(c.value), title: c.label, detail: c.detail })),
          this.choices.mandatGestion === undefined ? undefined : String(this.choices.mandatGestion),
          (v) => this.choose({ mandatGestion: v === 'true' }),
        );
    }
  }

  private renderSearch(step: StepId, label: string, total: number, shown: number): TemplateResult {
    return searchField(
      this.parts,
      label,
      this.queries[step] ?? '',
      total,
      shown,
      (value) => (this.queries = { ...this.queries, [step]: value }),
      this.onSearchKeydown,
    );
  }

  private get parts(): PartsContext {
    return { baseId: this.baseId, error: this.error, busy: this.busy };
  }

  private radios(name: string, items: readonly RadioItem[], selected: string | undefined, onChoose: (value: string) => void, cards = false): TemplateResult {
    return radioGroup(this.parts, name, items, selected, onChoose, cards);
  }

  /** The matches of a search, the chosen item kept whatever the search, at most MAX_LISTED. */
  private listed<T>(all: readonly T[], query: string, match: (item: T, q: string) => boolean, chosen: (item: T) => boolean): { items: T[]; total: number } {
    const found = all.filter((item) => match(item, query));
    const items = found.slice(0, MAX_LISTED);
    const selected = all.find(chosen);
    if (selected && !items.includes(selected)) items.unshift(selected);
    return { items, total: found.length };
  }

  private renderEntreprises(): TemplateResult {
    const { items, total } = this.listed(this.cleaned, this.queries.entreprise ?? '', matchesAccount, (a) => a.siren === this.choices.siren);
    return html`${this.renderSearch('entreprise', 'Entreprise ou établissement rattaché', total, Math.min(total, MAX_LISTED))}
    ${this.radios(
      'entreprise',
      items.map((a) => ({
        value: a.siren,
        title: a.raisonSociale,
        detail: `SIREN ${formatSiren(a.siren)} · ${a.etablissements.length} établissement${a.etablissements.length > 1 ? 's' : ''}`,
      })),
      this.choices.siren,
      (siren) => this.choose({ siren }),
    )}`;
  }

  private renderEtablissements(): TemplateResult {
    const all = this.account?.etablissements ?? [];
    const { items, total } = this.listed(all, this.queries.etablissement ?? '', matchesEtablissement, (e) => e.siret === this.choices.siret);
    return html`${this.renderSearch('etablissement', 'Etablissement effectuant demande', total, Math.min(total, MAX_LISTED))}
    ${this.radios(
      'etablissement',
      items.map((e) => ({
        value: e.siret,
        title: e.raisonSociale,
        detail: [`SIRET ${formatSiren(e.siret)}`, e.ville ?? e.adresse?.commune].filter(Boolean).join(' · '),
      })),
      this.choices.siret,
      (siret) => this.choose({ siret }),
    )}`;
  }

  private renderDispositifs(): TemplateResult {
    const offered = this.offered;
    if (!offered.length) return html`<p class="empty">Aucun dispositif n'est ouvert pour ce type de public et ce profil.</p>`;
    return this.radios(
      'dispositif',
      offered.map((d) => ({ value: d.id, title: cardLabel(d) })),
      this.choices.dispositif,
      (dispositif) => this.choose({ dispositif }),
      true,
    );
  }

  private renderSousDispositifs(): TemplateResult {
    const summary = this.catalog.find((d) => d.id === this.choices.dispositif);
    const open = openSousDispositifs(summary);
    if (!open.length) return html`<p class="empty">Aucun sous-dispositif n'est ouvert pour ce dispositif.</p>`;
    return this.radios(
      'sousDispositif',
      open.map((s) => ({ value: s.code, title: s.label })),
      this.choices.sousDispositif,
      (sousDispositif) => this.choose({ sousDispositif }),
    );
  }

  // ————— interactions —————

  /** Records a choice; later choices that no longer fit are forgotten. */
  private choose(change: Partial<Choices>): void {
    const next: Choices = { ...this.choices, ...change };
    if ('siren' in change && change.siren !== this.choices.siren) {
      delete next.siret;
      delete next.publicType;
      this.queries = { ...this.queries, etablissement: '' };
    }
    const account = chosenAccount(this.cleaned, next);
    const publicType = chosenPublic(account, next);
    if (next.dispositif && (!publicType || !availableDispositifs(this.catalog, publicType, this.viewerRole).some((d) => d.id === next.dispositif))) delete next.dispositif;
    if ('dispositif' in change && change.dispositif !== this.choices.dispositif) delete next.sousDispositif;
    this.choices = next;
    this.error = '';
  }

  /** Is the current step answered? */
  private answered(step: StepId): boolean {
    const account = this.account;
    switch (step) {
      case 'entreprise':
        return !!account;
      case 'etablissement':
        return !!chosenEtablissement(account, this.choices);
      case 'public':
        return !!chosenPublic(account, this.choices);
      case 'dispositif':
        return this.offered.some((d) => d.id === this.choices.dispositif);
      case 'sousDispositif':
        return openSousDispositifs(this.catalog.find((d) => d.id === this.choices.dispositif)).some((s) => s.code === this.choices.sousDispositif);
      case 'mandat':
        return typeof this.choices.mandatGestion === 'boolean';
    }
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.continue();
  };

  /** « Continuer »: the next step, or the draft on the last one. */
  async continue(): Promise<void> {
    if (this.busy) return;
    if (!this.answered(this.step)) {
      this.error = MISSING[this.step];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    const steps = this.steps;
    const next = steps[steps.indexOf(this.step) + 1];
    if (next) {
      this.go(next);
      return;
    }
    await this.create();
  }

  /** « Retour »: the previous step that applies. */
  back(): void {
    if (this.busy) return;
    const steps = this.steps;
    const previous = steps[steps.indexOf(this.step) - 1];
    if (previous) this.go(previous);
  }

  private go(step: StepId): void {
    this.step = step;
    this.error = '';
    this.focusPending = true;
  }

  private cancel = (): void => {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('request-cancel', { detail: {}, bubbles: true, composed: true }));
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      this.cancel();
    }
  };

  /** Escape in a filled search empties it rather than closing the panel. */
  private onSearchKeydown = (e: KeyboardEvent): void => {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      this.queries = { ...this.queries, [this.step]: '' };
    }
  };

  private async create(): Promise<void> {
    const account = this.account;
    const etablissement = chosenEtablissement(account, this.choices);
    const publicType = chosenPublic(account, this.choices);
    const summary = this.catalog.find((d) => d.id === this.choices.dispositif);
    const open = openSousDispositifs(summary);
    const sousDispositif = open.length === 1 ? open[0]!.code : this.choices.sousDispositif;
    if (!this.service || !this.viewer || !etablissement || !publicType || !summary) {
      this.error = 'La demande ne peut pas être créée : le service de dossiers ou l’utilisateur manque.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const engine = await this.service.engine(summary.id);
      const data = engine.applyReference<Record<string, unknown>>({}, 'etablissement', referenceRecord(etablissement, publicType));
      const creator: Party = { ...this.viewer };
      const adherent: Party = { role: 'adherent', entityId: etablissement.siret, name: etablissement.raisonSociale };
      if (etablissement.email) adherent.email = etablissement.email;
      const { record } = await this.service.create({
        dispositif: summary.id,
        ...(sousDispositif ? { sousDispositif } : {}),
        mandatGestion: this.viewerRole === 'prestataire' && this.choices.mandatGestion === true,
        creator,
        adherent,
        data,
      });
      this.dispatchEvent(new CustomEvent('request-create', { detail: { record }, bubbles: true, composed: true }));
    } catch (err) {
      const reason = err instanceof Error && err.message ? ` ${err.message}` : '';
      this.error = `La demande n'a pas pu être créée.${reason}`;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-new-request': AktoNewRequest;
  }
  interface HTMLElementEventMap {
    'request-create': CustomEvent<NewRequestEventDetails['request-create']>;
    'request-cancel': CustomEvent<NewRequestEventDetails['request-cancel']>;
  }
}
