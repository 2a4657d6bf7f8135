/**
 * CERFA generation in Node: a filled CPRO document (default layout, every mapped field) and the official
 * CERFA 10103*12 AcroForm filled by field name, medians of repeated runs; pdf-lib's first load apart.
 * Then what a host page loads for the CPRO wizard, from the built bundle. Goals: issue #14.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { figure, median } from './report.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const t0 = performance.now();
const { generateCerfa } = await import('../dist/cerfa/generate.js');
const loadMs = performance.now() - t0;
const { createEngine } = await import('../dist/registry/index.js');
const { dejaVuSans } = await import('../dist/node/fonts.js');
const engine = await createEngine('cpro');
const data = JSON.parse(readFileSync(`${root}schemas/cpro/examples/valid.json`, 'utf8')) as unknown;
const font = await dejaVuSans();
const template = readFileSync(`${root}packages/engine/test/fixtures/cerfa_10103-12.pdf`);
// The official form's own field names for a few CPRO values (the same map as cerfa.test.ts).
const official = {
  ...engine.definition,
  extras: {
    ...engine.definition.extras,
    'cerfa.map': {
      document: { title: 'Contrat d’apprentissage', number: 'cerfa N° 10103*12', sections: ['A'] },
      fields: [
        { name: 'Nom et prénom ou dénomination :', pointer: '/employeur/raisonSociale', format: 'upper' },
        { name: 'N°SIRET de l’établissement d’exécution du contrat :', pointer: '/employeur/siret', format: 'digits' },
        { name: 'Nom de naissance de l’apprenti(e) :', pointer: '/salarie/nomNaissance', format: 'upper' },
        { name: 'Apprenti Date naissance_af_date', pointer: '/salarie/dateNaissance', format: 'date' },
      ],
    },
  },
};

async function measure(label: string, run: () => Promise<unknown>, goal?: { max: number }, runs = 15) {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  console.log(figure(label, median(times), 'ms', goal));
}

console.log(`CPRO CERFA in Node ${process.version}, medians of 15 runs`);
console.log(figure('pdf-lib + generator module, first load (apart)', loadMs, 'ms'));
await measure('filled CPRO, fields kept fillable (Helvetica)', () => generateCerfa(engine.definition, data, {}), { max: 100 });
await measure('filled CPRO, flattened, BROUILLON (Helvetica)', () => generateCerfa(engine.definition, data, { flatten: true, draft: true }), { max: 100 });
await measure('filled CPRO, embedded DejaVu Sans (subset)', () => generateCerfa(engine.definition, data, { font }));
await measure('onto the official template (CERFA 10103*12, DejaVu Sans)', () => generateCerfa(official as typeof engine.definition, data, { template, font }), { max: 150 });

// What a host page loads for the CPRO wizard: the entry plus the CPRO artifact chunk, gzip.
const bundle = `${root}packages/elements/bundle`;
const gz = (file: string) => gzipSync(readFileSync(file)).length / 1024;
try {
  const chunks = join(bundle, 'chunks', 'akto-dossier-wizard');
  const files = readdirSync(chunks);
  const cpro = files.find((f) => /^cpro-.*\.js$/.test(f));
  const entry = gz(join(bundle, 'akto-dossier-wizard.js'));
  const artifact = cpro ? gz(join(chunks, cpro)) : NaN;
  console.log(figure('JS for the CPRO wizard: entry + CPRO artifact (gzip)', entry + artifact, 'KB', { max: 45 }));
  console.log(figure(`  entry akto-dossier-wizard.js`, entry, 'KB'));
  console.log(figure(`  CPRO artifact ${cpro ?? '(absent)'}`, artifact, 'KB'));
  for (const f of files.filter((n) => /^(generate|fontkit).*\.js$/.test(n))) console.log(figure(`  lazy (CERFA only) ${f}`, gz(join(chunks, f)), 'KB'));
} catch {
  console.log('(npm run build first: the bundle sizes come from packages/elements/bundle)');
}
