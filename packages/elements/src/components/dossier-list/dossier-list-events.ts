/** Events of <akto-dossier-list>: they bubble and cross shadow roots so any host page can listen. */
import type { DossierRecord } from '@akto/engine';

/** Buttons of a row, then what the list did itself after a confirmation ("deleted", "duplicated"). */
export type DossierActionName = 'detail' | 'consulter' | 'modifier' | 'dupliquer' | 'supprimer' | 'duplicated' | 'deleted';

export interface DossierListEventDetails {
  /** « Créer un nouveau dossier »: the host opens the choice of dispositif / the wizard. */
  'dossier-create': { kind: 'brouillons' | 'dossiers' };
  /**
   * A row action. Cancelable for the buttons: preventDefault() on « dupliquer » or « supprimer » replaces
   * the list's own dialog, on « detail » its inline detail. « duplicated » carries the new draft.
   */
  'dossier-action': { action: DossierActionName; record: DossierRecord };
}

export function listEvent<K extends keyof DossierListEventDetails>(name: K, detail: DossierListEventDetails[K], cancelable = false): CustomEvent<DossierListEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface HTMLElementEventMap {
    'dossier-create': CustomEvent<DossierListEventDetails['dossier-create']>;
    'dossier-action': CustomEvent<DossierListEventDetails['dossier-action']>;
  }
}
