/**
 * Node side of the generated stories: which stories the files of stories/rules, stories/formats and
 * stories/dispositifs hold, read from the definitions at load time (nothing is written to disk).
 *
 * Both Storybook's index (the custom indexer of main.ts) and the modules the browser loads (the Vite
 * plugin below, which appends one `export const` per story to the file) come from here, so they
 * always agree. The definitions are the ones the browser's engine uses: the artifacts of schemas/dist,
 * written by `npm run build:schemas` (akto-forms build) from schemas/ (the npm scripts run it first).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { FORMAT_MESSAGES } from '../packages/engine/src/formats/messages.ts';
import { storyId } from '../stories/support/ids.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = join(ROOT, 'schemas/dist');
const MESSAGES = join(ROOT, 'packages/engine/src/formats/messages.ts');

interface RuleLike {
  id: string;
}
interface DefinitionLike {
  identity: { id: string; code: string; label: string };
  rules: RuleLike[];
}

export interface GeneratedStory {
  exportName: string;
  /** Shown in the sidebar: the rule id, the format name, the dispositif label. */
  name: string;
  title: string;
  id: string;
  tags: string[];
  /** The expression the appended `export const` evaluates (a call of a helper the file imports). */
  code: string;
}

/** The generated files, by path under stories/ (with /). */
const GENERATORS: Record<string, () => Promise<GeneratedStory[]>> = {
  'rules/rules.stories.ts': ruleStories,
  'formats/formats.stories.ts': formatStories,
  'dispositifs/dispositifs.stories.ts': dispositifStories,
};

export const GENERATED_FILES = Object.keys(GENERATORS).map((f) => join(ROOT, 'stories', f));

let definitions: Promise<DefinitionLike[]> | undefined;

/** The definitions of schemas/ as compiled by build:schemas (the same objects the browser gets). */
export function loadDefinitions(): Promise<DefinitionLike[]> {
  definitions ??= (async () => {
    const index = join(ARTIFACTS, 'index.js');
    if (!existsSync(index)) throw new Error(`${relative(ROOT, index)} est absent : lancez d'abord « npm run build:schemas ».`);
    const { builtins } = (await import(pathToFileURL(index).href)) as { builtins: { load: () => Promise<{ definition: DefinitionLike }> }[] };
    return Promise.all(builtins.map(async (b) => (await b.load()).definition));
  })();
  return definitions;
}

/** The format names of the engine (FORMAT_MESSAGES, packages/engine/src/formats/messages.ts). */
export function formatNames(): string[] {
  return Object.keys(FORMAT_MESSAGES);
}

/** A valid, unique export name for a story. */
function exportNameFor(text: string, taken: Set<string>): string {
  let name = `_${text.replace(/[^A-Za-z0-9_$]/g, '_')}`;
  while (taken.has(name)) name += '_';
  taken.add(name);
  return name;
}

const json = (v: unknown) => JSON.stringify(v);

async function ruleStories(): Promise<GeneratedStory[]> {
  const taken = new Set<string>();
  const out: GeneratedStory[] = [];
  for (const d of await loadDefinitions()) {
    const title = `Règles/${d.identity.code} — ${d.identity.label}`;
    for (const rule of d.rules) {
      const id = storyId(title, rule.id);
      out.push({
        exportName: exportNameFor(rule.id, taken),
        name: rule.id,
        title,
        id,
        tags: ['rule', '!autodocs'],
        code: `ruleStory(${json(d.identity.id)}, ${json(rule.id)}, ${json({ id, title })})`,
      });
    }
  }
  return out;
}

async function formatStories(): Promise<GeneratedStory[]> {
  const taken = new Set<string>();
  const title = 'Formats';
  return formatNames().map((name) => {
    const id = storyId(title, name);
    return { exportName: exportNameFor(name, taken), name, title, id, tags: ['format', '!autodocs'], code: `formatStory(${json(name)}, ${json({ id, title })})` };
  });
}

async function dispositifStories(): Promise<GeneratedStory[]> {
  const taken = new Set<string>();
  const title = 'Dispositifs';
  return (await loadDefinitions()).map((d) => {
    const name = `${d.identity.code} — ${d.identity.label}`;
    const id = storyId(title, d.identity.id);
    return { exportName: exportNameFor(d.identity.id, taken), name, title, id, tags: ['dispositif'], code: `dispositifStory(${json(d.identity.id)}, ${json({ id, title, name })})` };
  });
}

function generatorFor(file: string): (() => Promise<GeneratedStory[]>) | undefined {
  const rel = relative(join(ROOT, 'stories'), resolve(file.split('?')[0] as string)).split(sep).join('/');
  return GENERATORS[rel];
}

/** The generated stories of a file of stories/, or undefined for an ordinary CSF file. */
export async function generatedStoriesOf(file: string): Promise<GeneratedStory[] | undefined> {
  return generatorFor(file)?.();
}

/** Storybook indexer for the generated files (placed before the CSF indexer in main.ts). */
export const generatedStoriesIndexer = {
  test: /[\\/]stories[\\/](rules|formats|dispositifs)[\\/][^\\/]+\.stories\.ts$/,
  createIndex: async (fileName: string) => {
    const stories = (await generatedStoriesOf(fileName)) ?? [];
    return stories.map((s) => ({ type: 'story' as const, importPath: fileName, exportName: s.exportName, name: s.name, title: s.title, tags: s.tags, __id: s.id }));
  },
};

/** Appends the generated `export const`s to the generated files as Vite loads them (dev, build and Vitest). */
export function generatedStoriesPlugin(): Plugin {
  return {
    name: 'akto:generated-stories',
    enforce: 'pre',
    async transform(code, id) {
      if (!generatorFor(id)) return undefined;
      const stories = (await generatedStoriesOf(id)) ?? [];
      for (const f of [join(ARTIFACTS, 'index.js'), MESSAGES]) this.addWatchFile(f);
      // `name` stays a literal so that Vitest names each test after its story (rule id, format name).
      const exports = stories.map((s) => `export const ${s.exportName} = { ...${s.code}, name: ${json(s.name)} };`).join('\n');
      return { code: `${code}\n// Generated at load time by .storybook/catalog.ts (${basename(id)}): ${stories.length} stories.\n${exports}\n`, map: null };
    },
  };
}
