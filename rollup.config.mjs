// Browser bundles (single-file ESM, no bundler needed by the host page).
// The engine bundle holds the runtime and the precompiled dispositifs (one lazy chunk each);
// designer mode (run-time ajv, needs 'unsafe-eval') is deliberately not in it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { designerFiles, plainMarkdown } from './examples/designer/files-plugin.mjs';

// pdf-lib's "module" build imports JSON and CommonJS files: use its self-contained ESM bundle instead.
const pdfLibEsm = { name: 'pdf-lib-esm', resolveId: (source) => (source === 'pdf-lib' ? fileURLToPath(new URL('node_modules/pdf-lib/dist/pdf-lib.esm.js', import.meta.url)) : null) };

const plugins = () => [pdfLibEsm, nodeResolve({ browser: true, extensions: ['.ts', '.js'] }), commonjs(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' }), terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } })];

// Start from empty output folders: stale chunks would otherwise pile up next to the new ones.
for (const dir of ['packages/engine/bundle', 'packages/elements/bundle', 'examples/designer/dist']) rmSync(dir, { recursive: true, force: true });

export default [
  {
    input: { 'akto-engine': 'packages/engine/src/index.ts' },
    output: { dir: 'packages/engine/bundle', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins(),
  },
  // One tag, no build step: each entry is a single file holding what it needs (lit, xstate, the engine);
  // only the dispositifs and pdf-lib come later, as chunks loaded on demand.
  ...['akto-dossier-wizard', 'akto-elements'].map((name) => ({
    input: { [name]: `packages/elements/src/${name}.ts` },
    // The lazy chunks may import from the entry itself, so the entry stays one file.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'packages/elements/bundle', format: 'es', entryFileNames: '[name].js', chunkFileNames: `chunks/${name}/[name]-[hash].js`, sourcemap: true },
    plugins: plugins(),
  })),
  // The designer page (examples/designer): CodeMirror, run-time ajv and the raw JSON of schemas/.
  // A demo tool, not a published bundle: it is not minified and needs 'unsafe-eval' (see its README).
  {
    input: { designer: 'examples/designer/src/index.ts' },
    output: { dir: 'examples/designer/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [designerFiles('schemas'), plainMarkdown(), json(), ...plugins().slice(0, -1)],
    onwarn(warning, warn) {
      // codemirror-json-schema's dependencies (markdown-it, shiki) carry `this` at module level and circular imports.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
];
