/**
 * Single-file entry with every element (wizard, lists, new-request chooser, dossier view) and the
 * engine's stores and service: what a portal page needs, with no bundler.
 */
export * from './index.js';
export { MemoryStore, IndexedDbStore, HttpStore, DossierService, listDispositifs, createEngine, resumeLink, parseResumeLink } from '@akto/engine';
