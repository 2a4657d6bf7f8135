import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocumentsSpec, DocumentType } from '@akto/engine';
import { tokens } from '../../styles/tokens.styles.js';
import { utilities } from '../../styles/utilities.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { documentsStyles } from './documents.styles.js';
import { SNIFF_BYTES, acceptAttribute, clampName, detectFormat, extensionOf, formatNumber, formatSize, limitsText, moToBytes, todayIso } from './document-format.js';

export { detectFormat, formatSize, limitsText, extensionOf, acceptAttribute } from './document-format.js';

/** One item of the dossier's `/documents/fichiers`. */
export interface DocumentFile {
  /** Document type code (documents.json `types[].code`). */
  type: string;
  /** File name (at most 255 characters). */
  nom: string;
  /** Size in bytes. */
  taille: number;
  /** Format found from the content: pdf, jpg, png, xls, xlsx, doc, docx. */
  format: string;
  /** The host's reference (from `upload`), or an object URL when there is no `upload`. */
  ref?: string;
  /** Date of the deposit (ISO, local day). */
  depotLe?: string;
}

/** The host's storage: keeps the file and returns its reference. A rejection refuses the file. */
export type DocumentUpload = (file: File, type: string) => Promise<string>;

export const DOCUMENTS_HEADING = "Documents à transmettre (Assurez-vous d'avoir signé tous les documents qui peuvent l'être)";

/** The schema's limits, used when a spec has none. */
const DEFAULT_LIMITS: DocumentsSpec['limits'] = { maxSizeMo: 20, formats: ['pdf', 'jpg', 'png', 'xls', 'xlsx', 'doc', 'docx'], maxFiles: 5 };

interface Row {
  type: DocumentType;
  /** Files can be added (the type is one of spec.types). */
  addable: boolean;
}

interface Pending {
  id: number;
  type: string;
  nom: string;
}

let uid = 0;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The Documents tab ("Pièces"): one row per document type of the dispositif's documents.json, the
 * counter of required types ("2/4 types de documents obligatoires à transmettre", green with a check mark
 * once each required type has a file), a file picker and a drop zone per type, and the files already there.
 *
 * Before a file is accepted it is checked: not empty, at most `limits.maxSizeMo` Mo, at most
 * `limits.maxFiles` files per type, and its format judged BY CONTENT (magic bytes, see {@link detectFormat})
 * among `limits.formats`. A refused file is not added and a French message says why under its type.
 * Accepted files go to the host through `upload` (its reference is kept in `ref`); with no `upload`, an
 * object URL of the file is kept instead.
 *
 * Optional removable types ("Autre") show only once added with "Ajouter un autre document" (or when they
 * hold files) and can be taken off with "Retirer de la liste" while they hold none.
 *
 * Value: the `/documents/fichiers` array, `{ type, nom, taille, format, ref?, depotLe? }[]`; never mutated
 * (a new array on each change); items it does not understand are kept as they are.
 *
 * @summary Documents to send: counter, upload per type with content checks, drag and drop.
 * @event change - After each file added or removed (bubbles, composed); `value` holds the new array.
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart counter - The required-types counter (also `complete` once every required type has a file).
 * @csspart message - The message from `error` (with part `error`).
 * @csspart type - One document type's row (also `required`).
 * @csspart dropzone - The drop zone of a type, holding its "Charger des fichiers" button.
 * @csspart files - The list of a type's files.
 * @csspart file - One file: name, size, "Supprimer".
 * @csspart type-messages - The refusals under a type.
 * @cssproperty --akto-color-dropzone-over - Background of a drop zone while a file is dragged over it.
 */
@customElement('akto-documents')
export class AktoDocuments extends LitElement {
  static override styles = [tokens, utilities, fieldStyles, documentsStyles];

