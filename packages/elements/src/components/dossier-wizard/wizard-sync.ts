/**
 * Where the last save stands when the store may hold it on this device (HttpStore's outbox):
 * « Enregistré » or « Enregistré sur cet appareil, en attente d'envoi »; and, when the server holds
 * another version (409), the choice the user makes — nothing is applied without it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isSyncingStore, type DossierRecord, type DossierStore, type SyncState } from '@akto/engine';
import type { Status } from './wizard-types.js';

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

export interface DraftSyncOptions {
  store(): DossierStore | undefined;
  /** The draft the wizard shows. */
  draft(): DossierRecord | undefined;
  /** Reads the draft again from the store: what it holds replaces the input. */
  reopen(): Promise<void>;
  /** Saves the input as a new draft, which the wizard then shows. */
  saveAsCopy(original: DossierRecord): Promise<DossierRecord>;
  say(status: Status): void;
}

/** Follows the sync state of the draft shown, and holds the conflict choice until the user makes it. */
export class DraftSync implements ReactiveController {
  state?: SyncState;
  conflict = false;
  private off?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: DraftSyncOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = undefined;
  }

  /** Follows this draft (undefined: none yet) in a store that may hold saves on this device. */
  watch(id: string | undefined): void {
    this.off?.();
    this.off = undefined;
    const store = this.o.store();
    this.state = id && isSyncingStore(store) ? store.syncState(id) : undefined;
    if (id && isSyncingStore(store)) {
      this.off = store.onSync((e) => {
        if (e.id !== this.o.draft()?.id) return;
        this.state = e.state;
        if (e.state === 'conflict') this.conflict = true;
        this.host.requestUpdate();
      });
    }
    this.host.requestUpdate();
  }

  /** A save met another version (stale revision): the choice is shown. */
  stale(): void {
    this.conflict = true;
    this.host.requestUpdate();
  }

  reset(): void {
    this.conflict = false;
  }

  render(): TemplateResult | typeof nothing {
    return this.conflict ? renderConflict({ reloadTheirs: () => void this.reloadTheirs(), keepMine: () => void this.keepMine() }) : nothing;
  }

  /** « Recharger leur version »: the version the store holds replaces the input, as the user asked. */
  private async reloadTheirs() {
    const id = this.o.draft()?.id;
    if (!id) return;
    const store = this.o.store();
    if (isSyncingStore(store)) await store.discardPending(id);
    this.conflict = false;
    await this.o.reopen();
    this.o.say({ kind: 'ok', text: `La version enregistrée du brouillon n° ${id} a été rechargée.` });
  }

  /** « Garder la mienne comme copie »: the input goes to a new draft; the other version stays as it is. */
  private async keepMine() {
    const original = this.o.draft();
    if (!original) return;
    try {
      const copy = await this.o.saveAsCopy(original);
      const store = this.o.store();
      if (isSyncingStore(store)) await store.discardPending(original.id);
      this.conflict = false;
      this.watch(copy.id);
      this.o.say({ kind: 'ok', text: `Votre saisie est enregistrée dans le nouveau brouillon n° ${copy.numero ?? copy.id} ; le brouillon n° ${original.numero ?? original.id} garde l'autre version.` });
    } catch (e) {
      this.o.say({ kind: 'failure', text: e instanceof Error ? e.message : String(e) });
    }
  }
}
