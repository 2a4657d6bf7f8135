/**
 * Single-file entry with every element (wizard, lists, new-request chooser, dossier view) and the
 * engine's stores and services (local, or RemoteDossierService for a host back end): what a portal page needs, with no bundler.
 */
export * from './index.js';
export { MemoryStore, IndexedDbStore, HttpStore, DossierService, RemoteDossierService, RemoteError, listDispositifs, createEngine, resumeLink, parseResumeLink } from '@akto/engine';