  /** The data pointer this component edits; carried for the wizard. */
  @property({ reflect: true }) name = '/documents/fichiers';
  /** The dispositif's documents.json. Nothing is shown without it. */
  @property({ attribute: false }) spec?: DocumentsSpec | undefined;
  /** The `/documents/fichiers` array. */
  @property({ attribute: false }) value: unknown = undefined;
  /** The host's storage; when absent an object URL is kept as `ref`. */
  @property({ attribute: false }) upload?: DocumentUpload | undefined;
  /** The heading above the list. */
  @property() label = DOCUMENTS_HEADING;
  /** ARIA level of the heading (the types are one level below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Files are shown, nothing can be added or removed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Same as readonly, for a wizard that disables its fields. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Blocking message under the counter (e.g. the engine's documents rule). */
  @property() error = '';

  /** Removable types the user added to the list. */
  @state() private added = new Set<string>();
  @state() private messages: Record<string, string[]> = {};
  @state() private pending: Pending[] = [];
  @state() private over = '';
  /** Polite status for screen readers ("Fichier « x » ajouté."). */
  @state() private status = '';
  @state() private announce = false;
  @state() private expanded = false;
  /** Removable type chosen in the "add" select (several removable types only). */
  @state() private toAdd = '';

  private readonly baseId = `akto-documents-${++uid}`;
  private readonly typeIds = new Map<string, number>();
  private readonly objectUrls = new Set<string>();
  private pendingSeq = 0;

  /** True while files are being read or sent to the host. */
  get busy(): boolean {
    return this.pending.length > 0 || this.reading > 0;
  }
  private reading = 0;

  private get interactive(): boolean {
    return !this.readonly && !this.disabled;
  }

  /** The value as an array (anything else counts as empty). */
  private get items(): unknown[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  private filesOf(code: string): DocumentFile[] {
    return this.items.filter((f): f is DocumentFile => isObject(f) && f['type'] === code);
  }

  private typeId(code: string): string {
    if (!this.typeIds.has(code)) this.typeIds.set(code, this.typeIds.size + 1);
    return `${this.baseId}-t${this.typeIds.get(code)}`;
  }

  private get limits(): DocumentsSpec['limits'] {
    const limits = this.spec?.limits;
    return isObject(limits) && Array.isArray(limits.formats) ? limits : DEFAULT_LIMITS;
  }

  private get types(): DocumentType[] {
    return Array.isArray(this.spec?.types) ? this.spec.types.filter((t) => isObject(t) && typeof t.code === 'string') : [];
  }

  private isShown(type: DocumentType): boolean {
    return !type.removable || this.added.has(type.code) || this.filesOf(type.code).length > 0 || this.pending.some((p) => p.type === type.code);
  }

  /** Rows: the spec's types shown, then any other type that holds files (after transmission, unknown). */
  private get rows(): Row[] {
    const rows: Row[] = this.types.filter((t) => this.isShown(t)).map((type) => ({ type, addable: true }));
    const known = new Set(this.types.map((t) => t.code));
    const later = Array.isArray(this.spec?.afterTransmission) ? this.spec.afterTransmission : [];
    for (const item of this.items) {
      if (!isObject(item) || typeof item['type'] !== 'string' || known.has(item['type'])) continue;
      const code = item['type'];
      known.add(code);
      rows.push({ type: later.find((t) => t?.code === code) ?? { code, label: code }, addable: false });
    }
    return rows;
  }

  private get hiddenRemovable(): DocumentType[] {
    return this.types.filter((t) => t.removable && !this.isShown(t));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error')) {
      const before = (changed.get('error') as string | undefined) ?? '';
      this.announce = !!this.error && this.error !== before;
      if (this.error !== before) this.expanded = false;
    }
  }

  // ————— rendering —————

