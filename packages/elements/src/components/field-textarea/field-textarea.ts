import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AktoField } from '../../internal/field-element.js';

/**
 * Free text with a live character count ("256 caractères maximum"). Pasting more than the limit keeps
 * every character typed (the engine then reports the limit): nothing is cut silently.
 *
 * @summary Comment textarea.
 * @csspart input - The textarea. @csspart counter - The character count.
 */
@customElement('akto-field-textarea')
export class AktoFieldTextarea extends AktoField {
  @property({ type: Number }) maxlength?: number;

  protected renderControl(): TemplateResult {
    const text = typeof this.value === 'string' ? this.value : '';
    const count = [...text].length;
    return html`<textarea
        part="input"
        id=${this.controlId}
        rows="4"
        .value=${live(text)}
        ?required=${this.required}
        ?readonly=${this.readonly}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @input=${(e: Event) => {
          const v = (e.target as HTMLTextAreaElement).value;
          this.commit(v === '' ? undefined : v);
        }}
      ></textarea
      >${this.maxlength
        ? html`<span part="counter" class=${count > this.maxlength ? 'over' : ''} aria-live="polite">${count} / ${this.maxlength} · ${this.maxlength} caractères maximum</span>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-textarea': AktoFieldTextarea;
  }
}
