/**
 * Single-file entry for pages without a bundler: the wizard and its fields.
 *   <script type="module" src="…/akto-dossier-wizard.js"></script>
 *   <akto-dossier-wizard dispositif="cpro" role="adherent"></akto-dossier-wizard>
 * Dispositifs load on demand; the documents uploader when a Documents tab shows; pdf-lib only when a
 * CERFA is generated.
 */
import { defineWhenUsed } from './internal/field-registry.js';

export { AktoDossierWizard, type WizardProviders } from './components/dossier-wizard/dossier-wizard.js';
export { AktoFieldText } from './components/field-text/field-text.js';
export { AktoFieldSelect } from './components/field-select/field-select.js';
export { AktoFieldRadio } from './components/field-radio/field-radio.js';
export { AktoFieldCheckbox } from './components/field-checkbox/field-checkbox.js';
export { AktoFieldTextarea } from './components/field-textarea/field-textarea.js';
export { AktoFieldDate } from './components/field-date/field-date.js';
export { AktoFieldAutocomplete } from './components/field-autocomplete/field-autocomplete.js';
export type { AktoDocuments } from './components/documents/documents.js';
defineWhenUsed('akto-documents', () => import('./components/documents/documents.js'));
// The engine's registry itself (one instance with the elements'): a host registers extra dispositifs here.
export { MemoryStore, IndexedDbStore, HttpStore, DossierService, listDispositifs, createEngine, registerDispositif, unregisterDispositif } from '@akto/engine';
