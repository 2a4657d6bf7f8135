import { html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AktoField } from '../../internal/field-element.js';

/**
 * Oui / Non (a boolean), as radio buttons in a group.
 *
 * @summary Yes/no radio group.
 * @csspart input - Each radio.
 */
@customElement('akto-field-radio')
export class AktoFieldRadio extends AktoField {
  @property({ attribute: false }) choices: { value: unknown; label: string }[] = [
    { value: true, label: 'Oui' },
    { value: false, label: 'Non' },
  ];

  protected renderControl(): TemplateResult {
    return html`<div class="choices" role="radiogroup" aria-labelledby="${this.controlId}-label" aria-describedby=${this.describedBy} aria-required=${this.required ? 'true' : 'false'} aria-invalid=${this.invalid}>
      ${this.choices.map(
        (c, i) => html`<label class="choice">
          <input
            part="input"
            type="radio"
            id=${i === 0 ? this.controlId : `${this.controlId}-${i}`}
            name=${this.controlId}
            .checked=${this.value === c.value}
            ?disabled=${this.disabled || this.readonly}
            @change=${() => this.commit(c.value, 'change')}
          />${c.label}
        </label>`,
      )}
    </div>`;
  }

  override render(): TemplateResult {
    return html`<div part="base">${this.renderLabel('span')}${this.renderHint()}${this.renderControl()}${this.renderMessage()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-field-radio': AktoFieldRadio;
  }
}
