import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AktoField } from '../../internal/field-element.js';

/**
 * A box that must be ticked (notice, attestations, conditions générales): unticked and required gives
 * "L'option doit être sélectionnée".
 *
 * @summary Attestation checkbox.
 * @csspart input - The checkbox.
 */
@customElement('akto-field-checkbox')
export class AktoFieldCheckbox extends AktoField {
  protected renderControl(): TemplateResult {
    return html`<label class="check" for=${this.controlId} part="label">
      <input
        part="input"
        type="checkbox"
        id=${this.controlId}
        .checked=${this.value === true}
        ?required=${this.required}
        ?disabled=${this.disabled || this.readonly}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @change=${(e: Event) => this.commit((e.target as HTMLInputElement).checked ? true : false, 'change')}
      />
      <span>${this.label}${this.required ? html`<span class="asterisk" aria-hidden="true"> *</span>` : nothing}</span>
    </label>`;
  }

  override render(): TemplateResult {
    return html`<div part="base">${this.renderControl()}${this.renderHint()}${this.renderMessage()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-checkbox': AktoFieldCheckbox;
  }
}
