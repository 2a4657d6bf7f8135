import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AktoField } from '../../internal/field-element.js';

/**
 * A one-line field: text, email, telephone, number or money (€ HT). Numbers that do not parse are kept
 * as typed (the engine then says "Saisissez un nombre."), so nothing typed is ever lost.
 *
 * @summary Text, number and money input.
 * @event input - On each keystroke; `value` holds the new value.
 * @event change - When the field loses focus after a change.
 * @csspart base - The wrapper. @csspart label - The label. @csspart hint - Help and example.
 * @csspart input - The input. @csspart message - The message (with part error or warning).
 */
@customElement('akto-field-text')
export class AktoFieldText extends AktoField {
  /** text, email, telephone, number, money */
  @property() kind: 'text' | 'email' | 'telephone' | 'number' | 'money' = 'text';
  @property({ type: Number }) maxlength?: number;
  /** Integer only (for number and money). */
  @property({ type: Boolean }) integer = false;
  @property() unit = '';

  private parse(text: string): unknown {
    if (text === '') return undefined;
    if (this.kind !== 'number' && this.kind !== 'money') return text;
    const normalized = text.replace(/\s/g, '').replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : text;
  }

  private display(): string {
    if (this.value === undefined || this.value === null) return '';
    if (typeof this.value === 'number') return this.kind === 'money' ? String(this.value).replace('.', ',') : String(this.value);
    return String(this.value);
  }

  protected renderControl(): TemplateResult {
    const numeric = this.kind === 'number' || this.kind === 'money';
    const type = this.kind === 'email' ? 'email' : this.kind === 'telephone' ? 'tel' : 'text';
    const input = html`<input
      part="input"
      id=${this.controlId}
      type=${type}
      inputmode=${numeric ? (this.integer ? 'numeric' : 'decimal') : this.kind === 'telephone' ? 'tel' : nothing}
      autocomplete=${this.kind === 'email' ? 'email' : this.kind === 'telephone' ? 'tel' : 'off'}
      .value=${live(this.display())}
      ?required=${this.required}
      ?readonly=${this.readonly}
      ?disabled=${this.disabled}
      maxlength=${this.maxlength ?? nothing}
      placeholder=${this.example ? `Ex : ${this.example}` : nothing}
      aria-invalid=${this.invalid}
      aria-describedby=${this.describedBy}
      @input=${(e: Event) => this.commit(this.parse((e.target as HTMLInputElement).value))}
      @change=${() => this.dispatchEvent(new Event('change', { bubbles: true, composed: true }))}
    />`;
    const unit = this.unit || (this.kind === 'money' ? '€ HT' : '');
    return unit ? html`<span class="with-unit">${input}<span class="unit" aria-hidden="true">${unit}</span></span>` : input;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-text': AktoFieldText;
  }
}
