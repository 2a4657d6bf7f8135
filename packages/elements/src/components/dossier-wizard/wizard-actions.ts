/**
 * The wizard's actions: the buttons (Générer le CERFA, Enregistrer, Transmettre), the « Voulez-vous
 * enregistrer pour plus tard ? » dialog, and the status line (confirmations, refusals, failures; announced
 * politely) with the wording it uses.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WizardController } from '@akto/engine';
import type { Status } from './wizard-types.js';

export const SAVED = 'Votre saisie a bien été enregistrée. Vous pouvez dès à présent la retrouver dans la rubrique "Mes dossiers".';
export const HANDED_OVER =
  "Merci pour votre saisie. L'employeur vient de recevoir un mail pour qu'il puisse vérifier l'exactitude des informations et valider le contrat. AKTO traitera ensuite le dossier dans les meilleurs délais.";
export const transmitted = (numero: string) =>
  `Votre demande a bien été transmise à AKTO. Le numéro ${numero} est à conserver pour toutes correspondances avec AKTO et pour retrouver rapidement votre dossier dans Mon Espace.`;

/** `mail`: the « Envoyez-moi le lien par e-mail » button when the host has a mailer (see resume-mail.ts). */
export function renderStatus(s: Status, mail: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div part="status" role="status" aria-live="polite">
    ${s
      ? html`<p class=${s.kind}>
          ${s.text}
          ${s.link
            ? html`<br />Pour reprendre, veuillez cliquer ou ajouter le lien suivant à vos favoris : <a href=${s.link}>${s.link}</a>
                <button class="link" type="button" @click=${() => void navigator.clipboard?.writeText(s.link ?? '')}>Copier le lien</button>
                ${mail}`
            : nothing}
          ${s.pdf ? html`<br /><a href=${s.pdf} target="_blank" rel="noopener" download="cerfa.pdf">Ouvrir le CERFA (PDF)</a>` : nothing}
        </p>`
      : nothing}
  </div>`;
}

/** The state of an opened draft and its lifecycle buttons (Reprendre, Refuser…). */
export function renderWorkflow(workflow: { label: string; buttons: { type: string; label: string }[] } | null, act: (type: string) => void): TemplateResult | typeof nothing {
  if (!workflow) return nothing;
  return html`<div part="workflow" class="workflow" role="region" aria-label="Suite de la demande">
    <p>État du brouillon : <strong>${workflow.label}</strong></p>
    <div class="steps">${workflow.buttons.map((b) => html`<button class="action" type="button" @click=${() => act(b.type)}>${b.label}</button>`)}</div>
  </div>`;
}

export interface ActionsView {
  /** « Transmettre la demande à l'adhérent » for a provider without mandat de gestion. */
  toEmployer: boolean;
  cerfa(): void;
  save(): void;
  transmit(): void;
}

export function renderActions(view: ActionsView): TemplateResult {
  return html`<div part="actions">
    <button class="secondary" type="button" @click=${() => view.cerfa()}>Générer le CERFA</button>
    <button class="secondary" type="button" @click=${() => view.save()}>Enregistrer</button>
    <button class="action" type="button" @click=${() => view.transmit()}>${view.toEmployer ? "Transmettre la demande à l'adhérent" : 'Transmettre'}</button>
  </div>`;
}

export type LeaveAnswer = 'leave.save' | 'leave.discard' | 'leave.cancel';

export function renderLeaveDialog(answer: (a: LeaveAnswer) => void): TemplateResult {
  return html`<dialog class="leave" aria-labelledby="leave-title" @cancel=${(e: Event) => (e.preventDefault(), answer('leave.cancel'))}>
    <p id="leave-title">Voulez-vous enregistrer pour plus tard ?</p>
    <div class="steps">
      <button class="secondary" type="button" @click=${() => answer('leave.cancel')}>Annuler</button>
      <button class="secondary" type="button" @click=${() => answer('leave.discard')}>Quitter sans enregistrer</button>
      <button class="action" type="button" @click=${() => answer('leave.save')}>OK</button>
    </div>
  </dialog>`;
}

/** « Voulez-vous enregistrer pour plus tard ? »: asked when leaving with unsaved changes. */
export class LeavePrompt {
  private resolver?: (ok: boolean) => void;
  constructor(private readonly dialog: () => HTMLDialogElement | null) {}

  /** Resolves true when the user may go (saved, discarded, or nothing to save). */
  ask(c: WizardController): Promise<boolean> {
    c.send({ type: 'wizard.leave' });
    if (c.is('edition', 'quitte')) return Promise.resolve(true);
    this.dialog()?.showModal();
    return new Promise((resolve) => (this.resolver = resolve));
  }

  async answer(c: WizardController, answer: LeaveAnswer): Promise<void> {
    this.dialog()?.close();
    c.send({ type: answer });
    await c.settled();
    this.resolver?.(c.is('edition', 'quitte'));
    this.resolver = undefined;
  }
}
