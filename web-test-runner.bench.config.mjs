// Benchmarks in headless Chromium: *.bench.browser.ts files print their figures to the console.
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  files: ['packages/*/bench/**/*.bench.browser.ts'],
  testFramework: { config: { timeout: 120000 } },
  reporters: base.reporters.slice(0, 2),
};
