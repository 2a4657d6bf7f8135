/**
 * Precompiles a dispositif into an ES module holding its definition (data) and its ajv
 * validators as plain code: no `new Function` or `eval` at run time, so the engine runs
 * under a strict Content-Security-Policy. Node only (build time).
 */
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { createAjv, DOSSIER_AJV_OPTIONS, sectionKeyOf, validationSchema, validatorRefs, withoutAnnotations } from '../definition/create-ajv.js';
import type { DispositifDefinition } from '../models/definition.js';

const FORMATS_MODULE = fileURLToPath(new URL('../formats/index.ts', import.meta.url)).replace(/\.ts$/, '');

/** The standalone validator code of a definition, bundled with the ajv helpers and formats it requires. */
export async function compileStandalone(definition: DispositifDefinition, options: { minify?: boolean } = {}): Promise<string> {
  const ajv = createAjv({ ...DOSSIER_AJV_OPTIONS, code: { source: true, esm: true, formats: _`require(${FORMATS_MODULE}).formats` } });
  ajv.addSchema(withoutAnnotations(validationSchema(definition)));
  const refs = validatorRefs(definition);
  const code = standaloneCode(ajv, refs);
  const sections = Object.keys(refs)
    .filter((name) => name !== 'validate')
    .map((name) => `${JSON.stringify(sectionKeyOf(name))}: v.${name}`)
    .join(', ');
  const entry = [
    `import * as v from './validators.mjs';`,
    `export const validate = v.validate;`,
    `export const sections = { ${sections} };`,
    `export const definition = ${JSON.stringify(definition)};`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    plugins: [
      {
        name: 'validators',
        setup(b) {
          b.onResolve({ filter: /^\.\/validators\.mjs$/ }, () => ({ path: 'validators.mjs', namespace: 'validators' }));
          b.onLoad({ filter: /.*/, namespace: 'validators' }, () => ({ contents: code, loader: 'js', resolveDir: fileURLToPath(new URL('.', import.meta.url)) }));
        },
      },
    ],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    legalComments: 'none',
    minify: options.minify ?? false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild n’a rien produit');
  return out.text;
}
