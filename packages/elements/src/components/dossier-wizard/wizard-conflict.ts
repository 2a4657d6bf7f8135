/**
 * « Ce brouillon a été modifié ailleurs entre-temps »: the choice shown when the server holds another version
 * of the draft (409), and what each answer does. Loaded on demand by wizard-sync.ts, the first time it shows.
 */
import { html, type TemplateResult } from 'lit';
import { isSyncingStore } from '@akto/engine';
import type { DraftSync, DraftSyncOptions } from './wizard-sync.js';

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

/** « Recharger leur version »: the version the store holds replaces the input, as the user asked. */
export async function reloadTheirs(sync: DraftSync, o: DraftSyncOptions) {
  const id = o.draft()?.id;
  if (!id) return;
  const store = o.store();
  if (isSyncingStore(store)) await store.discardPending(id);
  sync.conflict = false;
  await o.reopen();
  o.say({ kind: 'ok', text: `La version enregistrée du brouillon n° ${id} a été rechargée.` });
}

/** « Garder la mienne comme copie »: the input goes to a new draft; the other version stays as it is. */
export async function keepMine(sync: DraftSync, o: DraftSyncOptions) {
  const original = o.draft();
  if (!original) return;
  try {
    const copy = await o.saveAsCopy(original);
    const store = o.store();
    if (isSyncingStore(store)) await store.discardPending(original.id);
    sync.conflict = false;
    sync.watch(copy.id);
    o.say({ kind: 'ok', text: `Votre saisie est enregistrée dans le nouveau brouillon n° ${copy.numero ?? copy.id} ; le brouillon n° ${original.numero ?? original.id} garde l'autre version.` });
  } catch (e) {
    o.say({ kind: 'failure', text: e instanceof Error ? e.message : String(e) });
  }
}