  override render(): TemplateResult {
    if (!this.spec) return html`<div part="base"></div>`;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<div part="base" @dragover=${this.swallowDrag} @drop=${this.swallowDrag}>
      <div part="heading" role="heading" aria-level=${level} id="${this.baseId}-heading">${this.label}</div>
      ${this.renderCounter()} ${this.renderMessage()}
      <ul class="types" aria-labelledby="${this.baseId}-heading">
        ${this.rows.map((row) => this.renderRow(row, Math.min(6, level + 1)))}
      </ul>
      ${this.renderAdd()}
      <div class="visually-hidden" role="status">${this.status}</div>
    </div>`;
  }

  private renderCounter(): TemplateResult | typeof nothing {
    const required = this.types.filter((t) => t.required);
    if (!required.length) return nothing;
    const done = required.filter((t) => this.filesOf(t.code).length > 0).length;
    const complete = done === required.length;
    return html`<p part="counter${complete ? ' complete' : ''}" class=${complete ? 'complete' : ''} id="${this.baseId}-counter" role="status">
      <span class="icon" aria-hidden="true">${complete ? '✓' : '⚠'}</span>
      <span><span class="visually-hidden">${complete ? 'Complet : ' : 'Incomplet : '}</span>${done}/${required.length} types de documents obligatoires à transmettre</span>
    </p>`;
  }

  private renderMessage(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    return html`<div part="message error" id="${this.baseId}-message" role=${this.announce ? 'alert' : nothing}>
      <button type="button" class="message" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
        <span class="icon" aria-hidden="true">▲</span><span class="text"><span class="visually-hidden">Erreur : </span>${this.error}</span>
      </button>
    </div>`;
  }

  private renderRow({ type, addable }: Row, level: number): TemplateResult {
    const id = this.typeId(type.code);
    const files = this.filesOf(type.code);
    const pending = this.pending.filter((p) => p.type === type.code);
    const messages = this.messages[type.code] ?? [];
    const canAdd = addable && this.interactive;
    const missing = !!this.error && !!type.required && files.length === 0;
    const limits = this.limits;
    const describedBy = [type.help ? `${id}-help` : '', `${id}-limits`].filter(Boolean).join(' ');
    return html`<li part="type${type.required ? ' required' : ''}" class=${missing ? 'missing' : ''} data-type=${type.code}>
      <div class="type-label" role="heading" aria-level=${level} id="${id}-label">
        ${type.required ? html`<span class="asterisk" aria-hidden="true">*</span>` : nothing}${type.label}${type.required
          ? html`<span class="visually-hidden"> (obligatoire)</span>`
          : nothing}
      </div>
      ${type.help ? html`<p class="type-help" id="${id}-help">${type.help}</p>` : nothing}
      ${canAdd ? html`<p class="limits" id="${id}-limits">${limitsText(limits)}</p>` : nothing}
      ${files.length || pending.length
        ? html`<ul part="files" aria-label="Fichiers : ${type.label}">
            ${files.map((file) => this.renderFile(file, type))}
            ${pending.map((p) => html`<li part="file" class="pending" aria-busy="true"><span class="file-name">${p.nom}</span><span>Envoi en cours…</span></li>`)}
          </ul>`
        : html`<p class="empty">Aucun fichier</p>`}
      ${canAdd
        ? html`<div
            part="dropzone"
            class=${this.over === type.code ? 'over' : ''}
            @dragenter=${(e: DragEvent) => this.onDragOver(e, type.code)}
            @dragover=${(e: DragEvent) => this.onDragOver(e, type.code)}
            @dragleave=${(e: DragEvent) => this.onDragLeave(e, type.code)}
            @drop=${(e: DragEvent) => this.onDrop(e, type)}
          >
            <input
              type="file"
              multiple
              tabindex="-1"
              aria-hidden="true"
              id="${id}-input"
              accept=${acceptAttribute(limits.formats)}
              @change=${(e: Event) => this.onPick(e, type)}
            />
            <button type="button" class="button" data-action="pick" aria-describedby=${describedBy || nothing} @click=${() => this.pick(id)}>
              Charger des fichiers<span class="visually-hidden"> : ${type.label}</span>
            </button>
            <span class="drop-text">ou déposer des fichiers</span>
          </div>`
        : nothing}
      <div part="type-messages" role="alert">
        ${messages.map(
          (m) => html`<p>
            <span class="icon" aria-hidden="true">▲</span><span><span class="visually-hidden">Erreur : </span><span class="refusal">${m}</span></span>
          </p>`,
        )}
      </div>
      ${canAdd && type.removable && !files.length && !pending.length
        ? html`<div class="type-actions">
            <button type="button" class="button link" data-action="remove-type" @click=${() => this.removeType(type)}>
              Retirer de la liste<span class="visually-hidden"> : ${type.label}</span>
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  private renderFile(file: DocumentFile, type: DocumentType): TemplateResult {
    const nom = typeof file.nom === 'string' ? file.nom : '';
    const size = formatSize(file.taille);
    return html`<li part="file">
      <span class="file-name">${nom || 'Fichier sans nom'}</span>
      ${size ? html`<span class="file-size">${size}</span>` : nothing}
      ${this.interactive
        ? html`<button type="button" class="button secondary" data-action="delete" @click=${() => this.removeFile(file, type)}>
            Supprimer<span class="visually-hidden"> le fichier ${nom}</span>
          </button>`
        : nothing}
    </li>`;
  }

  private renderAdd(): TemplateResult | typeof nothing {
    const hidden = this.hiddenRemovable;
    if (!this.interactive || !hidden.length) return nothing;
    if (hidden.length === 1) {
      const type = hidden[0]!;
      return html`<div class="add">
        <button type="button" class="button secondary" data-action="add-type" @click=${() => this.addType(type.code)}>
          Ajouter un autre document<span class="visually-hidden"> : ${type.label}</span>
        </button>
      </div>`;
    }
    const chosen = hidden.find((t) => t.code === this.toAdd) ?? hidden[0]!;
    return html`<div class="add">
      <label for="${this.baseId}-add">Ajouter un autre document</label>
      <select id="${this.baseId}-add" @change=${(e: Event) => (this.toAdd = (e.target as HTMLSelectElement).value)}>
        ${hidden.map((t) => html`<option value=${t.code} ?selected=${t === chosen}>${t.label}</option>`)}
      </select>
      <button type="button" class="button secondary" data-action="add-type" @click=${() => this.addType(this.renderRoot.querySelector<HTMLSelectElement>(`#${this.baseId}-add`)?.value || chosen.code)}
        >Ajouter</button
      >
    </div>`;
  }

  // ————— interactions —————

  private pick(id: string): void {
    this.renderRoot.querySelector<HTMLInputElement>(`#${id}-input`)?.click();
  }

  private onPick(e: Event, type: DocumentType): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again
    void this.addFiles(type, files);
  }

