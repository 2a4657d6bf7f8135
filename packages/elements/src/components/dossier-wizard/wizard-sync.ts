/**
 * Where the last save stands when the store may hold it on this device (HttpStore's outbox):
 * « Enregistré » or « Enregistré sur cet appareil, en attente d'envoi »; and, when the server holds
 * another version (409), the choice the user makes — nothing is applied without it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SyncState } from '@akto/engine';

export const SYNC_TEXT: Record<'saved' | 'pending', string> = {
  saved: 'Enregistré',
  pending: "Enregistré sur cet appareil, en attente d'envoi",
};

export function renderSync(state: SyncState | undefined): TemplateResult | typeof nothing {
  if (state !== 'saved' && state !== 'pending') return nothing;
  return html`<p part="sync" class="sync ${state}" role="status">${SYNC_TEXT[state]}</p>`;
}

export interface ConflictView {
  reloadTheirs(): void;
  keepMine(): void;
}

export function renderConflict(view: ConflictView): TemplateResult {
  return html`<div part="conflict" class="conflict" role="alert" aria-labelledby="conflict-title">
    <p id="conflict-title"><strong>Ce brouillon a été modifié ailleurs entre-temps</strong> (dans un autre onglet ou par un autre utilisateur).</p>
    <p>Votre saisie n'a pas été envoyée, pour ne pas écraser l'autre version. Que souhaitez-vous faire ?</p>
    <div class="steps">
      <button class="secondary" type="button" @click=${() => view.reloadTheirs()}>Recharger leur version</button>
      <button class="action" type="button" @click=${() => view.keepMine()}>Garder la mienne comme copie</button>
    </div>
    <p class="notice">« Recharger leur version » abandonne votre saisie non envoyée ; « Garder la mienne comme copie » l'enregistre dans un nouveau brouillon et laisse l'autre version intacte.</p>
  </div>`;
}
