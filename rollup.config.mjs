// Browser bundles (single-file ESM, no bundler needed by the host page).
// The engine bundle holds the runtime and the precompiled dispositifs (one lazy chunk each);
// designer mode (run-time ajv, needs 'unsafe-eval') is deliberately not in it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const plugins = () => [nodeResolve({ browser: true, extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' }), terser({ format: { comments: false } })];

export default [
  {
    input: { 'akto-engine': 'packages/engine/src/index.ts' },
    output: { dir: 'packages/engine/bundle', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins(),
  },
  {
    // One tag, no build step: the wizard with every element, the engine and xstate; each dispositif is a lazy chunk.
    input: { 'akto-dossier-wizard': 'packages/elements/src/akto-dossier-wizard.ts' },
    output: { dir: 'packages/elements/bundle', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins(),
  },
];
