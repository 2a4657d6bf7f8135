/**
 * @akto/elements: registers every element. `<akto-dossier-wizard>` renders any dispositif of
 * @akto/engine; the field elements can also be used alone.
 */
export { AktoField } from './internal/field-element.js';
export { fieldTag, registry } from './internal/field-registry.js';
export { AktoFieldText } from './components/field-text/field-text.js';
export { AktoFieldSelect } from './components/field-select/field-select.js';
export { AktoFieldRadio } from './components/field-radio/field-radio.js';
export { AktoFieldCheckbox } from './components/field-checkbox/field-checkbox.js';
export { AktoFieldTextarea } from './components/field-textarea/field-textarea.js';
export { AktoFieldDate } from './components/field-date/field-date.js';
export { AktoFieldAutocomplete } from './components/field-autocomplete/field-autocomplete.js';
export { AktoDocuments, detectFormat } from './components/documents/documents.js';
export { AktoDossierList, type ListKind, type ListFilters, type SavedSearch } from './components/dossier-list/dossier-list.js';
export type { DossierActionName, DossierListEventDetails } from './components/dossier-list/dossier-list-events.js';
export { AktoNewRequest, type Account, type AccountEtablissement, type NewRequestEventDetails } from './components/new-request/new-request.js';
export { AktoDossierView, type DossierViewEventDetails, type FinancialFollowUp, type ViewedRecord } from './components/dossier-view/dossier-view.js';
export { AktoDossierWizard, type WizardProviders, type SearchProvider } from './components/dossier-wizard/dossier-wizard.js';
export type { WizardEventDetails, WizardEventName } from './events/wizard-events.js';
// The engine's registry and stores, the same instances the elements use: a host page without a bundler
// registers extra dispositifs here (a second copy of @akto/engine would have a registry of its own).
export { registerDispositif, unregisterDispositif, onDispositifsChange, listDispositifs, createEngine, DossierService, MemoryStore, IndexedDbStore, HttpStore } from '@akto/engine';
