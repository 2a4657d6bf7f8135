/** Events of <akto-dossier-wizard>: they bubble and cross shadow roots so any host page can listen. */
import type { DossierRecord, Notification } from '@akto/engine';

export interface WizardEventDetails {
  'dossier-change': { pointer: string; value: unknown; data: unknown };
  'dossier-save': { record: DossierRecord };
  'dossier-transmit': { record: DossierRecord };
  'tab-change': { tab: string };
  /** Cancelable: call preventDefault() to generate the CERFA yourself from `data`. */
  'cerfa-request': { data: unknown; record: DossierRecord | undefined };
  'dossier-notification': Notification;
}

export type WizardEventName = keyof WizardEventDetails;

export function wizardEvent<K extends WizardEventName>(name: K, detail: WizardEventDetails[K], cancelable = false): CustomEvent<WizardEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface HTMLElementEventMap {
    'dossier-change': CustomEvent<WizardEventDetails['dossier-change']>;
    'dossier-save': CustomEvent<WizardEventDetails['dossier-save']>;
    'dossier-transmit': CustomEvent<WizardEventDetails['dossier-transmit']>;
    'tab-change': CustomEvent<WizardEventDetails['tab-change']>;
    'cerfa-request': CustomEvent<WizardEventDetails['cerfa-request']>;
    'dossier-notification': CustomEvent<WizardEventDetails['dossier-notification']>;
  }
}
