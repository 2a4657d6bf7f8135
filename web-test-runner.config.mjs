// Browser tests in Debian's headless Chromium (never a downloaded browser).
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';

/** Counts tests for scripts/run-tests.mjs (a session that failed to load counts as one failure). */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite.tests) counts[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (session.errors?.length || !session.testResults) counts.failed++;
      }
      if (process.env.WTR_COUNT_FILE) writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify(counts));
    },
  };
}

export default {
  files: ['packages/*/test/**/*.browser.test.ts', 'packages/*/src/**/*.test.ts', 'examples/*/test/**/*.browser.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['production'] },
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    {
      // The acid test's dispositif kept outside schemas/, built by the CLI exactly as a host would (examples/external).
      name: 'external-dispositif',
      serverStart() {
        const r = spawnSync(process.execPath, ['packages/engine/bin/akto-forms.js', 'build', 'examples/external/vae', '-o', 'examples/external/dist/vae'], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`akto-forms build examples/external/vae: ${r.stderr || r.stdout}`);
      },
    },
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    {
      // pdf-lib's "module" build imports CommonJS (pako), which unbundled serving cannot load: use its ESM bundle.
      name: 'pdf-lib-esm',
      resolveImport({ source }) {
        if (source === 'pdf-lib') return '/node_modules/pdf-lib/dist/pdf-lib.esm.js';
        return undefined;
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter(), countReporter()],
};
