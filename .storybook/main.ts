/**
 * Storybook: the QA bench of the dossier wizard (stories/). Runs offline and without telemetry.
 * The stories of stories/rules, stories/formats and stories/dispositifs are generated from the
 * definitions at load time (see catalog.ts); the others are ordinary CSF files.
 * The elements and the engine are served from their TypeScript sources (no `tsc -b` needed), with the
 * dispositifs compiled by `npm run build:schemas` (the artifacts of schemas/dist).
 */
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type PluginOption } from 'vite';
import { GENERATED_FILES, generatedStoriesIndexer, generatedStoriesPlugin, ROOT } from './catalog.ts';
import { designerFiles, plainMarkdown } from '../examples/designer/files-plugin.mjs';

const source = (path: string) => join(ROOT, path);

/**
 * addon-docs' CSF plugin adds each story's source snippet by reading the story file from disk, where the
 * generated stories are not: it would warn (« reading 'tokens' ») once per generated file. Their
 * snippets would only show a helper call anyway, so the plugin leaves those files alone.
 */
function skipSourceSnippets<T extends { plugins?: PluginOption[] }>(config: T): T {
  const generated = new Set(GENERATED_FILES);
  type Handler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;
  const skip = (handler: Handler): Handler =>
    function (this: unknown, code, id, ...rest) {
      return generated.has(id.split('?')[0] as string) ? undefined : handler.call(this, code, id, ...rest);
    };
  const visit = (option: PluginOption): void => {
    if (Array.isArray(option)) return option.forEach(visit);
    const plugin = option as { name?: string; transform?: Handler | { handler: Handler } } | null;
    if (plugin?.name !== 'plugin-csf' || !plugin.transform) return;
    if (typeof plugin.transform === 'function') plugin.transform = skip(plugin.transform);
    else plugin.transform.handler = skip(plugin.transform.handler);
  };
  (config.plugins ?? []).forEach(visit);
  return config;
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Documentation' },
  experimental_indexers: async (existing) => [generatedStoriesIndexer, ...(existing ?? [])],
  viteFinal: (config) =>
    mergeConfig(skipSourceSnippets(config), {
      resolve: {
        alias: [
          { find: /^@akto\/engine$/, replacement: source('packages/engine/src/index.ts') },
          { find: /^@akto\/engine\/designer$/, replacement: source('packages/engine/src/designer/index.ts') },
          { find: /^@akto\/engine\/check$/, replacement: source('packages/engine/src/check/index.ts') },
          { find: /^@akto\/engine\/cerfa$/, replacement: source('packages/engine/src/cerfa/generate.ts') },
          { find: /^@akto\/elements$/, replacement: source('packages/elements/src/index.ts') },
        ],
      },
      // The designer story (stories/designer) reads the raw JSON of schemas/ from a virtual module.
      plugins: [generatedStoriesPlugin(), designerFiles(source('schemas')), plainMarkdown()],
      // CommonJS dependencies reached through the aliased sources (Vite only pre-bundles what it finds).
      optimizeDeps: { include: ['ajv/dist/2020.js', 'ajv-formats/dist/formats.js', 'pdf-lib', '@pdf-lib/fontkit'], rolldownOptions: { plugins: [plainMarkdown()] } },
      build: { chunkSizeWarningLimit: 4096 },
    }),
};

export default config;
