#!/usr/bin/env node
// Runs every test: Node's test runner on packages/*/test/**/*.test.ts (engine, CLI), then
// web-test-runner in headless Chromium on the *.browser.test.ts and element tests.
// Ends with one line CI can read: "N passed, N failed, N skipped". --node / --browser run one side.
import { spawnSync } from 'node:child_process';
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

function testFiles() {
  return readdirSync('packages', { recursive: true })
    .map((f) => join('packages', f))
    .filter((f) => /[\\/]test[\\/].*\.test\.ts$/.test(f) && !f.endsWith('.browser.test.ts') && !f.includes('node_modules'))
    .sort();
}

if (only !== '--browser') {
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

if (only !== '--node') {
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

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
