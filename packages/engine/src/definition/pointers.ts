/** Pointers the engine itself knows (kept apart so the runtime does not carry the assembly code). */

/** Where the documents list shows, and so where the documents rule and the file limits show. */
export const DOCUMENT_FILES = '/documents/fichiers';
