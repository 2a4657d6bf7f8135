#!/usr/bin/env node
// npm run bench: builds what is missing, then runs every benchmark (they print medians).
import { ensureBuilt, sh } from './bootstrap.mjs';

ensureBuilt();
sh(process.execPath, ['--import', 'tsx', 'packages/engine/bench/validate.bench.ts']);