  /** Drops beside a zone must not make the browser open the file. */
  private swallowDrag = (e: DragEvent): void => {
    if (e.dataTransfer?.types?.includes('Files') || (e.dataTransfer?.files?.length ?? 0) > 0) e.preventDefault();
    if (e.type === 'dragover' && e.dataTransfer) e.dataTransfer.dropEffect = 'none';
  };

  private onDragOver(e: DragEvent, code: string): void {
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.over = code;
  }

  private onDragLeave(e: DragEvent, code: string): void {
    const zone = e.currentTarget as HTMLElement;
    if (e.relatedTarget instanceof Node && zone.contains(e.relatedTarget)) return;
    if (this.over === code) this.over = '';
  }

  private onDrop(e: DragEvent, type: DocumentType): void {
    e.preventDefault();
    e.stopPropagation();
    this.over = '';
    void this.addFiles(type, [...(e.dataTransfer?.files ?? [])]);
  }

  private async addType(code: string): Promise<void> {
    this.added = new Set([...this.added, code]);
    this.toAdd = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-type="${CSS.escape(code)}"] [data-action="pick"]`)?.focus();
  }

  private async removeType(type: DocumentType): Promise<void> {
    const added = new Set(this.added);
    added.delete(type.code);
    this.added = added;
    this.messages = { ...this.messages, [type.code]: [] };
    this.status = `« ${type.label} » retiré de la liste.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="add-type"]')?.focus();
  }

  private async removeFile(file: DocumentFile, type: DocumentType): Promise<void> {
    if (!this.interactive) return;
    const index = this.filesOf(type.code).indexOf(file);
    this.commit(this.items.filter((f) => f !== file));
    if (typeof file.ref === 'string' && this.objectUrls.delete(file.ref)) URL.revokeObjectURL(file.ref);
    this.status = `Fichier « ${file.nom} » supprimé.`;
    this.messages = { ...this.messages, [type.code]: [] };
    await this.updateComplete;
    // Focus stays in the row: the next file's "Supprimer", else the previous one, else "Charger des fichiers".
    const row = this.renderRoot.querySelector(`li[data-type="${CSS.escape(type.code)}"]`);
    const buttons = [...(row?.querySelectorAll<HTMLElement>('[data-action="delete"]') ?? [])];
    (buttons[Math.min(index, buttons.length - 1)] ?? row?.querySelector<HTMLElement>('[data-action="pick"]'))?.focus();
  }

  /** Checks then stores each file, one after the other; refusals are listed under the type. */
  private async addFiles(type: DocumentType, files: File[]): Promise<void> {
    if (!this.interactive || !this.spec || !files.length) return;
    const code = type.code;
    const refusals: string[] = [];
    const refuse = (message: string) => {
      refusals.push(message);
      this.messages = { ...this.messages, [code]: [...refusals] };
    };
    this.messages = { ...this.messages, [code]: [] };
    this.status = '';
    const { maxSizeMo, formats, maxFiles } = this.limits;
    const allowed = new Set(formats.map((f) => String(f).toLowerCase()));
    for (const file of files) {
      const shown = file.name;
      if (file.size === 0) {
        refuse(`Le fichier « ${shown} » est vide.`);
        continue;
      }
      if (file.size > moToBytes(maxSizeMo)) {
        refuse(`Le fichier « ${shown} » n'a pas été ajouté. Poids : ${formatNumber(maxSizeMo)}Mo maximum.`);
        continue;
      }
      const ext = extensionOf(shown);
      if (!allowed.has(ext)) {
        refuse(`Le format du fichier « ${shown} » n'est pas accepté. Formats acceptés : ${formats.join(', ')}.`);
        continue;
      }
      let format: string | null = null;
      this.reading++;
      try {
        format = detectFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), shown);
      } catch {
        refuse(`Le fichier « ${shown} » n'a pas pu être lu.`);
        continue;
      } finally {
        this.reading--;
      }
      if (!format || !allowed.has(format)) {
        refuse(`Le contenu du fichier « ${shown} » ne correspond pas à un format accepté.`);
        continue;
      }
      // Counted after the await, with the files still on their way, so two quick drops cannot overflow.
      const count = this.filesOf(code).length + this.pending.filter((p) => p.type === code).length;
      if (count >= maxFiles) {
        refuse(`Le fichier « ${shown} » n'a pas été ajouté : ${maxFiles} ${maxFiles > 1 ? 'fichiers' : 'fichier'} maximum pour « ${type.label} ».`);
        continue;
      }
      const ticket: Pending = { id: ++this.pendingSeq, type: code, nom: shown };
      this.pending = [...this.pending, ticket];
      let ref: string;
      try {
        if (this.upload) {
          const answer: unknown = await this.upload(file, code);
          if (typeof answer !== 'string' || !answer) throw new Error('no reference');
          ref = answer;
        } else {
          ref = URL.createObjectURL(file);
          this.objectUrls.add(ref);
        }
      } catch {
        refuse(`L'envoi du fichier « ${shown} » a échoué. Réessayez.`);
        continue;
      } finally {
        this.pending = this.pending.filter((p) => p !== ticket);
      }
      const entry: DocumentFile = { type: code, nom: clampName(shown), taille: file.size, format, ref, depotLe: todayIso() };
      this.commit([...this.items, entry]);
      this.status = `Fichier « ${shown} » ajouté.`;
    }
  }

  /** Sets the value and tells the wizard. */
  private commit(value: unknown[]): void {
    this.value = value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-documents': AktoDocuments;
  }
}
