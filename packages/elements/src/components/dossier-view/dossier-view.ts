import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { traineeLabel, type DocumentType, type DossierEngine, type DossierRecord, type DossierService, type OpenedRecord, type Viewer } from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { dossierViewStyles } from './dossier-view.styles.js';
import { renderAssociatedDocuments, renderViewTabs, viewTabsStyles, type ViewTab } from './associated-documents.js';
import { SNIFF_BYTES, acceptAttribute, clampName, detectFormat, extensionOf, formatNumber, moToBytes } from '../documents/document-format.js';
import {
  documentRows,
  financingOf,
  formatDay,
  formatHours,
  formatMoney,
  formationOf,
  initials,
  periodText,
  type CostGroup,
  type FormationItem,
  type ViewedRecord,
} from './dossier-view-model.js';

export type { FinancialFollowUp, ViewedRecord } from './dossier-view-model.js';

export interface DossierViewEventDetails {
  /** « Retour à la liste ». */
  'view-close': Record<string, never>;
  /** A document was deposited on the dossier: `{ record }` as stored. */
  'document-add': { record: DossierRecord };
}

/** The host's storage for a deposited file: returns its reference. A rejection refuses the file. */
export type ViewUpload = (file: File, type: string) => Promise<string>;

/** Lists show this many items until « Déployer la liste » (guide 001). */
export const FOLDED_ITEMS = 2;

const DEFAULT_LIMITS = { maxSizeMo: 20, formats: ['pdf', 'jpg', 'png', 'xls', 'xlsx', 'doc', 'docx'], maxFiles: 5 };

const BADGES: Readonly<Record<string, string>> = { accorde: 'ok', cloture: 'ok', refuse: 'ko', enAttentePieces: 'warn', enCoursTransmission: 'warn' };

const COST_COLUMNS = ['Nature', 'Demandé', 'Accordé (HT)', 'Payé (HT)', 'Solde (HT)'] as const;
const DOCUMENT_COLUMNS = ['Conformité', 'Nature du document', 'Fichier', 'Déposé le'] as const;

let uid = 0;

/**
 * The read-only view of a sent dossier (guide 001, « Consultation d'un dossier »): the card
 * « <Dispositif> N° <numéro> » with its sub-dispositif, creation and transmission dates, origin (« Origine du
 * dossier », `origine`, « Mon espace » when absent) and state; then the tabs « Détails »: the formation or the
 * modules; the trainees (two shown, then « Déployer la liste »); the financing (Demandé, Accordé, Réglé,
 * Solde, and « Voir le détail » by nature and module); the documents with their conformity, and
 * « Déposer un document » for the types the dispositif accepts after transmission; and « Documents associés »:
 * the letters of AKTO (accord, refus, relance) the back office writes on the record (`documentsAssocies`).
 *
 * Accordé and Réglé come from the record's optional `suiviFinancier` (see {@link FinancialFollowUp}),
 * 0 when absent; a file's conformity from its `conformite` (« En attente » when absent).
 *
 * @summary Consultation d'un dossier: card, modules, trainees, financing, documents, deposit.
 * @event view-close - « Retour à la liste ».
 * @event document-add - A document was deposited: `{ record }`.
 * @csspart base - The wrapper. @csspart back - « Retour à la liste ». @csspart tabs - « Détails », « Documents associés ».
 * @csspart card - The dossier card. @csspart badge - The state.
 * @csspart section - Each section (also `formation`, `stagiaires`, `financements`, `documents`).
 * @csspart toggle - Each « Déployer la liste » / « Voir le détail » button.
 * @csspart amounts - Demandé, Accordé, Réglé, Solde. @csspart detail - The financing detail.
 * @csspart deposit - The « Déposer un document » form. @csspart status - Loading and confirmation messages.
 * @cssproperty --akto-color-primary - Main colour. @cssproperty --akto-color-success - « CONFORME », Accordé.
 */
