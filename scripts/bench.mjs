#!/usr/bin/env node
// npm run bench: builds what is missing, then runs every benchmark (they print medians).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { ensureBuilt, ensureChromium, sh } from './bootstrap.mjs';

/**
 * Runs a TypeScript benchmark on plain Node, transpiled beside itself (its relative imports hold). Not
 * through tsx: a loader transforms every file it sees, the built artifacts included, which made the
 * precompiled validators look about five times slower than hosts run them.
 */
function runNodeBench(file) {
  const out = file.replace(/\.ts$/, '.tmp.mjs');
  const ts = (f) => transformSync(readFileSync(f, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' }).code;
  const helper = file.replace(/[^/]+$/, 'report.ts');
  writeFileSync(helper.replace(/\.ts$/, '.js'), ts(helper));
  writeFileSync(out, ts(file));
  try {
    sh(process.execPath, [out]);
  } finally {
    rmSync(out, { force: true });
    rmSync(helper.replace(/\.ts$/, '.js'), { force: true });
  }
}

ensureBuilt();
runNodeBench('packages/engine/bench/validate.bench.ts');
runNodeBench('packages/engine/bench/cerfa.bench.ts');
runNodeBench('packages/engine/bench/cli.bench.ts');
// The host back end on a throw-away PostgreSQL (skipped with the reason without its binaries): through tsx,
// it starts server processes of examples/server/src; the re-validation threads run the built engine without it.
sh(process.execPath, ['--import', 'tsx', 'examples/server/bench/server.bench.ts']);
ensureChromium();
sh('npx', ['web-test-runner', '--config', 'web-test-runner.bench.config.mjs']);
