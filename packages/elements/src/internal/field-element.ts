/**
 * Base of every field element: label with the red asterisk, help and example, the control (rendered by
 * the subclass), and the messages under it (error, or warning drawn differently and never blocking).
 * A field emits the native `input` and `change` events (bubbling, composed) with `value` up to date.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tokens } from '../styles/tokens.styles.js';
import { utilities } from '../styles/utilities.styles.js';
import { fieldStyles } from '../styles/field.styles.js';

let uid = 0;

export abstract class AktoField extends LitElement {
  static override styles = [tokens, utilities, fieldStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The data pointer this field edits (e.g. /salarie/nir); carried by events. */
  @property({ reflect: true }) name = '';
  @property() label = '';
  /** Help text shown under the label. */
  @property() hint = '';
  /** Example shown as placeholder and help ("Ex : 01/01/1990"). */
  @property() example = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Blocking message under the field. */
  @property() error = '';
  /** Non-blocking alert under the field. */
  @property() warning = '';
  @property({ attribute: false }) value: unknown = undefined;

  /** A message is announced (role=alert) only when it newly appears. */
  @state() private announce = false;
  @state() private expanded = false;

  protected readonly controlId = `akto-field-${++uid}`;

  /** Native input/change events of the inner controls stop at the shadow root: the field sends its own. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    for (const type of ['input', 'change']) root.addEventListener(type, (e) => e.stopPropagation());
    return root;
  }
  protected get messageId(): string {
    return `${this.controlId}-message`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error') || changed.has('warning')) {
      const before = (changed.get('error') as string | undefined) || (changed.get('warning') as string | undefined) || '';
      const now = this.error || this.warning;
      this.announce = !!now && now !== before;
      if (now !== before) this.expanded = false;
    }
  }

  /** aria attributes for the control. */
  protected get describedBy(): string | typeof nothing {
    const ids = [this.hint || this.example ? `${this.controlId}-hint` : '', this.error || this.warning ? this.messageId : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  protected get invalid(): 'true' | 'false' {
    return this.error ? 'true' : 'false';
  }

  protected renderLabel(tag: 'label' | 'span' = 'label'): TemplateResult {
    const content = html`${this.required ? html`<span class="asterisk" aria-hidden="true">*</span>` : nothing}${this.label}`;
    return tag === 'label'
      ? html`<label part="label" for=${this.controlId}>${content}</label>`
      : html`<span part="label" class="label" id="${this.controlId}-label">${content}</span>`;
  }

  protected renderHint(): TemplateResult | typeof nothing {
    const parts = [this.hint, this.example ? `Ex : ${this.example}` : ''].filter(Boolean);
    return parts.length ? html`<span part="hint" id="${this.controlId}-hint">${parts.join(' · ')}</span>` : nothing;
  }

  protected renderMessage(): TemplateResult | typeof nothing {
    const text = this.error || this.warning;
    if (!text) return nothing;
    const kind = this.error ? 'error' : 'warning';
    // Too long for the space: a click opens the whole message (guide 001, « Messages et blocages »).
    return html`<div part="message ${kind}" id=${this.messageId} role=${this.announce ? 'alert' : nothing}>
        <button type="button" class="message" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
          <span class="icon" aria-hidden="true">${kind === 'error' ? '▲' : '!'}</span
          ><span class="text"><span class="visually-hidden">${kind === 'error' ? 'Erreur : ' : 'Alerte : '}</span>${text}</span>
        </button>
      </div>`;
  }

  protected abstract renderControl(): TemplateResult;

  override render(): TemplateResult {
    return html`<div part="base">${this.renderLabel()}${this.renderHint()}${this.renderControl()}${this.renderMessage()}</div>`;
  }

  /** Sets the value from the control and tells the wizard. */
  protected commit(value: unknown, type: 'input' | 'change' = 'input'): void {
    this.value = value;
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }
}
