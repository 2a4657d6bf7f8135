/**
 * `npm run test:storybook`: runs every story as a test in headless Chromium (Vitest, project
 * `storybook`), then compares the rules and formats the definitions hold with the stories that passed,
 * and prints « Règles avec une story : N/N · Formats avec une story : N/N ». Exits 1 when a story
 * failed or when a rule or a format has no passing story.
 *
 * --prebuilt: schemas already compiled (scripts/run-tests.mjs has just built everything).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { formatNames, loadDefinitions, ROOT } from './catalog.ts';

function run(command: string, args: string[]): number {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  return r.status ?? 1;
}

if (!process.argv.includes('--prebuilt') && run('npm', ['run', '--silent', 'build:schemas']) !== 0) process.exit(1);
if (run('npm', ['run', '--silent', 'manifest']) !== 0) process.exit(1);

const tmp = mkdtempSync(join(tmpdir(), 'akto-stories-'));
const report = join(tmp, 'vitest.json');
const status = run('npx', ['vitest', 'run', '--config', '.storybook/vitest.config.ts', '--project', 'storybook', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

interface Assertion {
  title: string;
  status: string;
}
interface Report {
  testResults?: { name: string; assertionResults: Assertion[] }[];
}
let results: Report = {};
try {
  results = JSON.parse(readFileSync(report, 'utf8')) as Report;
} catch {
  console.error('Vitest n’a pas écrit son rapport.');
}
rmSync(tmp, { recursive: true, force: true });

/** Names of the stories of one generated file whose test passed. */
function passed(file: string): Set<string> {
  const out = new Set<string>();
  for (const t of results.testResults ?? []) {
    if (relative(ROOT, t.name).split(sep).join('/') !== file) continue;
    for (const a of t.assertionResults) if (a.status === 'passed') out.add(a.title);
  }
  return out;
}

const rules = (await loadDefinitions()).flatMap((d) => d.rules.map((r) => r.id));
const formats = formatNames();
const ruleStories = passed('stories/rules/rules.stories.ts');
const formatStories = passed('stories/formats/formats.stories.ts');
const missingRules = rules.filter((id) => !ruleStories.has(id));
const missingFormats = formats.filter((f) => !formatStories.has(f));

if (missingRules.length) console.log(`Règles sans story qui passe : ${missingRules.join(', ')}`);
if (missingFormats.length) console.log(`Formats sans story qui passe : ${missingFormats.join(', ')}`);
console.log(`Règles avec une story : ${rules.length - missingRules.length}/${rules.length} · Formats avec une story : ${formats.length - missingFormats.length}/${formats.length}`);
process.exit(status !== 0 || missingRules.length || missingFormats.length ? 1 : 0);
