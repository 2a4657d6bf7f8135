/**
 * npm run bench: whole-dossier validation and re-validation after one change, for a complete
 * CPRO dossier, with the precompiled validators and with ajv compiling at run time.
 * Prints medians of 25 samples (each the mean over a batch), and the ratio between the two.
 * Goals (issue #2): whole ≤ 100 µs, after one change ≤ 20 µs, precompiled, in Node.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The compiled output (dist/), as hosts run it: the dev-time TypeScript loader would add wrappers to every closure.
import { compileDispositif } from '../dist/designer/index.js';
import { loadDefinitionSource } from '../dist/node/load-definition.js';
import { createEngine } from '../dist/registry/index.js';
import { DossierEngine } from '../dist/validation/dossier-engine.js';

const schemas = fileURLToPath(new URL('../../../schemas', import.meta.url));
const dossier = JSON.parse(readFileSync(`${schemas}/cpro/examples/valid.json`, 'utf8')) as unknown;
const SAMPLES = 25;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median over samples of the mean time per call, in µs. */
function measure(fn: (i: number) => void, batch: number): number {
  for (let i = 0; i < batch; i++) fn(i); // warm-up
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  return median(samples);
}

function run(engine: DossierEngine) {
  let sink = 0;
  const whole = measure(() => {
    sink += engine.validate(dossier, { today: '2026-01-15' }).errors.length;
  }, 2000);
  const session = engine.session(dossier, { today: '2026-01-15' });
  const values = ['MARTIN', 'DURAND'];
  const change = measure((i) => {
    session.set('/salarie/nomUsage', values[i & 1]);
    sink += session.result().errors.length;
  }, 5000);
  const changeRule = measure((i) => {
    session.set('/salarie/dateNaissance', i & 1 ? '2003-03-14' : '2003-03-15');
    sink += session.result().errors.length;
  }, 5000);
  if (sink < 0) console.log(sink);
  return { whole, change, changeRule };
}

const precompiled = run(await createEngine('cpro'));
const tCompile0 = process.hrtime.bigint();
const runtime = new DossierEngine(compileDispositif(await loadDefinitionSource(`${schemas}/cpro`)));
const compileMs = Number(process.hrtime.bigint() - tCompile0) / 1e6;
const atRuntime = run(runtime);

const fmt = (n: number) => `${n.toFixed(1).padStart(8)} µs`;
console.log(`CPRO dossier validation, Node ${process.version}, median of ${SAMPLES} samples`);
console.log(`${'measure'.padEnd(44)}${'precompiled'.padStart(11)}${'run-time ajv'.padStart(14)}   ratio   goal`);
const rows: [string, number, number, string][] = [
  ['whole dossier (schema + every rule)', precompiled.whole, atRuntime.whole, '≤ 100 µs'],
  ['after one change (nomUsage, no rule)', precompiled.change, atRuntime.change, '≤ 20 µs'],
  ['after one change (dateNaissance, 5 rules)', precompiled.changeRule, atRuntime.changeRule, '≤ 20 µs'],
];
for (const [label, a, b, goal] of rows) console.log(`${label.padEnd(44)}${fmt(a)}  ${fmt(b)}   ${(b / a).toFixed(2).padStart(5)}   ${goal}`);
console.log(`run-time compilation of the CPRO definition (designer mode): ${compileMs.toFixed(0)} ms, once`);
