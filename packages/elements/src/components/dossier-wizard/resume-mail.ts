/**
 * « Envoyez-moi le lien par e-mail »: after a save, the host's mailer (`providers.sendResumeLink`) sends the
 * resume link to the signed-in user. Without a mailer there is no button. The button's module
 * (resume-mail-button.ts) loads once a host gives a mailer and a save shows a link: the wizard's first load
 * does not carry it.
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DossierRecord } from '@akto/engine';
import type { ResumeMail } from './resume-mail-button.js';
import type { WizardProviders } from './wizard-types.js';

export class ResumeMailSlot {
  private impl?: ResumeMail;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly providers: () => WizardProviders,
    private readonly record: () => DossierRecord | undefined,
  ) {}

  /** A new save: the note of the previous sending goes. */
  reset(): void {
    this.impl?.reset();
  }

  /** The button (and the outcome of the last sending) for the resume link just shown. */
  render(link: string | undefined): TemplateResult | typeof nothing {
    if (!link || !this.providers().sendResumeLink || !this.record()) return nothing;
    if (this.impl) return this.impl.render(link);
    if (!this.loading) {
      this.loading = true;
      void import('./resume-mail-button.js').then(
        (m) => ((this.impl = new m.ResumeMail(this.host, this.providers, this.record)), this.host.requestUpdate()),
        () => (this.loading = false),
      );
    }
    return nothing;
  }
}
