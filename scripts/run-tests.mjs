#!/usr/bin/env node
// Runs every test: Node's test runner on packages/*/test/**/*.test.ts (engine, CLI), then
// web-test-runner in headless Chromium on the *.browser.test.ts and element tests, then the Storybook
// stories as tests (Vitest in headless Chromium, with the rules/formats coverage line) and the static
// Storybook build. Ends with one line CI can read: "N passed, N failed, N skipped".
// --node / --browser / --storybook run one phase.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureChromium, sh } from './bootstrap.mjs';

const only = process.argv[2];
ensureBuilt();
ensureChromium();
sh('npm', ['run', '--silent', 'check']);
const tmp = mkdtempSync(join(tmpdir(), 'akto-tests-'));
const total = { passed: 0, failed: 0, skipped: 0 };

/** Node tests: the packages' (engine, CLI) and the examples' (host back end, portal end to end). */
function testFiles() {
  return ['packages', 'examples']
    .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f)))
    .filter((f) => /[\\/]test[\\/].*\.test\.ts$/.test(f) && !f.endsWith('.browser.test.ts') && !f.includes('node_modules'))
    .sort();
}

if (!only || only === '--node') {
  sh('npx', ['tsc', '-p', 'examples/server']);
  const tap = join(tmp, 'node.tap');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...testFiles()], { stdio: 'inherit' });
  let text = '';
  try {
    text = readFileSync(tap, 'utf8');
  } catch {
    /* the runner died before writing */
  }
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const node = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (r.status !== 0 && node.failed === 0) node.failed = 1;
  console.log(`node: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += node[k];
}

if (!only || only === '--browser') {
  const countFile = join(tmp, 'wtr.json');
  const r = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { stdio: 'inherit', env: { ...process.env, WTR_COUNT_FILE: countFile } });
  let browser = { passed: 0, failed: 1, skipped: 0 };
  try {
    browser = JSON.parse(readFileSync(countFile, 'utf8'));
  } catch {
    console.error('web-test-runner did not report (is Chromium installed at /usr/bin/chromium or CHROME_PATH?)');
  }
  if (r.status !== 0 && browser.failed === 0) browser.failed = 1;
  console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += browser[k];
}

/** Runs a command, its output shown as it comes and also returned. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (status) => resolve({ status, out }));
  });
}

if (!only || only === '--storybook') {
  // Schemas are compiled by ensureBuilt above: --prebuilt skips that step.
  const r = await run('npx', ['tsx', '.storybook/test-stories.ts', '--prebuilt']);
  // Vitest's summary: "Tests  2 failed | 71 passed (73)" (colours stripped).
  const summary = r.out.replace(/\x1b\[[0-9;]*m/g, '').match(/^\s*Tests\s+(.+)\(\d+\)\s*$/m)?.[1] ?? '';
  const count = (word) => Number(summary.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  const stories = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') + count('todo') };
  // A failure without a failed test: the run died, or a rule or format has no passing story.
  if (r.status !== 0 && stories.failed === 0) stories.failed = 1;
  const build = await run('npx', ['storybook', 'build', '--output-dir', 'storybook-static', '--quiet']);
  if (build.status !== 0) {
    console.error('La construction statique de Storybook (build-storybook) a échoué.');
    stories.failed++;
  }
  console.log(`storybook: ${stories.passed} passed, ${stories.failed} failed, ${stories.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += stories[k];
}

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