@customElement('akto-dossier-view')
export class AktoDossierView extends LitElement {
  static override styles = [tokens, utilities, dossierViewStyles, viewTabsStyles];

  /** Opens the dossier and deposits documents. */
  @property({ attribute: false }) service?: DossierService;
  /** Who is looking (the dossier as this role may see it). */
  @property({ attribute: false }) viewer?: Viewer;
  /** Draft or dossier id (the draft number kept by the store). */
  @property({ attribute: 'dossier-id', reflect: true }) dossierId = '';
  /** Stores a deposited file and returns its reference; without it only the file's description is kept. */
  @property({ attribute: false }) upload?: ViewUpload;
  /** ARIA level of the card's title (sections are one level below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private opened?: OpenedRecord;
  @state() private engine?: DossierEngine;
  @state() private loadError = '';
  @state() private loading = false;
  @state() private expanded = new Set<string>();
  @state() private depositOpen = false;
  @state() private depositBusy = false;
  @state() private depositMessages: string[] = [];
  @state() private status = '';
  @state() private page: ViewTab = 'details';

  private readonly baseId = `akto-dossier-view-${++uid}`;
  private ticket = 0;

  /** The record shown (as the viewer may see it). */
  get record(): ViewedRecord | undefined {
    return this.opened?.record as ViewedRecord | undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dossierId') || changed.has('service') || changed.has('viewer')) {
      this.expanded = new Set();
      this.page = 'details';
      this.depositOpen = false;
      this.depositMessages = [];
      this.status = '';
      void this.refresh();
    }
  }

  /** Reads the dossier again (after a deposit, or when the host knows it changed). */
  async refresh(): Promise<void> {
    const ticket = ++this.ticket;
    if (!this.service || !this.viewer || !this.dossierId) {
      this.opened = undefined;
      this.loading = false;
      return;
    }
    this.loading = !this.opened || this.opened.record.id !== this.dossierId;
    this.loadError = '';
    try {
      const opened = await this.service.open(this.dossierId, this.viewer);
      const engine = await this.service.engine(opened.record.dispositif);
      if (ticket !== this.ticket) return;
      this.opened = opened;
      this.engine = engine;
    } catch (err) {
      if (ticket !== this.ticket) return;
      this.opened = undefined;
      this.loadError = err instanceof Error && err.message ? err.message : `Le dossier n° ${this.dossierId} n'a pas pu être ouvert.`;
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  // ————— rendering —————

  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override render(): TemplateResult {
    return html`<div part="base">
      <button type="button" part="back" class="back" data-action="close" @click=${this.close}><span aria-hidden="true">‹</span> Retour à la liste</button>
      ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.loadError) return html`<p class="failure" role="alert">${this.loadError}</p>`;
    const record = this.record;
    const engine = this.engine;
    if (this.loading || !record || !engine) return html`<p part="status" role="status">${this.loading ? 'Chargement du dossier…' : ''}</p>`;
    return html`${this.renderCard(record, engine)} ${renderViewTabs(this.baseId, this.page, (page) => (this.page = page))}
      <div class="sections" role="tabpanel" id="${this.baseId}-panel" aria-labelledby="${this.baseId}-tab-${this.page}">
        ${this.page === 'documents-associes'
          ? renderAssociatedDocuments(this.baseId, this.level + 1, record.documentsAssocies)
          : html`${this.renderFormation(record, engine)} ${this.renderStagiaires(record)} ${this.renderFinancing(record, engine)} ${this.renderDocuments(record, engine)}`}
      </div>`;
  }

  private renderCard(record: ViewedRecord, engine: DossierEngine): TemplateResult {
    const identity = engine.definition.identity;
    const sd = identity.sousDispositifs.find((s) => s.code === record.sousDispositif)?.label ?? record.sousDispositif;
    const created = formatDay(record.createdAt);
    const sent = formatDay(record.transmittedAt);
    const badge = BADGES[record.state] ?? 'info';
    return html`<div part="card" class="card">
      <div role="heading" aria-level=${this.level} class="card-title" id="${this.baseId}-title">${identity.label} N° ${record.numero ?? record.id}</div>
      ${sd ? html`<p class="card-sub">${sd}</p>` : nothing} ${created ? html`<p class="card-date">Créé le ${created}</p>` : nothing}
      ${sent ? html`<p class="card-date">Transmis le ${sent}</p>` : nothing}
      <p class="card-date">Origine du dossier : ${record.origine || 'Mon espace'}</p>
      <p part="badge" class="badge ${badge}"><span class="visually-hidden">État : </span>${this.opened?.label ?? record.state}</p>
    </div>`;
  }

  private sectionHeading(id: string, title: string): TemplateResult {
    return html`<div role="heading" aria-level=${this.level + 1} class="section-title" id="${this.baseId}-${id}">${title}</div>`;
  }

  /** The first items, then the others once « Déployer la liste » is pressed. */
  private folded<T>(key: string, items: T[], label: string, render: (item: T) => TemplateResult): TemplateResult {
    const open = this.expanded.has(key);
    const shown = open ? items : items.slice(0, FOLDED_ITEMS);
    const listId = `${this.baseId}-${key}-list`;
    return html`<ul class="items" id=${listId} aria-labelledby="${this.baseId}-${key}">
        ${shown.map((item) => html`<li>${render(item)}</li>`)}
      </ul>
      ${items.length > FOLDED_ITEMS
        ? html`<button type="button" part="toggle" class="link" data-toggle=${key} aria-expanded=${open ? 'true' : 'false'} aria-controls=${listId} @click=${() => this.toggle(key)}>
            ${open ? 'Replier la liste' : 'Déployer la liste'}<span class="visually-hidden"> : ${label}</span>
          </button>`
        : nothing}`;
  }

  private toggle(key: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(key)) next.add(key);
    this.expanded = next;
  }

  private renderFormation(record: ViewedRecord, engine: DossierEngine): TemplateResult {
    const formation = formationOf(engine.definition, record.data);
    const modules = formation.kind === 'modules';
    const title = modules ? `Modules (${formation.items.length})` : 'Formation';
    const item = (m: FormationItem) => html`<div class="formation">
      ${m.intitule ? html`<span class="formation-title">${m.intitule}</span>` : nothing}
      ${m.organisme ? html`<span>${m.organisme}</span>` : nothing} ${m.heures !== undefined ? html`<span>${formatHours(m.heures)}</span>` : nothing}
      ${periodText(m.debut, m.fin) ? html`<span>${periodText(m.debut, m.fin)}</span>` : nothing}
    </div>`;
    return html`<section part="section formation" aria-labelledby="${this.baseId}-formation">
      ${this.sectionHeading('formation', title)}
      ${formation.items.length ? this.folded('formation', formation.items, modules ? 'Modules' : 'Formation', item) : html`<p class="empty">Aucune formation renseignée.</p>`}
    </section>`;
  }

  private renderStagiaires(record: ViewedRecord): TemplateResult {
    const trainees = Array.isArray(record.summary?.stagiaires) ? record.summary.stagiaires : [];
    const entreprise = record.summary?.entreprise;
    return html`<section part="section stagiaires" aria-labelledby="${this.baseId}-stagiaires">
      ${this.sectionHeading('stagiaires', `Stagiaires (${trainees.length})`)} ${entreprise && trainees.length ? html`<p class="entreprise">${entreprise} :</p>` : nothing}
      ${trainees.length
        ? this.folded('stagiaires', trainees, 'Stagiaires', (t) => html`<span class="trainee"><span class="avatar" aria-hidden="true">${initials(t)}</span><span class="trainee-name">${traineeLabel(t)}</span></span>`)
        : html`<p class="empty">Aucun stagiaire renseigné.</p>`}
    </section>`;
  }

  private renderFinancing(record: ViewedRecord, engine: DossierEngine): TemplateResult {
    const financing = financingOf(engine.definition, record.data, record.suiviFinancier);
    const open = this.expanded.has('financement');
    const detailId = `${this.baseId}-financement-detail`;
    return html`<section part="section financements" aria-labelledby="${this.baseId}-financements">
      <div class="section-head">
        ${this.sectionHeading('financements', `Financements (${financing.count})`)}
        ${financing.groups.length
          ? html`<button type="button" part="toggle" class="link" data-toggle="financement" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailId} @click=${() => this.toggle('financement')}>
              ${open ? 'Masquer le détail' : 'Voir le détail'}<span class="visually-hidden"> du financement</span>
            </button>`
          : nothing}
      </div>
      ${record.subrogation ? html`<p class="subrogation">avec subrogation</p>` : nothing}
      <dl part="amounts" class="amounts">
        <div><dt>Demandé <span aria-hidden="true">*</span></dt><dd>${formatMoney(financing.demande)}</dd></div>
        <div><dt>Accordé</dt><dd>${formatMoney(financing.accorde)}</dd></div>
        <div><dt>Réglé</dt><dd>${formatMoney(financing.regle)}</dd></div>
        <div><dt>Solde</dt><dd>${formatMoney(financing.solde)}</dd></div>
      </dl>
      <p class="note">* N'inclus que les coûts demandés exprimés en monétaire.</p>
      ${financing.groups.length ? html`<div part="detail" id=${detailId} ?hidden=${!open}>${open ? financing.groups.map((g, i) => this.renderCostGroup(g, i)) : nothing}</div>` : nothing}
    </section>`;
  }

  private renderCostGroup(group: CostGroup, index: number): TemplateResult {
    const caption = group.title ?? 'Détail des coûts';
    return html`<div class="cost-group">
      ${group.title ? html`<div role="heading" aria-level=${this.level + 2} class="group-title">${group.title}</div>` : nothing}
      ${group.subtitle ? html`<p class="group-sub">${group.subtitle}</p>` : nothing}
      <div class="scroll" role="region" tabindex="0" aria-label="${caption} (${index + 1})">
        <table class="cards" role="table">
          <caption class="visually-hidden">${caption}</caption>
          <thead role="rowgroup">
            <tr role="row">${COST_COLUMNS.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}</tr>
          </thead>
          <tbody role="rowgroup">
            ${group.lines.map(
              (l) => html`<tr role="row">
                <th scope="row" role="rowheader" data-label=${COST_COLUMNS[0]}>${l.label}</th>
                <td role="cell" data-label=${COST_COLUMNS[1]}>${formatMoney(l.demande)} (HT)</td>
                <td role="cell" data-label=${COST_COLUMNS[2]}>${formatMoney(l.accorde)}</td>
                <td role="cell" data-label=${COST_COLUMNS[3]}>${formatMoney(l.regle)}</td>
                <td role="cell" data-label=${COST_COLUMNS[4]}>${formatMoney(l.solde)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private afterTypes(engine: DossierEngine): DocumentType[] {
    const later = engine.definition.documents?.afterTransmission;
    return (Array.isArray(later) ? later : []).filter((t) => typeof t?.code === 'string');
  }

  private renderDocuments(record: ViewedRecord, engine: DossierEngine): TemplateResult {
    const rows = documentRows(engine.definition, record.data);
    const types = this.afterTypes(engine);
    const canDeposit = types.length > 0 && !!this.opened?.allowed.includes('document.deposer');
    const formId = `${this.baseId}-deposit`;
    return html`<section part="section documents" aria-labelledby="${this.baseId}-documents">
      ${this.sectionHeading('documents', `Pièces justificatives (${rows.length})`)}
      ${rows.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Tableau des pièces justificatives">
            <table class="cards" role="table">
              <thead role="rowgroup">
                <tr role="row">${DOCUMENT_COLUMNS.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}</tr>
              </thead>
              <tbody role="rowgroup">
                ${rows.map(
                  (r) => html`<tr role="row">
                    <td role="cell" data-label=${DOCUMENT_COLUMNS[0]}><span class="conformity ${r.conforme ? 'ok' : ''}">${r.conformite}</span></td>
                    <td role="cell" data-label=${DOCUMENT_COLUMNS[1]}>${r.nature}</td>
                    <td role="cell" data-label=${DOCUMENT_COLUMNS[2]} class="file-name">${r.nom}</td>
                    <td role="cell" data-label=${DOCUMENT_COLUMNS[3]}>${formatDay(r.depotLe)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="empty">Aucune pièce justificative.</p>`}
      ${canDeposit
        ? html`<div class="deposit-bar">
              <button type="button" class="secondary" data-action="deposit" aria-expanded=${this.depositOpen ? 'true' : 'false'} aria-controls=${formId} @click=${this.toggleDeposit}>
                Déposer un document
              </button>
            </div>
            ${this.depositOpen ? this.renderDeposit(formId, types, engine) : nothing}`
        : nothing}
      <p part="status" class="status" role="status">${this.status}</p>
    </section>`;
  }

  private renderDeposit(formId: string, types: DocumentType[], engine: DossierEngine): TemplateResult {
    const limits = this.limits(engine);
    const invalid = this.depositMessages.length > 0;
    const messagesId = `${formId}-messages`;
    return html`<form part="deposit" id=${formId} class="deposit" novalidate aria-labelledby="${formId}-title" @submit=${this.onDeposit}>
      <div role="heading" aria-level=${this.level + 2} id="${formId}-title" class="group-title">Déposer un document</div>
      <div class="control">
        <label for="${formId}-type">Type de document</label>
        <select id="${formId}-type" name="type" ?disabled=${this.depositBusy} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? messagesId : nothing}>
          <option value="">Choisir le type de document</option>
          ${types.map((t) => html`<option value=${t.code}>${t.label}</option>`)}
        </select>
      </div>
      <div class="control">
        <label for="${formId}-file">Fichier</label>
        <input
          id="${formId}-file"
          name="file"
          type="file"
          accept=${acceptAttribute(limits.formats)}
          ?disabled=${this.depositBusy}
          aria-describedby="${formId}-limits${invalid ? ` ${messagesId}` : ''}"
        />
        <p class="limits" id="${formId}-limits">Poids : ${formatNumber(limits.maxSizeMo)}Mo maximum. Formats acceptés : ${limits.formats.join(', ')}.</p>
      </div>
      <div class="messages" id=${messagesId} role="alert">
        ${this.depositMessages.map((m) => html`<p><span class="icon" aria-hidden="true">▲</span><span><span class="visually-hidden">Erreur : </span>${m}</span></p>`)}
      </div>
      <div class="form-actions">
        <button type="button" class="secondary" data-action="deposit-cancel" ?disabled=${this.depositBusy} @click=${this.toggleDeposit}>Annuler</button>
        <button type="submit" class="primary" data-action="deposit-submit" ?disabled=${this.depositBusy}>${this.depositBusy ? 'Dépôt en cours…' : 'Déposer'}</button>
      </div>
    </form>`;
  }

  private limits(engine: DossierEngine): { maxSizeMo: number; formats: string[]; maxFiles: number } {
    const l = engine.definition.documents?.limits;
    return l && Array.isArray(l.formats) && typeof l.maxSizeMo === 'number' && typeof l.maxFiles === 'number' ? l : DEFAULT_LIMITS;
  }

  // ————— interactions —————

  private close = (): void => {
    this.dispatchEvent(new CustomEvent('view-close', { detail: {}, bubbles: true, composed: true }));
  };

  private toggleDeposit = async (): Promise<void> => {
    if (this.depositBusy) return;
    this.depositOpen = !this.depositOpen;
    this.depositMessages = [];
    if (this.depositOpen) this.status = '';
    await this.updateComplete;
    const target = this.depositOpen ? `#${this.baseId}-deposit-type` : '[data-action="deposit"]';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  };

  private onDeposit = (e: Event): void => {
    e.preventDefault();
    void this.deposit();
  };

  /** Checks the chosen type and file, stores the file (host `upload`), then records it on the dossier. */
  private async deposit(): Promise<void> {
    const record = this.record;
    const engine = this.engine;
    if (!record || !engine || !this.service || !this.viewer || this.depositBusy) return;
    const form = this.renderRoot.querySelector<HTMLFormElement>(`#${this.baseId}-deposit`);
    const type = form?.querySelector<HTMLSelectElement>('select')?.value ?? '';
    const input = form?.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    const chosen = this.afterTypes(engine).find((t) => t.code === type);
    const refuse = async (message: string) => {
      this.depositMessages = [message];
      await this.updateComplete;
    };
    if (!chosen) return refuse('Choisissez un type de document proposé.');
    if (!file) return refuse('Choisissez un fichier à déposer.');
    const { maxSizeMo, formats, maxFiles } = this.limits(engine);
    const allowed = new Set(formats.map((f) => String(f).toLowerCase()));
    const name = file.name;
    if (file.size === 0) return refuse(`Le fichier « ${name} » est vide.`);
    if (file.size > moToBytes(maxSizeMo)) return refuse(`Le fichier « ${name} » n'a pas été ajouté. Poids : ${formatNumber(maxSizeMo)}Mo maximum.`);
    if (!allowed.has(extensionOf(name))) return refuse(`Le format du fichier « ${name} » n'est pas accepté. Formats acceptés : ${formats.join(', ')}.`);
    this.depositBusy = true;
    this.depositMessages = [];
    try {
      let format: string | null;
      try {
        format = detectFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), name);
      } catch {
        return await refuse(`Le fichier « ${name} » n'a pas pu être lu.`);
      }
      if (!format || !allowed.has(format)) return await refuse(`Le contenu du fichier « ${name} » ne correspond pas à un format accepté.`);
      const count = documentRows(engine.definition, record.data).filter((r) => r.type === chosen.code).length;
      if (count >= maxFiles) return await refuse(`Le fichier « ${name} » n'a pas été ajouté : ${maxFiles} ${maxFiles > 1 ? 'fichiers' : 'fichier'} maximum pour « ${chosen.label} ».`);
      let ref: string | undefined;
      if (this.upload) {
        try {
          const answer: unknown = await this.upload(file, chosen.code);
          if (typeof answer !== 'string' || !answer) throw new Error('no reference');
          ref = answer;
        } catch {
          return await refuse(`L'envoi du fichier « ${name} » a échoué. Réessayez.`);
        }
      }
      let saved: DossierRecord;
      try {
        const outcome = await this.service.addDocument(record.id, this.viewer, { type: chosen.code, nom: clampName(name), taille: file.size, format, ...(ref ? { ref } : {}) });
        saved = outcome.record;
      } catch (err) {
        return await refuse(err instanceof Error && err.message ? err.message : `Le document « ${name} » n'a pas pu être déposé.`);
      }
      this.depositOpen = false;
      this.status = `Le document « ${name} » (${chosen.label}) a bien été déposé.`;
      await this.refresh();
      this.dispatchEvent(new CustomEvent('document-add', { detail: { record: saved }, bubbles: true, composed: true }));
    } finally {
      this.depositBusy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="deposit"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-view': AktoDossierView;
  }
  interface HTMLElementEventMap {
    'view-close': CustomEvent<DossierViewEventDetails['view-close']>;
    'document-add': CustomEvent<DossierViewEventDetails['document-add']>;
  }
}
