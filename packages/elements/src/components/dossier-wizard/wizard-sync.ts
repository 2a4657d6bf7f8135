/**
 * Where the last save stands when the store may hold it on this device (HttpStore's outbox):
 * « Enregistré » or « Enregistré sur cet appareil, en attente d'envoi »; and, when the server holds
 * another version (409), the choice the user makes — nothing is applied without it (wizard-conflict.ts).
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

export interface DraftSyncOptions {
  store(): DossierStore | undefined;
  /** The draft the wizard shows. */
  draft(): DossierRecord | undefined;
  /** Reads the draft again from the store: what it holds replaces the input. */
  reopen(): Promise<void>;
  /** Saves the input as a new draft, which the wizard then shows. */
  saveAsCopy(original: DossierRecord): Promise<DossierRecord>;
  /** The draft, first saved on this device under a provisional id, now has the server's number (its id). */
  renamed(record: DossierRecord): void;
  say(status: Status): void;
}

/** Follows the sync state of the draft shown, and holds the conflict choice until the user makes it. */
export class DraftSync implements ReactiveController {
  state?: SyncState;
  conflict = false;
  private off?: () => void;
  private ui?: typeof import('./wizard-conflict.js');

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

  /**
   * Follows this draft (undefined: none yet) in a store that may hold saves on this device. A draft whose
   * input is kept aside by a conflict (also from before a reload) shows the choice again.
   */
  watch(id: string | undefined): void {
    this.off?.();
    this.off = undefined;
    const store = this.o.store();
    this.state = id && isSyncingStore(store) ? store.syncState(id) : undefined;
    this.conflict = this.state === 'conflict';
    if (id && isSyncingStore(store)) {
      this.off = store.onSync((e) => {
        if (e.id !== this.o.draft()?.id) return;
        this.state = e.state;
        if (e.state === 'conflict') this.conflict = true;
        if (e.renamed) this.o.renamed({ ...(this.o.draft() as DossierRecord), id: e.renamed });
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

  /** The conflict choice; its module (wizard-conflict.ts) loads the first time a conflict shows. */
  render(): TemplateResult | typeof nothing {
    if (!this.conflict) return nothing;
    const ui = this.ui;
    if (ui) return ui.renderConflict({ reloadTheirs: () => void ui.reloadTheirs(this, this.o), keepMine: () => void ui.keepMine(this, this.o) });
    void import('./wizard-conflict.js').then((m) => ((this.ui = m), this.host.requestUpdate()));
    return nothing;
  }
}
