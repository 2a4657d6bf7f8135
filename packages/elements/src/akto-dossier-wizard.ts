/**
 * Single-file entry for pages without a bundler:
 *   <script type="module" src="…/akto-dossier-wizard.js"></script>
 *   <akto-dossier-wizard dispositif="cpro" role="adherent"></akto-dossier-wizard>
 * Registers every element; dispositifs load on demand.
 */
export * from './index.js';
export { MemoryStore, IndexedDbStore, HttpStore, DossierService, listDispositifs, createEngine } from '@akto/engine';
