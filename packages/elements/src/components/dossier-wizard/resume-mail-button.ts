/** The « Envoyez-moi le lien par e-mail » button and what came of the sending (loaded on demand by resume-mail.ts). */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DossierRecord } from '@akto/engine';
import type { WizardProviders } from './wizard-types.js';

export const LINK_MAILED = 'Le lien vous a été envoyé par e-mail.';
export const linkNotMailed = (reason: string) => `Le lien n'a pas pu être envoyé par e-mail${reason ? ` : ${reason}` : '.'}`;

export class ResumeMail {
  private note: { kind: 'ok' | 'failure'; text: string } | null = null;
  private sending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly providers: () => WizardProviders,
    private readonly record: () => DossierRecord | undefined,
  ) {}

  /** A new save: the note of the previous sending goes. */
  reset(): void {
    this.note = null;
  }

  /** The button (and the outcome of the last sending) for the resume link just shown. */
  render(link: string | undefined): TemplateResult | typeof nothing {
    const send = this.providers().sendResumeLink;
    const record = this.record();
    if (!link || !send || !record) return nothing;
    return html`<button class="link" type="button" ?disabled=${this.sending} @click=${() => void this.send(send, record, link)}>Envoyez-moi le lien par e-mail</button>
      ${this.note ? html`<br /><span class="mail ${this.note.kind}">${this.note.text}</span>` : nothing}`;
  }

  private async send(send: NonNullable<WizardProviders['sendResumeLink']>, record: DossierRecord, link: string): Promise<void> {
    this.sending = true;
    this.note = null;
    this.host.requestUpdate();
    try {
      await send(record, link);
      this.note = { kind: 'ok', text: LINK_MAILED };
    } catch (e) {
      this.note = { kind: 'failure', text: linkNotMailed(e instanceof Error ? e.message : '') };
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }
}
