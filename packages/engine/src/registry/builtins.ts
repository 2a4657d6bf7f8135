/**
 * Registers the built-in dispositifs: the artifacts `akto-forms build` made of schemas/ at build time
 * (package @akto/dispositifs, build output), each imported only when first used.
 */
import { builtins } from '@akto/dispositifs';
import type { DispositifEntry } from './registry.js';
import { registerEntry } from './registry.js';

for (const entry of builtins as DispositifEntry[]) registerEntry(entry);
