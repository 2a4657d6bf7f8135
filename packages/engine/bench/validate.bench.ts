/**
 * npm run bench: validation in Node, as hosts run it (the compiled dist/ and the built artifacts on
 * plain Node: scripts/bench.mjs transpiles this file first, since a TypeScript loader such as tsx
 * would also transform the artifacts and slow the validators down about five times).
 * CPRO: whole dossier, and re-validation after one change, precompiled and with ajv at run time.
 * AF: cost per repeated item (trainees and modules) at 10, 100 and 1,000 items, and one change
 * inside one item of a 1,000-item array. Goals: issue #14.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileDispositif } from '../dist/designer/index.js';
import { loadDefinitionSource } from '../dist/node/load-definition.js';
import { createEngine } from '../dist/registry/index.js';
import { DossierEngine } from '../dist/validation/dossier-engine.js';
import { figure, measureMicros } from './report.js';

const schemas = fileURLToPath(new URL('../../../schemas', import.meta.url));
const read = (id: string) => JSON.parse(readFileSync(`${schemas}/${id}/examples/valid.json`, 'utf8')) as Record<string, unknown>;
const TODAY = { today: '2026-01-15' };
let sink = 0;

function cpro(engine: DossierEngine) {
  const dossier = read('cpro');
  const whole = measureMicros(() => (sink += engine.validate(dossier, TODAY).errors.length), 2000);
  const session = engine.session(dossier, TODAY);
  const values = ['MARTIN', 'DURAND'];
  const change = measureMicros((i) => {
    session.set('/salarie/nomUsage', values[i & 1]);
    sink += session.result().errors.length;
  }, 5000);
  const changeRule = measureMicros((i) => {
    session.set('/salarie/dateNaissance', i & 1 ? '2003-03-14' : '2003-03-15');
    sink += session.result().errors.length;
  }, 5000);
  return { whole, change, changeRule };
}

const precompiled = cpro(await createEngine('cpro'));
const source = await loadDefinitionSource(`${schemas}/cpro`);
const tCompile0 = process.hrtime.bigint();
const compiled = new DossierEngine(compileDispositif(source));
const compileMs = Number(process.hrtime.bigint() - tCompile0) / 1e6;
const runtime = cpro(compiled);

console.log(`Validation in Node ${process.version}, medians of 25 samples`);
console.log(figure('CPRO, whole dossier (schema + every rule)', precompiled.whole, 'µs', { max: 100 }));
console.log(figure('CPRO, after one change touching no rule (nomUsage)', precompiled.change, 'µs', { max: 20 }));
console.log(figure('CPRO, after one change touching five rules (dateNaissance)', precompiled.changeRule, 'µs', { max: 20 }));
console.log(figure('  same three with ajv compiled at run time (designer)', runtime.whole, 'µs'));
console.log(figure('', runtime.change, 'µs'));
console.log(figure('', runtime.changeRule, 'µs'));
console.log(figure('  run-time compilation of CPRO (designer mode), once', compileMs, 'ms'));

// AF: n trainees and n/10 modules (at most 10, the schema's limit), built from the example's items.
const af = await createEngine('af');
const base = read('af');
const trainees = base.stagiaires as Record<string, unknown>[];
const modules = base.modules as Record<string, unknown>[];
const modulesFor = (n: number) => Math.min(10, Math.max(1, Math.round(n / 10)));
function afWith(n: number): Record<string, unknown> {
  const m = modulesFor(n);
  return {
    ...base,
    modules: Array.from({ length: m }, (_, i) => ({ ...modules[i % modules.length] })),
    stagiaires: Array.from({ length: n }, (_, i) => ({ ...trainees[i % trainees.length], nomNaissance: `STAGIAIRE${i}`, modules: [1 + (i % m)] })),
  };
}
const perItem: Record<number, number> = {};
for (const n of [10, 100, 1000]) {
  const data = afWith(n);
  const t = measureMicros(() => (sink += af.validate(data, TODAY).errors.length), n >= 1000 ? 5 : 200, n >= 1000 ? 9 : 25);
  perItem[n] = t / (n + modulesFor(n));
  if (n === 100) console.log(figure('AF, 100 trainees and 10 modules, whole dossier', t / 1000, 'ms', { max: 1.5 }));
}
for (const n of [10, 100, 1000]) console.log(figure(`AF, cost per item at ${n} trainees (+ ${modulesFor(n)} modules)`, perItem[n] as number, 'µs/item'));
const flat = (perItem[1000] as number) / (perItem[10] as number);
console.log(figure('AF, cost per item at 1,000 ÷ at 10 (flat: ≈ 1)', flat, '×', { max: 1.5 }));
const big = af.session(afWith(1000), TODAY);
const names = ['DUPONT', 'DURAND'];
const inItem = measureMicros((i) => {
  big.set('/stagiaires/500/nomNaissance', names[i & 1]);
  sink += big.result().errors.length;
}, 200, 15);
console.log(figure('AF, one change inside one item of 1,000, incremental', inItem, 'µs', { max: 30 }));
if (sink < 0) console.log(sink);
