#!/usr/bin/env node
// npm run bench: builds what is missing, then runs every benchmark (they print medians).
import { ensureBuilt, ensureChromium, sh } from './bootstrap.mjs';

ensureBuilt();
sh(process.execPath, ['--import', 'tsx', 'packages/engine/bench/validate.bench.ts']);
sh(process.execPath, ['--import', 'tsx', 'packages/engine/bench/cerfa.bench.ts']);
ensureChromium();
sh('npx', ['web-test-runner', '--config', 'web-test-runner.bench.config.mjs']);
