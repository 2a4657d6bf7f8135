/** The registry, with the built-in dispositifs registered (import this, not ./registry.js). */
import './builtins.js';

export * from './registry.js';
export type * from './artifact.js';
