/**
 * CERFA generation in Node: a filled CPRO document (default layout, every mapped field), medians of
 * repeated runs; pdf-lib's first load measured apart. Goal (issue #6): ≤ 150 ms median.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;

const t0 = performance.now();
const { generateCerfa } = await import('../dist/cerfa/generate.js');
const loadMs = performance.now() - t0;
const { createEngine } = await import('../dist/registry/index.js');
const { dejaVuSans } = await import('../dist/node/fonts.js');
const engine = await createEngine('cpro');
const data = JSON.parse(readFileSync(`${root}schemas/cpro/examples/valid.json`, 'utf8')) as unknown;
const font = await dejaVuSans();

async function measure(label: string, options: Record<string, unknown>, runs = 15) {
  await generateCerfa(engine.definition, data, options); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await generateCerfa(engine.definition, data, options);
    times.push(performance.now() - s);
  }
  console.log(`${label.padEnd(52)} ${median(times).toFixed(1).padStart(7)} ms   (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)`);
}

console.log(`CPRO CERFA, Node ${process.version}; goal ≤ 150 ms median`);
console.log(`${'pdf-lib + generator module first load (apart)'.padEnd(52)} ${loadMs.toFixed(1).padStart(7)} ms`);
await measure('filled, fields kept fillable (Helvetica)', {});
await measure('filled and flattened, BROUILLON (Helvetica)', { flatten: true, draft: true });
await measure('filled, embedded DejaVu Sans (subset)', { font });

const chunks = `${root}packages/elements/bundle/chunks`;
try {
  for (const f of readdirSync(chunks).filter((n) => /^(generate|fontkit).*\.js$/.test(n))) {
    const bytes = readFileSync(`${chunks}/${f}`);
    console.log(`lazy chunk ${f.padEnd(40)} ${(statSync(`${chunks}/${f}`).size / 1024).toFixed(0)} KB min, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip`);
  }
} catch {
  console.log('(run npm run build for the lazy chunk sizes)');
}
